/**
 * GET /legacy/imports/{importId}/rejected — every refused row as CSV, in the import's own column names with the
 * row's number and the reason in extra columns, UTF-8 with a BOM so Excel opens it in Chinese: the old system's
 * operators fix the rows and send them again. Worked out again from the import's normalised rows, chunk by chunk (the checks are
 * pure), so nothing about the rejected rows needs keeping in the history.
 */
import type { ServerRoute } from '@hapi/hapi';
import { COLUMNS } from './columns.js';
import { type Cell, type RawRow, checkCertificateRow, checkRecordRow } from './rows.js';
import { ConflictError, UnavailableError } from '../errors.js';
import { contentDisposition } from '../files/filenames.js';
import { langOf, pick } from '../i18n.js';
import { Joi } from '../joi.js';
import { loadLegacyImport } from './import-state.js';

const csvField = (value: Cell | string): string => {
  const text = value === null ? '' : String(value);
  // Quote what CSV needs quoted, and anything a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const rejectedRowsRoute: ServerRoute<{ Params: { importId: string } }> = {
  method: 'GET',
  path: '/legacy/imports/{importId}/rejected',
  options: {
    description: 'The rows an import refused, as CSV with the reason (admin, auditor)',
    notes: '409 until the file has been read.',
    tags: ['api', 'legacy'],
    auth: { access: { scope: ['admin', 'auditor'] } },
    plugins: { jxjy: { audited: true, statuses: [409] } },
    validate: { params: Joi.object({ importId: Joi.string().guid().required() }) },
    handler: async (request, h) => {
      const state = await loadLegacyImport(request, request.params.importId);
      if (!state.chunkFiles) throw new ConflictError({ zh: '文件尚未读取完毕，请稍后再下载', en: 'the file has not been read yet; try again shortly' });
      const lang = langOf(request);
      const kind = state.kind!;
      const columns = COLUMNS[kind];
      const lines = [[lang === 'en' ? 'Row' : '行号', ...columns.map((c) => c.label.zh), lang === 'en' ? 'Reason' : '错误原因'].map(csvField).join(',')];
      for (const chunkFile of state.chunkFiles) {
        const bytes = await request.server.app.deps.files.get(chunkFile);
        // Half a list would pass for the whole one: without a chunk's rows there is no answer yet.
        if (!bytes) throw new UnavailableError({ zh: '导入文件暂时无法读取，请稍后再试', en: 'the import’s rows cannot be read right now; try again later' });
        for (const line of Buffer.from(bytes).toString('utf8').split('\n')) {
          if (!line) continue;
          const raw = JSON.parse(line) as RawRow;
          const checked = kind === 'records' ? checkRecordRow(raw, state.firstDeclarableYear) : checkCertificateRow(raw, state.firstDeclarableYear);
          if (checked.ok) continue;
          lines.push([raw.row, ...columns.map((c) => raw.values[c.field] ?? null), pick(lang, checked.error.message)].map(csvField).join(','));
        }
      }
      const base = state.file!.filename.replace(/\.(csv|xlsx)$/i, '');
      return h
        .response(`\uFEFF${lines.join('\r\n')}\r\n`)
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', contentDisposition(`${base}-未导入的行.csv`))
        .header('Cache-Control', 'private, no-store');
    },
  },
};
