// Shared pieces of the <jxjy-dishonesty> tests: records as the API answers them and a rendered element on a stubbed
// fetch, in any mode.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/dishonesty/dishonesty.js';
import type { JxjyDishonesty } from '../../../components/dishonesty/dishonesty.component.js';
import type { DishonestyRecord } from '../../../components/api/types.js';
import { json, stubFetch, type FetchStub } from '../fetch-stub.js';

export const MINE = 'GET /api/v1/me/dishonesty-records';
export const LIST = 'GET /api/v1/dishonesty-records';
export const CREATE = 'POST /api/v1/dishonesty-records';
export const revokeRoute = (id: string) => `POST /api/v1/dishonesty-records/${id}/revoke`;
export const P1 = '00000000000000000701:00000000000000000701';
/** A valid GB 11643 ID number, and the same with a wrong check character. */
export const ID_NUMBER = '11010519491231002X';
export const BAD_CHECKSUM = '110105194912310021';

export const record = (n: number, over: Partial<DishonestyRecord> = {}): DishonestyRecord => ({
  recordId: `d-${n}`,
  personId: 'p-1',
  personName: '诸葛亮',
  idNumberMasked: '1101**********002X',
  reason: '提供虚假学时证明材料',
  basis: '《专业技术人员继续教育规定》第二十八条',
  startDate: '2026-01-01',
  endDate: null,
  blocksCertificate: true,
  status: 'active',
  // 16:30 UTC is the next morning in Guangzhou: the date shown is China's.
  recordedAt: '2026-01-01T16:30:00.000Z',
  revokedAt: null,
  revokeReason: null,
  ...over,
});

export const revokedRecord = (n: number) =>
  record(n, { reason: '未按规定参加继续教育', status: 'revoked', revokedAt: '2026-03-05T02:00:00.000Z', revokeReason: '经复核撤销', blocksCertificate: false });
export const expiredRecord = (n: number) =>
  record(n, { reason: '学时申报材料不实', startDate: '2020-01-01', endDate: '2020-12-31', status: 'expired', blocksCertificate: true });

export const page = (items: DishonestyRecord[], nextCursor: string | null = null) => json(200, { items, nextCursor });

/** The stub of the element rendered last; each test file restores it after each test. */
export let stub: FetchStub | undefined;

export interface Options {
  lang?: string;
  mode?: string;
  personId?: string;
}

export async function render(routes: Parameters<typeof stubFetch>[0], { lang = 'zh-CN', mode = 'person', personId = '' }: Options = {}) {
  const s = stubFetch(routes);
  stub = s;
  const el = await fixture<JxjyDishonesty>(
    html`<jxjy-dishonesty lang=${lang} mode=${mode} person-id=${personId} .token=${'jwt'}></jxjy-dishonesty>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('table, .empty, .load-error'), 'list settled');
  return { el, stub: s };
}
