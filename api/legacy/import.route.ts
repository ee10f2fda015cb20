/**
 * Admin imports the old system's exports (CONTRACT.md Old-system history): `POST /legacy/imports` takes the file
 * (CSV in UTF-8 or GB18030, or XLSX — judged by content, 415 otherwise; ≤ 20 MB, 413 beyond), checks its header at
 * once (400 naming a missing column), stores it like attachments, and starts the import lifecycle (202). The import
 * runs in the background; `GET /legacy/imports/{id}` follows it, `GET /legacy/imports` lists them, and
 * `GET /legacy/imports/{id}/rejected` gives back the refused rows as CSV with the reason beside each.
 */
import crypto from 'node:crypto';
import Boom from '@hapi/boom';
import type { ReqRef, Request, ServerRoute } from '@hapi/hapi';
import { LEGACY_KINDS, type LegacyFile, type LegacyImportState, type LegacyKind } from '../../events/legacy.js';
import { FileStoreUnavailableError } from '../../events/store/files/file-store.js';
import { recentLegacyImports } from '../../projections/legacy.js';
import { labelOf, mapHeader } from './columns.js';
import { readTable } from '../files/tables/read-table.js';
import { sniffTable } from '../files/tables/sniff-table.js';
import { legacyImportWorkflowId, startLegacyImportUpdate } from '../../workflows/legacy/messages.js';
import { ConflictError, PayloadTooLargeError, UnavailableError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import { cleanFilename } from '../files/filenames.js';
import { type Lang, langOf, pick } from '../i18n.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { afterQuery, waitForHead, waitForPosition } from '../read-your-writes.js';
import { eventMetadata } from '../request-context.js';
import { loadLegacyImport } from './import-state.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const TOO_LARGE = { zh: '导入文件不能超过 20 MB', en: 'an import file may be at most 20 MB' };
const WRONG_TYPE = { zh: '只能导入 CSV 或 XLSX 文件', en: 'only CSV or XLSX files can be imported' };
const NO_FILE = { zh: '请选择要导入的文件', en: 'choose a file to import' };
const STORAGE_DOWN = { zh: '文件存储暂时不可用，请稍后再试', en: 'file storage is unavailable; try again later' };

/** A multipart part as a stream (hapi would turn a `text/csv` part into UTF-8 text, ruining GB18030 bytes). */
type FilePart = NodeJS.ReadableStream & { hapi?: { filename?: string } };

async function bytesOf(part: FilePart): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of part) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const fileError = (message: { zh: string; en: string }) => ({ details: [{ field: 'file', message }] });

/** The header row, read before anything is stored: a file whose header lacks a column is refused whole. */
async function checkHeader(bytes: Buffer, sniffed: NonNullable<ReturnType<typeof sniffTable>>, kind: LegacyKind) {
  let header: ReturnType<typeof mapHeader> | null = null;
  try {
    for await (const { cells } of readTable(bytes, sniffed)) {
      header = mapHeader(kind, cells);
      break;
    }
  } catch {
    const unreadable = { zh: '文件已损坏，无法读取', en: 'the file is damaged and cannot be read' };
    throw new ValidationError(unreadable, fileError(unreadable));
  }
  if (!header) {
    const empty = { zh: '文件是空的', en: 'the file is empty' };
    throw new ValidationError(empty, fileError(empty));
  }
  if (header.missing.length > 0) {
    const zh = header.missing.map((c) => c.label.zh).join('、');
    const en = header.missing.map((c) => `${c.label.en} (${c.label.zh})`).join(', ');
    const message = { zh: `表头缺少必填列：${zh}`, en: `the header lacks the required column${header.missing.length > 1 ? 's' : ''} ${en}` };
    throw new ValidationError(message, { details: header.missing.map((c) => ({ field: c.field, message: { zh: `缺少“${c.label.zh}”列`, en: `no ${c.label.en} (${c.label.zh}) column` } })) });
  }
}

/**
 * One real import of a kind at a time: two at once could each find a row new and both count it as imported (the read
 * model keeps one row per key either way). A dry run writes nothing and may run beside anything.
 */
