/** Every projection the runner maintains. Features add theirs here. */
import { certificatesProjection } from './certificates.js';
import { classesProjection } from './classes.js';
import { creditRecordsProjection } from './credit-records.js';
import { creditTotalsProjection } from './credit-totals.js';
import { dishonestyRecordsProjection } from './dishonesty-records.js';
import { enrolmentsProjection } from './enrolments.js';
import { legacyImportsProjection, legacyRowsProjection } from './legacy.js';
import { orgsProjection } from './orgs.js';
import type { AnyProjection } from './projection.js';
import { statisticsRunsProjection } from './statistics.js';
import { streamCatalog } from './stream-catalog.js';
import { tasksProjection } from './tasks.js';
import { unitMembersProjection } from './unit-members.js';

export const projections: AnyProjection[] = [
  streamCatalog, tasksProjection, orgsProjection, unitMembersProjection, creditRecordsProjection, creditTotalsProjection, classesProjection,
  enrolmentsProjection, dishonestyRecordsProjection, certificatesProjection,
  statisticsRunsProjection, legacyRowsProjection, legacyImportsProjection,
];
