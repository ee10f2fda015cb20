/**
 * The import lifecycle's activities (workflows/legacy/). `surveyLegacyImport` reads the uploaded file once — CSV in
 * any of its encodings or XLSX, streamed — maps its header, and lays its data rows out as JSON lines in the file
 * store, so every chunk after it reads plain rows by number, whatever the original format. `importLegacyChunk`
 * checks one chunk's rows, leaves out those already imported (by row key, in the read models once they show every
 * earlier write, and within the chunk), and writes the rest as one `legacy-rows-<importId>-<chunk>` stream. A chunk
 * retried after a crash finds its stream and writes nothing again: every row exactly once.
 */
import { ApplicationFailure, heartbeat } from '@temporalio/activity';
import { newVerificationCode } from '../../api/certificates/codes.js';
import { type LegacyCertificate, type LegacyCounts, type LegacyKind, type LegacyRecord, type LegacyRowError, type LegacyRowEvent, legacyRowsStream } from '../../events/legacy.js';
import type { Database } from '../../events/store/database.js';
import type { EventStore, NewEvent } from '../../events/store/event-store.js';
import type { FileStore } from '../../events/store/files/file-store.js';
import { nameBasedId } from '../../events/store/name-based-id.js';
import { readCheckpoints } from '../../projections/checkpoints.js';
import { type ChunkInput, type ChunkOutcome, type Survey, type SurveyInput, UNREADABLE_FILE } from '../legacy/messages.js';
import { mapHeader } from '../../api/legacy/columns.js';
import { readTable } from '../../api/files/tables/read-table.js';
import { type RawRow, checkCertificateRow, checkRecordRow } from '../../api/legacy/rows.js';
import { sniffTable } from '../../api/files/tables/sniff-table.js';

export const LEGACY_CHUNK_SIZE = 2_000;
const ERRORS_RETURNED = 200;
const READ_MODELS: Record<LegacyKind, string> = { records: 'legacy_records', certificates: 'legacy_certificates' };
/** The projection that keeps both tables (projections/legacy.ts). */
const ROWS_PROJECTION = 'legacy_rows';
const CAUGHT_UP_WAIT_MS = 60_000;

const unreadable = (message: string) => ApplicationFailure.create({ type: UNREADABLE_FILE, message, nonRetryable: true });