async function refuseConcurrentImport<R extends ReqRef>(request: Request<R>, kind: LegacyKind): Promise<void> {
  await waitForHead(request, ['legacy_imports']);
  const { rows } = await request.server.app.deps.db.query<{ import_id: string }>(
    `SELECT import_id FROM legacy_imports WHERE state->>'status' = 'running' AND state->>'kind' = $1 AND state->>'dryRun' = 'false' LIMIT 1`,
    [kind],
  );
  if (rows[0]) {
    throw new ConflictError(
      { zh: '同类数据正在导入中，请在其完成后再导入', en: 'an import of this kind is running; import again once it has finished' },
      { code: 'import_running', facts: { importId: rows[0].import_id } },
    );
  }
}

export const startImportRoute: ServerRoute<{ Query: { kind: LegacyKind; dryRun: boolean }; Payload: { file?: FilePart | string } }> = {
  method: 'POST',
  path: '/legacy/imports',
  options: {
    description: 'Import the old system’s records or certificates (导入历史数据, admin)',
    notes: 'multipart/form-data, field `file`: CSV (UTF-8 or GB18030) or XLSX by content (415 otherwise), at most 20 MB (413). 400 naming a missing column. 202: follow it at GET /legacy/imports/{importId}.',
    tags: ['api', 'legacy'],
    auth: { access: { scope: ['admin'] } },
    plugins: { jxjy: { successStatus: 202, labels: { kind: { zh: '导入类型', en: 'Kind' }, dryRun: { zh: '试导入', en: 'Dry run' }, file: { zh: '导入文件', en: 'File' } } } },
    payload: {
      output: 'data',
      parse: true,
      multipart: { output: 'stream' },
      allow: ['multipart/form-data'],
      maxBytes: MAX_IMPORT_BYTES + 64 * 1024,
      failAction: (_request, _h, error) => {
        if (Boom.isBoom(error) && error.output.statusCode === 413) throw new PayloadTooLargeError(TOO_LARGE, fileError(TOO_LARGE));
        if (Boom.isBoom(error) && error.output.statusCode === 415) throw new UnsupportedMediaTypeError(WRONG_TYPE, fileError(WRONG_TYPE));
        throw error ?? Boom.badRequest();
      },
    },
    validate: {
      query: Joi.object({ kind: Joi.string().valid(...LEGACY_KINDS).required(), dryRun: Joi.boolean().default(false) }),
      payload: Joi.object({ file: Joi.any().description('the export: CSV or XLSX, at most 20 MB') }),
    },
    response: { status: { 202: Joi.object({ importId: Joi.string().required(), status: Joi.string().valid('running').required(), position: Joi.string().required() }).label('LegacyImportStarted') } },
    handler: async (request, h) => {
      const { files, config } = request.server.app.deps;
      const part = request.payload?.file;
      const bytes = part && typeof part === 'object' && typeof (part as FilePart).pipe === 'function' ? await bytesOf(part as FilePart) : null;
      if (!bytes || bytes.length === 0) throw new ValidationError(NO_FILE, fileError(NO_FILE));
      if (bytes.length > MAX_IMPORT_BYTES) throw new PayloadTooLargeError(TOO_LARGE, fileError(TOO_LARGE));
      const sniffed = sniffTable(bytes);
      if (!sniffed) throw new UnsupportedMediaTypeError(WRONG_TYPE, fileError(WRONG_TYPE));
      const { kind, dryRun } = request.query;
      await checkHeader(bytes, sniffed, kind);
      if (!dryRun) await refuseConcurrentImport(request, kind);
      let stored;
      try {
        stored = await files.put(new Uint8Array(bytes));
      } catch (error) {
        if (error instanceof FileStoreUnavailableError) throw new UnavailableError(STORAGE_DOWN, { cause: error });
        throw error;
      }
      const file: LegacyFile = {
        sha256: stored.sha256, filename: cleanFilename((part as FilePart).hapi?.filename, sniffed.format === 'xlsx' ? '.xlsx' : '.csv'), size: stored.size, format: sniffed.format,
        ...(sniffed.format === 'csv' ? { encoding: sniffed.encoding } : {}),
      };
      const importId = crypto.randomUUID();
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: legacyImportWorkflowId(importId),
        update: startLegacyImportUpdate,
        args: { importId, kind, dryRun, file, firstDeclarableYear: config.firstDeclarableYear, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return h.response({ importId, status: 'running', position: view.position }).code(202);
    },
  },
};

const counts = Joi.object({ total: Joi.number().integer(), valid: Joi.number().integer(), imported: Joi.number().integer(), duplicates: Joi.number().integer(), rejected: Joi.number().integer() });
export const importSchema = Joi.object({
  importId: Joi.string().required(),
  kind: Joi.string().valid(...LEGACY_KINDS).required(),
  dryRun: Joi.boolean().required(),
  status: Joi.string().valid('running', 'completed', 'failed').required(),
  rows: counts.required(),
  progress: Joi.object({ totalRows: Joi.number().integer().allow(null), processedRows: Joi.number().integer(), chunks: Joi.number().integer(), chunksDone: Joi.number().integer() }).required(),
  errors: Joi.array().items(Joi.object({ row: Joi.number().integer(), field: Joi.string(), column: Joi.string(), message: Joi.string() })).required(),
  file: Joi.object({ filename: Joi.string(), size: Joi.number().integer(), format: Joi.string(), encoding: Joi.string() }).required(),
  startedAt: Joi.string().allow(null).required(),
  finishedAt: Joi.string().allow(null).required(),
  failure: Joi.string().allow(null).required(),
}).label('LegacyImport');

export function importBody(state: LegacyImportState, lang: Lang) {
  const file = state.file!;
  return {
    importId: state.importId, kind: state.kind!, dryRun: state.dryRun, status: state.status as 'running' | 'completed' | 'failed', rows: state.counts,
    progress: { totalRows: state.totalRows, processedRows: state.counts.total, chunks: state.chunks, chunksDone: state.chunksDone },
    errors: state.errors.map((e) => ({ row: e.row, field: e.field, column: columnLabel(state.kind!, e.field, lang), message: pick(lang, e.message) })),
    file: { filename: file.filename, size: file.size, format: file.format, ...(file.encoding ? { encoding: file.encoding } : {}) },
    startedAt: state.startedAt, finishedAt: state.finishedAt, failure: state.failure ? pick(lang, state.failure) : null,
  };
}

const columnLabel = (kind: LegacyKind, field: string, lang: Lang) => pick(lang, labelOf(kind, field));

export const getImportRoute: ServerRoute<{ Params: { importId: string } }> = {
  method: 'GET',
  path: '/legacy/imports/{importId}',
  options: {
    description: 'How an import stands (admin, auditor)',
    notes: 'Progress while running; the first 1,000 row errors (all of them as CSV at /rejected).',
    tags: ['api', 'legacy'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ importId: Joi.string().guid().required() }) },
    response: { schema: importSchema },
    handler: async (request) => importBody(await loadLegacyImport(request, request.params.importId), langOf(request)),
  },
};

export const listImportsRoute: ServerRoute<{ Query: { limit: number; cursor?: string; after?: string } }> = {
  method: 'GET',
  path: '/legacy/imports',
  options: {
    description: 'The latest imports (admin, auditor)',
    tags: ['api', 'legacy'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { query: Joi.object({ limit: Joi.number().integer().min(1).max(200).default(20), cursor: Joi.string().max(300), ...afterQuery }) },
    response: { schema: Joi.object({ items: Joi.array().items(importSchema).required(), nextCursor: Joi.string().allow(null).required() }).label('LegacyImportPage') },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['legacy_imports']);
      const page = await recentLegacyImports(request.server.app.deps.db, request.query.limit, request.query.cursor);
      return { items: page.items.map((row) => importBody(row.state, langOf(request))), nextCursor: page.nextCursor };
    },
  },
};
