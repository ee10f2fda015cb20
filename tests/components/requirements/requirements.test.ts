// <jxjy-requirements> (年度学时要求): the requirement in force (zh and en, axe), said to be the defaults while nobody set
// any; the running total; each client rule that keeps the form from sending (required, a number not below 0, steps
// of 0.5, at most 500); the PUT with its body and token, the event and what is shown after; server details on their
// fields; another year from the picker; a load error with a retry; nothing asked without a token.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../components/requirements/requirements.js';
import type { JxjyRequirements } from '../../../components/requirements/requirements.component.js';
import type { Requirements } from '../../../components/api/types.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, fill, focused, json, stubFetch, text, type FetchStub } from '../fetch-stub.js';

const THIS_YEAR = new Date().getFullYear();
const GET = `GET /api/v1/requirements/${THIS_YEAR}`;
const PUT = `PUT /api/v1/requirements/${THIS_YEAR}`;
const SET_AT = '2026-02-10T01:30:00.000Z';
const requirements = (over: Partial<Requirements> = {}): Requirements => ({
  year: THIS_YEAR, public: 30, professional: 42, elective: 18, total: 90, setAt: null, ...over,
});

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

async function render(routes: Parameters<typeof stubFetch>[0], lang = 'zh-CN') {
  stub = stubFetch(routes);
  const el = await fixture<JxjyRequirements>(html`<jxjy-requirements lang=${lang} .token=${'admin-jwt'}></jxjy-requirements>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form, .load-error'), 'requirements settled');
  return el;
}

const fieldError = (el: JxjyRequirements, field: string) => el.shadowRoot!.querySelector(`#${field}-error`)?.textContent?.trim();
const inForce = (el: JxjyRequirements, row: string) => text(el, `.in-force tr[data-row=${row}] td`);
function type(el: JxjyRequirements, values: Record<string, string>) {
  fill(el, values);
  $(el, '.grid').dispatchEvent(new Event('input', { bubbles: true }));
}
async function submit(el: JxjyRequirements) {
  $(el, 'button[type=submit]').click();
  await el.updateComplete;
}

describe('jxjy-requirements', () => {
  it('shows the defaults in force, saying they are the defaults, with the form prefilled and the total (zh-CN); passes axe', async () => {
    const el = await render({ [GET]: [json(200, requirements())] });
    const call = stub!.to(GET)[0]!;
    expect(call.headers.get('Authorization')).to.equal('Bearer admin-jwt');
    expect(text(el, '#current-title')).to.equal(`${THIS_YEAR} 年度学时要求`);
    expect(['public', 'professional', 'elective', 'total'].map((r) => inForce(el, r))).to.deep.equal(['30', '42', '18', '90']);
    expect(text(el, '[data-testid=source]')).to.equal(`当前为默认要求：人社部门尚未设置 ${THIS_YEAR} 年度的学时要求。`);
    expect(text(el, 'label[for=public]')).to.equal('公需科目');
    expect(['public', 'professional', 'elective'].map((id) => $<HTMLInputElement>(el, `#${id}`).value)).to.deep.equal(['30', '42', '18']);
    expect(text(el, '[data-testid=total]')).to.equal('合计：90 学时');
    expect([...$<HTMLSelectElement>(el, '#year-picker').options].map((o) => Number(o.value)).slice(0, 2)).to.deep.equal([THIS_YEAR + 1, THIS_YEAR]);
    await expect(el).to.be.accessible();
  });

  it('says when the department set them, in English; passes axe', async () => {
    const el = await render({ [GET]: [json(200, requirements({ public: 24, total: 84, setAt: SET_AT }))] }, 'en');
    expect(stub!.to(GET)[0]!.headers.get('Accept-Language')).to.equal('en');
    expect(text(el, '[data-testid=source]')).to.match(/^Set by the department on .+\.$/);
    expect(text(el, '#edit-title')).to.equal(`Change the requirements for ${THIS_YEAR}`);
    expect(text(el, 'label[for=elective]')).to.equal('Elective');
    expect(text(el, '[data-testid=total]')).to.equal('Total: 84 hours');
    await expect(el).to.be.accessible();
  });

  it('shows the total as the hours are typed, and none while one is not a number of hours', async () => {
    const el = await render({ [GET]: [json(200, requirements())] });
    type(el, { public: '32.5' });
    await el.updateComplete;
    expect(text(el, '[data-testid=total]')).to.equal('合计：92.5 学时');
    type(el, { elective: 'abc' });
    await el.updateComplete;
    expect(text(el, '[data-testid=total]')).to.equal('合计：—（请先更正各类学时）');
  });

  it('refuses to send empty, negative, non-half-step or too large hours', async () => {
    const el = await render({ [GET]: [json(200, requirements())] });
    fill(el, { public: '', professional: '-1', elective: '7.3' });
    await submit(el);
    await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
    expect(fieldError(el, 'public')).to.equal('请输入公需科目');
    expect(fieldError(el, 'professional')).to.equal('专业科目应为不小于 0 的数字，如 30 或 7.5');
    expect(fieldError(el, 'elective')).to.equal('选修科目须以 0.5 学时为单位');
    fill(el, { public: '501', professional: '42', elective: '18' });
    await submit(el);
    expect(fieldError(el, 'public')).to.equal('公需科目不能超过 500 学时');
    expect(stub!.to(PUT)).to.have.length(0);
  });

  it('saves with PUT (body, token), emits jxjy-requirements-saved and shows what is now in force', async () => {
    const saved = requirements({ public: 32.5, total: 92.5, setAt: SET_AT, position: '00000000000000000901:00000000000000000901' });
    const el = await render({ [GET]: [json(200, requirements())], [PUT]: [json(200, saved)] });
    type(el, { public: '32.5' });
    setTimeout(() => void submit(el));
    const event = await oneEvent(el, 'jxjy-requirements-saved');
    expect(event.detail).to.deep.equal({ year: THIS_YEAR, public: 32.5, professional: 42, elective: 18 });
    const call = stub!.to(PUT)[0]!;
    expect(call.method).to.equal('PUT');
    expect(call.headers.get('Authorization')).to.equal('Bearer admin-jwt');
    expect(call.headers.get('Content-Type')).to.equal('application/json');
    expect(call.body).to.deep.equal({ public: 32.5, professional: 42, elective: 18 });
    await waitUntil(() => text(el, '.notice') === `已保存 ${THIS_YEAR} 年度学时要求（合计 92.5 学时）。`, 'saved notice');
    expect(inForce(el, 'public')).to.equal('32.5');
    expect(inForce(el, 'total')).to.equal('92.5');
    expect(text(el, '[data-testid=source]')).to.match(/^由人社部门设置于 .+。$/);
    expect($<HTMLInputElement>(el, '#public').value).to.equal('32.5');
    await expect(el).to.be.accessible();
  });

  for (const [status, error] of [[400, 'Bad Request'], [422, 'Unprocessable Entity']] as const) {
    it(`puts the server's ${status} field details on their fields`, async () => {
      const message = '选修科目必须是 0.5 的倍数';
      const el = await render({
        [GET]: [json(200, requirements())],
        [PUT]: [json(status, { statusCode: status, error, message: '请求参数有误', details: [{ field: 'elective', message }] })],
      });
      await submit(el);
      await waitUntil(() => fieldError(el, 'elective') === message, 'detail on the field');
      expect($(el, '#elective').getAttribute('aria-invalid')).to.equal('true');
      expect(text(el, '.summary-title')).to.equal('请求参数有误');
      await waitUntil(() => focused(el, $(el, '.summary')), 'summary focused');
      await expect(el).to.be.accessible();
    });
  }

  it('reads another year from the picker', async () => {
    const last = THIS_YEAR - 1;
    const el = await render({
      [GET]: [json(200, requirements())],
      [`GET /api/v1/requirements/${last}`]: [json(200, requirements({ year: last, public: 20, total: 80, setAt: SET_AT }))],
    });
    const picker = $<HTMLSelectElement>(el, '#year-picker');
    picker.value = String(last);
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('#current-title')?.textContent?.includes(String(last)), 'last year shown');
    expect(inForce(el, 'public')).to.equal('20');
    expect($<HTMLInputElement>(el, '#public').value).to.equal('20');
  });

  it('shows a load error with a retry', async () => {
    const el = await render({
      [GET]: [json(503, { statusCode: 503, error: 'Service Unavailable', message: '服务暂不可用' }), json(200, requirements())],
    });
    expect(text(el, '.load-error p')).to.equal('服务暂不可用');
    $(el, '.load-error button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'loaded on retry');
  });

  it('asks for nothing without a token, shows sign-in is needed, and loads when the token arrives', async () => {
    stub = stubFetch({ [GET]: [json(200, requirements())] });
    const el = await fixture<JxjyRequirements>(html`<jxjy-requirements></jxjy-requirements>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.sign-in-needed'), 'sign-in notice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.calls).to.have.length(0);
    expect(text(el, '.sign-in-needed')).to.equal('请先登录后再使用此功能。');
    await expect(el).to.be.accessible();
    el.token = 'late-jwt';
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form after the token');
    expect(stub.to(GET)[0]!.headers.get('Authorization')).to.equal('Bearer late-jwt');
  });
});
