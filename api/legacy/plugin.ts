/** The old system's history: admin imports its exports; people look up and print what it recorded for them. */
import type { Plugin } from '@hapi/hapi';
import { historyCertificatePdfRoute, historyCertificatesRoute, historyRecordsRoute } from './history.route.js';
import { getImportRoute, listImportsRoute, startImportRoute } from './import.route.js';
import { rejectedRowsRoute } from './rejected.route.js';

export const legacyPlugin: Plugin<void> = {
  name: 'jxjy-legacy',
  register(server) {
    server.route(startImportRoute);
    server.route(listImportsRoute);
    server.route(getImportRoute);
    server.route(rejectedRowsRoute);
    server.route(historyRecordsRoute);
    server.route(historyCertificatesRoute);
    server.route(historyCertificatePdfRoute);
  },
};
