/** Credit records (学时申报): declaration, evidence, submission to the unit, and the person's yearly summary. */
import type { Plugin } from '@hapi/hapi';
import { downloadRoute, removeAttachmentRoute, uploadRoute } from './attachments.route.js';
import { declareRoute, editRoute } from './declare.route.js';
import { getRecordRoute, listRecordsRoute } from './read.route.js';
import { revokeRoute, submitRoute, withdrawRoute } from './review.route.js';
import { summaryRoute } from './summary.route.js';
import { creditHistoryRoute } from './history.route.js';

export const creditsPlugin: Plugin<void> = {
  name: 'jxjy-credits',
  register(server) {
    server.route(declareRoute);
    server.route(editRoute);
    server.route(uploadRoute);
    server.route(removeAttachmentRoute);
    server.route(downloadRoute);
    server.route(submitRoute);
    server.route(withdrawRoute);
    server.route(revokeRoute);
    server.route(listRecordsRoute);
    server.route(getRecordRoute);
    server.route(summaryRoute);
    server.route(creditHistoryRoute);
  },
};
