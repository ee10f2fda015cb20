// Shared pieces of the <jxjy-legacy-import> tests: imports as GET /legacy/imports/{id} reports them, a rendered element
// (polling every 20 ms, so the tests stay fast) on a stubbed fetch, choosing a file, and catching a saved file's link.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/legacy-import/legacy-import.js';
import type { JxjyLegacyImport } from '../../../components/legacy-import/legacy-import.component.js';
import type { LegacyImport } from '../../../components/api/types.js';
import { $, json, stubFetch, type FetchStub } from '../fetch-stub.js';

export const LIST = 'GET /api/v1/legacy/imports';
export const UPLOAD = '/api/v1/legacy/imports';
export const IMPORT_ID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
export const OLD_ID = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
export const STATUS = `GET /api/v1/legacy/imports/${IMPORT_ID}`;
export const REJECTED = `GET /api/v1/legacy/imports/${IMPORT_ID}/rejected`;
export const P1 = '00000000000000000701:00000000000000000701';
export const FILENAME = '2018年学时.csv';

export const report = (over: Partial<LegacyImport> = {}): LegacyImport => ({
  importId: IMPORT_ID,
  kind: 'records',
  dryRun: true,
  status: 'running',
  rows: { total: 0, valid: 0, imported: 0, duplicates: 0, rejected: 0 },
  progress: { totalRows: null, processedRows: 0, chunks: 0, chunksDone: 0 },
  errors: [],
  file: { filename: FILENAME, size: 2048, format: 'csv', encoding: 'utf-8' },
  startedAt: '2026-05-01T02:00:00.000Z',
  finishedAt: null,
  failure: null,
  ...over,
});

const ERRORS = [
  { row: 6, field: 'idNumber', column: '身份证号', message: '身份证号校验位不正确' },
  { row: 8, field: 'category', column: '类别', message: '类别应为公需科目、专业科目或选修科目' },
];

/** Read, half done: 4 of 9 rows processed. */
export const halfway = (over: Partial<LegacyImport> = {}) =>
  report({ rows: { total: 4, valid: 3, imported: 0, duplicates: 0, rejected: 1 }, progress: { totalRows: 9, processedRows: 4, chunks: 2, chunksDone: 1 }, errors: ERRORS.slice(0, 1), ...over });

export const completed = (over: Partial<LegacyImport> = {}) =>
  report({
    status: 'completed',
    rows: { total: 9, valid: 7, imported: 0, duplicates: 0, rejected: 2 },
    progress: { totalRows: 9, processedRows: 9, chunks: 2, chunksDone: 2 },
    errors: ERRORS,
    finishedAt: '2026-05-01T02:01:00.000Z',
    ...over,
  });

export const page = (items: LegacyImport[]) => json(200, { items, nextCursor: null });

/** The stub of the element rendered last; each test file restores it after each test. */
export let stub: FetchStub | undefined;

export async function render(
  routes: Parameters<typeof stubFetch>[0],
  { lang = 'zh-CN', importId = '', token = 'admin-jwt' }: { lang?: string; importId?: string; token?: string } = {},
) {
  const s = stubFetch(routes);
  stub = s;
  const el = await fixture<JxjyLegacyImport>(
    html`<jxjy-legacy-import lang=${lang} poll-interval="20" import-id=${importId} .token=${token}></jxjy-legacy-import>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('section.recent table, section.recent .empty, section.recent .load-error'), 'recent imports settled');
  return { el, stub: s };
}

export function choose(el: JxjyLegacyImport, file: File) {
  const input = $<HTMLInputElement>(el, '#file');
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const csvFile = (name = FILENAME, content = '身份证号,姓名,年度,类别,项目名称,学时\r\n') => new File([content], name, { type: 'text/csv' });

/** Resolves with the temporary download link the element clicks, keeping the browser from saving the file. */
export function savedLink(el: JxjyLegacyImport): Promise<HTMLAnchorElement> {
  return new Promise((resolve) => {
    const root = el.shadowRoot!;
    const onClick = (e: Event) => {
      if (e.target instanceof HTMLAnchorElement && e.target.download) {
        e.preventDefault();
        root.removeEventListener('click', onClick);
        resolve(e.target);
      }
    };
    root.addEventListener('click', onClick);
  });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