export function createLegacyImportActivities({ store, db, files }: { store: EventStore; db: Database; files?: FileStore }) {
  const fileStore = () => {
    if (!files) throw new Error('the legacy import needs the file store in the worker’s activity dependencies');
    return files;
  };

  async function rowsOf(chunkFile: string): Promise<string[]> {
    const bytes = await fileStore().get(chunkFile);
    if (!bytes) throw unreadable(`the normalised rows ${chunkFile} are gone from the file store`);
    return Buffer.from(bytes).toString('utf8').split('\n').filter(Boolean);
  }

  /** Waits until the read model shows every write made before now (so earlier chunks' rows are seen). */
  async function caughtUp(name: string): Promise<void> {
    const head = await store.writtenPosition();
    const deadline = Date.now() + CAUGHT_UP_WAIT_MS;
    for (;;) {
      const checkpoint = (await readCheckpoints(db, 'projection_checkpoints', [name])).get(name);
      if (checkpoint && checkpoint.position >= head) return;
      if (Date.now() > deadline) throw new Error(`${name} has not caught up with ${head}; the projection runner may be down`);
      heartbeat();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  return {
    async surveyLegacyImport({ kind, file }: SurveyInput): Promise<Survey> {
      const bytes = await fileStore().get(file.sha256);
      if (!bytes) throw unreadable(`the uploaded file ${file.sha256} is gone from the file store`);
      const sniffed = sniffTable(bytes);
      if (!sniffed) throw unreadable('it is neither CSV nor XLSX');
      // One chunk's rows in memory at a time: each is stored as soon as it is full.
      const jsonLines = (part: string[]) => new TextEncoder().encode(`${part.join('\n')}\n`);
      const chunkFiles: string[] = [];
      let lines: string[] = [];
      let totalRows = 0;
      const flush = async () => {
        if (lines.length === 0) return;
        chunkFiles.push((await fileStore().put(jsonLines(lines))).sha256);
        lines = [];
        heartbeat();
      };
      let header: ReturnType<typeof mapHeader> | null = null;
      try {
        for await (const { row, cells } of readTable(bytes, sniffed)) {
          if (!header) {
            header = mapHeader(kind, cells);
            if (header.missing.length > 0) throw unreadable(`the header lacks ${header.missing.map((c) => c.label.zh).join('、')}`);
            continue;
          }
          const values = Object.fromEntries(Object.entries(header.at).map(([field, index]) => [field, cells[index] ?? null]));
          lines.push(JSON.stringify({ row, values } satisfies RawRow));
          totalRows += 1;
          if (lines.length === LEGACY_CHUNK_SIZE) await flush();
        }
      } catch (error) {
        if (error instanceof ApplicationFailure) throw error;
        throw unreadable((error as Error).message);
      }
      if (!header) throw unreadable('the file is empty');
      await flush();
      return { totalRows, chunkFiles, chunkSize: LEGACY_CHUNK_SIZE, chunks: chunkFiles.length };
    },

    async importLegacyChunk({ importId, kind, dryRun, chunkFile, chunk, firstDeclarableYear }: ChunkInput): Promise<ChunkOutcome> {
      const rows = (await rowsOf(chunkFile)).map((line) => JSON.parse(line) as RawRow);
      const checked = rows.map((raw) => (kind === 'records' ? checkRecordRow(raw, firstDeclarableYear) : checkCertificateRow(raw, firstDeclarableYear)));
      const errors: LegacyRowError[] = [];
      const valid: Array<{ row: number; value: LegacyRecord | Omit<LegacyCertificate, 'verificationCode'> }> = [];
      checked.forEach((outcome, i) => (outcome.ok ? valid.push({ row: rows[i]!.row, value: outcome.value }) : errors.push(outcome.error)));
      /** `fresh`: the valid rows not imported before; a dry run imports none of them. */
      const outcome = (fresh: number): ChunkOutcome => ({
        counts: { total: rows.length, valid: valid.length, imported: dryRun ? 0 : fresh, duplicates: valid.length - fresh, rejected: errors.length } satisfies LegacyCounts,
        errors: errors.slice(0, ERRORS_RETURNED),
      });

      const streamId = legacyRowsStream(importId, chunk);
      if (!dryRun) {
        // Written already (this is a retry after a crash or a lost acknowledgement): count what it holds.
        const written = await store.readStream(streamId);
        if (written.length > 0) return outcome(written.length);
      }

      await caughtUp(ROWS_PROJECTION);
      const keys = valid.map((v) => v.value.rowKey);
      const { rows: existing } = await db.query<{ row_key: string }>(`SELECT row_key FROM ${READ_MODELS[kind]} WHERE row_key = ANY($1)`, [keys]);
      const seen = new Set(existing.map((r) => r.row_key));
      const fresh = valid.filter((v) => (seen.has(v.value.rowKey) ? false : (seen.add(v.value.rowKey), true)));
      if (dryRun || fresh.length === 0) return outcome(fresh.length);

      const recordedAt = new Date().toISOString();
      const events: NewEvent[] = fresh.map(({ row, value }) => {
        const event = (
          kind === 'records'
            ? { type: 'LegacyRecordImported', data: { ...value, importId, row } }
            : { type: 'LegacyCertificateImported', data: { ...value, importId, row, verificationCode: newVerificationCode() } }
        ) as LegacyRowEvent;
        return { eventId: nameBasedId(`${streamId}:${row}`), ...event, recordedAt, metadata: { actor: { id: 'system', role: 'system' }, schemaVersion: 1 } };
      });
      await store.append(streamId, events, { expectedRevision: 'no_stream' });
      return outcome(fresh.length);
    },
  };
}

export type LegacyImportActivities = ReturnType<typeof createLegacyImportActivities>;
