// Shared pieces of the <jxjy-credit-records> tests: records and list items as the API answers them, a rendered
// element on a stubbed fetch, and opening a record's detail.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/credit-records/credit-records.js';
import type { JxjyCreditRecords } from '../../../components/credit-records/credit-records.component.js';
import type { CreditRecord, CreditRecordItem } from '../../../components/api/types.js';
import { $, json, stubFetch, type FetchStub } from '../fetch-stub.js';

export const LIST = 'GET /api/v1/credit-records';
export const CREATE = 'POST /api/v1/credit-records';
export const THIS_YEAR = new Date().getFullYear();
export const YEAR = THIS_YEAR - 1; // a whole past year: every date in it is declarable today
export const P1 = '00000000000000000101:00000000000000000101';
export const P2 = '00000000000000000102:00000000000000000102';

export const item = (n: number, over: Partial<CreditRecordItem> = {}): CreditRecordItem => ({
  recordId: `r-${n}`,
  year: YEAR,
  category: 'professional',
  title: `专业技术培训${n}`,
  mode: 'training',
  organizer: '广东省继续教育协会',
  startDate: `${YEAR}-03-01`,
  endDate: `${YEAR}-03-02`,
  hours: 16,
  status: 'draft',
  reason: null,
  unitId: null,
  attachmentCount: 0,
  updatedAt: `${YEAR}-03-03T02:00:00.000Z`,
  ...over,
});

export const record = (n: number, over: Partial<CreditRecord> = {}): CreditRecord => ({
  recordId: `r-${n}`,
  personId: 'person-1',
  year: YEAR,
  category: 'professional',
  title: `专业技术培训${n}`,
  mode: 'training',
  organizer: '广东省继续教育协会',
  startDate: `${YEAR}-03-01`,
  endDate: `${YEAR}-03-02`,
  hours: 16,
  status: 'draft',
  reason: null,
  unitId: null,
  attachments: [],
  overlaps: [],
  updatedAt: `${YEAR}-03-03T02:00:00.000Z`,
  ...over,
});

export const pdf = { attachmentId: 'a-1', filename: '培训证书.pdf', contentType: 'application/pdf', size: 20480, sha256: 'ab'.repeat(32) };
export const page = (items: CreditRecordItem[], nextCursor: string | null = null) => json(200, { items, nextCursor });
export const detailRoute = (n: number) => `GET /api/v1/credit-records/r-${n}`;

/** The stub of the element rendered last; each test file restores it after each test. */
export let stub: FetchStub | undefined;

export async function render(routes: Parameters<typeof stubFetch>[0], { lang = 'zh-CN', year = YEAR } = {}) {
  const s = stubFetch(routes);
  stub = s;
  const el = await fixture<JxjyCreditRecords>(html`<jxjy-credit-records lang=${lang} year=${year} .token=${'person-jwt'}></jxjy-credit-records>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table, .empty, .load-error'), 'list settled');
  return { el, stub: s };
}

/** Opens a row's detail and waits for the record. */
export async function openRecord(el: JxjyCreditRecords, n: number) {
  $(el, `tr[data-record-id="r-${n}"] [data-action=open]`).click();
  await waitUntil(() => el.shadowRoot!.querySelector(`.detail[data-record-id="r-${n}"]`), 'detail shown');
  await waitUntil(() => titleFocused(el), 'heading focused');
}

export const titleFocused = (el: JxjyCreditRecords) => el.shadowRoot!.activeElement?.id === 'screen-title';

