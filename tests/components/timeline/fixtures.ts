// Shared pieces of the <jxjy-timeline> tests: a timeline as GET /<subject>/{id}/history answers it (times in UTC, shown
// in China time), and its entries as the reader sees them.
import type { Timeline } from '../../../components/api/audit.types.js';
import { json } from '../fetch-stub.js';

export const HISTORY = 'GET /api/v1/credit-records/r-1/history';

export const timeline = (over: Partial<Timeline> = {}): Timeline => ({
  events: [
    // 18:30 UTC on 1 March is already 2 March in Guangzhou.
    { type: 'CreditRecordDrafted', at: '2026-03-01T18:30:05.000Z', actor: { role: 'person', name: '欧阳明' }, summary: '填写学时申报' },
    { type: 'CreditRecordApproved', at: '2026-03-05T02:15:20.000Z', actor: { role: 'unit', name: '广州市示例单位' }, summary: '审核通过，学时计入' },
    { type: 'CreditRecordRevoked', at: '2026-04-01T01:00:00.000Z', actor: { role: 'admin', name: '人社部门' }, summary: '人社部门撤销，学时不再计入', reason: '证明材料与实际不符' },
  ],
  chain: { valid: true },
  ...over,
});

export const answer = (over: Partial<Timeline> = {}) => json(200, timeline(over));

/** Each entry's visible lines, whitespace folded. */
export const entries = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('ol.events li')].map((li) => [...li.querySelectorAll('p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim()));
