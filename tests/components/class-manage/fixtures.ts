// Shared pieces of the <jxjy-class-manage> tests: the element rendered on a stubbed fetch with an institution's
// token, and opening a class's detail.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/class-manage/class-manage.js';
import type { JxjyClassManage } from '../../../components/class-manage/class-manage.component.js';
import { $, stubFetch, type FetchStub } from '../fetch-stub.js';

export const LIST = 'GET /api/v1/classes';
export const CREATE = 'POST /api/v1/classes';
export const detailRoute = (n: number) => `GET /api/v1/classes/c-${n}`;
export const commandRoute = (n: number, action: 'open' | 'close' | 'complete') => `POST /api/v1/classes/c-${n}/${action}`;

/** The stub of the element rendered last; each test file restores it after each test. */
export let stub: FetchStub | undefined;

export async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyClassManage>(html`<jxjy-class-manage lang=${lang} .token=${'institution-jwt'}></jxjy-class-manage>`);
  await waitUntil(() => el.shadowRoot!.querySelector('table, .empty, .load-error'), 'list settled');
  return el;
}

export const titleFocused = (el: JxjyClassManage) => el.shadowRoot!.activeElement?.id === 'screen-title';

/** Opens a row's detail and waits for the class with its roster. */
export async function openClass(el: JxjyClassManage, n: number) {
  $(el, `tr[data-class-id="c-${n}"] [data-action=open]`).click();
  await waitUntil(() => el.shadowRoot!.querySelector(`.detail[data-class-id="c-${n}"]`), 'detail shown');
  await waitUntil(() => titleFocused(el), 'heading focused');
}
