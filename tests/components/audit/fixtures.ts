// Shared pieces of the <jxjy-audit> tests: events as GET /audit/events publishes them, a rendered element on a stubbed
// fetch (replays read every 20 ms, so the tests stay fast), an NDJSON body the test writes line by line, and tabs.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/audit/audit.js';
import type { JxjyAudit } from '../../../components/audit/audit.component.js';
import type { AuditEvent } from '../../../components/api/audit.types.js';
import { $, json, stubFetch, type FetchStub } from '../fetch-stub.js';

export const EVENTS = 'GET /api/v1/audit/events';
export const pos = (n: number) => `${String(n).padStart(20, '0')}:${String(n).padStart(20, '0')}`;
export const hash = (n: number) => n.toString(16).padStart(64, '0');

export const event = (n: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  position: pos(n),
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  streamId: 'credit-r-1',
  revision: n - 1,
  type: 'CreditRecordDrafted',
  data: { recordId: 'r-1', title: '专业技术培训', halfHours: 12 },
  metadata: { actor: { id: 'p-1', role: 'person' }, correlationId: `c-${n}` },
  // 18:00 UTC is 02:00 the next day in Guangzhou.
  recordedAt: `2026-03-0${n}T18:00:00.000Z`,
  prevHash: n === 1 ? null : hash(n - 1),
  hash: hash(n),
  ...over,
});

export const page = (items: AuditEvent[], nextCursor: string | null = null) => json(200, { items, nextCursor });

/** The stub of the element rendered last; each test file restores it after each test. */
export let stub: FetchStub | undefined;

export async function render(
  routes: Parameters<typeof stubFetch>[0],
  options: { lang?: string; mode?: string; tab?: string; token?: string | undefined } = {},
) {
  const { lang = 'zh-CN', mode = 'auditor', tab = 'log' } = options;
  // `token: undefined` means none (a destructuring default would put one back).
  const token = 'token' in options ? options.token : 'auditor-jwt';
  const s = stubFetch(routes);
  stub = s;
  const el = await fixture<JxjyAudit>(html`<jxjy-audit lang=${lang} mode=${mode} tab=${tab} page-size="2" poll-interval="20" .token=${token}></jxjy-audit>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[role=tabpanel], .sign-in-needed'), 'audit shown');
  return { el, stub: s };
}

export const tabs = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim());

export async function choose(el: JxjyAudit, tab: string) {
  $(el, `#tab-${tab}`).click();
  await waitUntil(() => el.shadowRoot!.querySelector(`[role=tabpanel][data-panel=${tab}]`), `${tab} shown`);
}

/** A streamed body the test writes to: `write` sends a chunk (a line may be split across chunks), `end` closes it. */
export function streamedBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

/** Resolves with the temporary download link the element clicks, keeping the browser from saving the file. */
export function savedLink(el: JxjyAudit): Promise<HTMLAnchorElement> {
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
