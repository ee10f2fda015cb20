/**
 * The load driver for reuse (fault tests import it from here): run journeys against one or more API instances,
 * reconcile the log and the read models afterwards, report; and start the embedded system when there is none.
 */
export { type LoadOptions, type LoadResult, type Roles, rolesFor, runLoad } from './run-load.js';
export { type Reconciliation, reconcile } from './reconcile.js';
export { loadFailed, loadReport } from './report.js';
export { type LogProblems, type RunningSystem, LOAD_ADMIN_PASSWORD, logProblems, startSystem } from './system.js';
export type { Acknowledged, ExpectedEvent } from './ledger.js';
export type { ErrorGroup, RequestResult, RouteStats } from './stats.js';
