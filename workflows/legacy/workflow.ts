/**
 * The import lifecycle (`legacy-import-<importId>`) on the kit: `start` records the import; then the lifecycle's own
 * work (kit `Work`) surveys the file and processes it chunk by chunk, each outcome an event — so progress is visible
 * while it runs, a worker killed mid-chunk resumes at that chunk, and a long import continues-as-new like any lifecycle.
 */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import {
  type LegacyCounts, type LegacyImportEvent, type LegacyImportState, type LegacyRowError, evolveLegacyImport, initialLegacyImport,
} from '../../events/legacy.js';
import type { Actor } from '../../events/task.js';
import type { LegacyImportActivities } from '../activities/legacy-import.js';
import type { Decider } from '../kit/decider.js';
import { invalidTransition, notFound } from '../kit/domain-errors.js';
import { runLifecycle } from '../kit/host.js';
import { type Lifecycle, type ReviewDecided, type Work, binder } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { LEGACY_KIND, type LegacyImportStart, type LegacyImportView, type Survey, UNREADABLE_FILE, startLegacyImportUpdate } from './messages.js';

type Command =
  | { type: 'start'; start: LegacyImportStart }
  | { type: 'surveyed'; survey: Survey }
  | { type: 'chunkProcessed'; chunk: number; counts: LegacyCounts; errors: LegacyRowError[] }
  | { type: 'fail'; reason: { zh: string; en: string } };

/** Errors kept per chunk event; the import keeps the first LEGACY_ERRORS_KEPT over all (events/legacy.ts). */
const ERRORS_PER_CHUNK = 200;

export const legacyImportDecider: Decider<Command | ReviewDecided, LegacyImportEvent, LegacyImportState> = {
  initialState: (id) => initialLegacyImport(id.replace(/^import-/, '')),
  evolve: evolveLegacyImport,
  decide(command, state, { now }) {
    const importId = state.importId;
    switch (command.type) {
      case 'start': {
        if (state.status !== 'none') throw invalidTransition({ zh: '该导入已开始', en: 'this import has already started' });
        const { kind, dryRun, file, firstDeclarableYear, actor } = command.start;
        return [{ type: 'LegacyImportStarted', data: { importId, kind, dryRun, file, firstDeclarableYear, startedBy: actor.id, startedAt: now } }];
      }
      // The lifecycle's own work: an outcome that no longer fits the state (it failed meanwhile) changes nothing.
      case 'surveyed': {
        if (state.status !== 'running' || state.chunkFiles) return [];
        const surveyed: LegacyImportEvent = { type: 'LegacyImportSurveyed', data: { importId, ...command.survey } };
        return command.survey.chunks === 0 ? [surveyed, { type: 'LegacyImportCompleted', data: { importId, counts: state.counts, completedAt: now } }] : [surveyed];
      }
      case 'chunkProcessed': {
        if (state.status !== 'running' || command.chunk !== state.chunksDone) return [];
        const processed: LegacyImportEvent = {
          type: 'LegacyChunkProcessed',
          data: { importId, chunk: command.chunk, counts: command.counts, errors: command.errors.slice(0, ERRORS_PER_CHUNK) },
        };
        if (command.chunk + 1 < state.chunks) return [processed];
        const counts = evolveLegacyImport(state, processed as Extract<LegacyImportEvent, { type: 'LegacyChunkProcessed' }>).counts;
        return [processed, { type: 'LegacyImportCompleted', data: { importId, counts, completedAt: now } }];
      }
      case 'fail':
        if (state.status !== 'running') return [];
        return [{ type: 'LegacyImportFailed', data: { importId, reason: command.reason, failedAt: now } }];
      default:
        throw notFound();
    }
  },
};

const { surveyLegacyImport, importLegacyChunk } = proxyActivities<LegacyImportActivities>({
  // A chunk waits for the read models to show earlier chunks, then writes one stream: minutes at most.
  startToCloseTimeout: '10m',
  // A worker killed mid-chunk is noticed this soon, and the chunk retried elsewhere (activities beat more often).
  heartbeatTimeout: '15s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: [UNREADABLE_FILE] },
});

type Item = { type: 'survey' } | { type: 'chunk'; chunk: number };

const importWork: Work<Command, LegacyImportState, Item> = {
  next(state) {
    if (state.status !== 'running') return null;
    if (!state.chunkFiles) return { type: 'survey' };
    return state.chunksDone < state.chunks ? { type: 'chunk', chunk: state.chunksDone } : null;
  },
  async run(item, state) {
    const actor: Actor = { id: state.startedBy ?? 'system', role: 'admin' };
    try {
      if (item.type === 'survey') {
        return { actor, command: { type: 'surveyed', survey: await surveyLegacyImport({ importId: state.importId, kind: state.kind!, file: state.file! }) } };
      }
      const outcome = await importLegacyChunk({
        importId: state.importId, kind: state.kind!, dryRun: state.dryRun, chunkFile: state.chunkFiles![item.chunk]!, chunk: item.chunk,
        firstDeclarableYear: state.firstDeclarableYear,
      });
      return { actor, command: { type: 'chunkProcessed', chunk: item.chunk, ...outcome } };
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      const cause = error.cause instanceof ApplicationFailure ? error.cause : null;
      const reason =
        cause?.type === UNREADABLE_FILE
          ? { zh: `文件无法读取：${cause.message}`, en: `the file cannot be read: ${cause.message}` }
          : { zh: '导入中断，请重新导入（已导入的行不会重复）', en: 'the import was interrupted; import the file again (rows already imported are not repeated)' };
      return { actor, command: { type: 'fail', reason } };
    }
  },
};

const view = (state: LegacyImportState, position: string): LegacyImportView => ({ ...state, position });
const bind = binder<Command, LegacyImportEvent, LegacyImportState>();

const legacyImport: Lifecycle<Command, LegacyImportEvent, LegacyImportState, LegacyImportView> = {
  kind: LEGACY_KIND,
  decider: legacyImportDecider,
  commands: [bind(startLegacyImportUpdate, { toCommand: (start) => ({ type: 'start', start }), result: ({ state, position }) => view(state, position) })],
  work: importWork,
  // Each chunk adds a few dozen history events: a 200,000-row file (100 chunks) continues-as-new every 20.
  commandsPerRun: 20,
  settled: (state) => state.status !== 'running',
  view,
};

export async function legacyLifecycle(input: LifecycleInput<LegacyImportState>): Promise<LegacyImportView | null> {
  return runLifecycle(legacyImport, input);
}
