// <jxjy-timeline> under the subject each screen shows: a credit record's detail (jxjy-credit-records), the person's own
// bindings (jxjy-unit-binding, their id from GET /me), each enrolment's card (jxjy-enrolments, labelled by its class),
// a certificate (jxjy-certificate). Collapsed behind 查看记录: nothing asked until opened, then the subject's route
// once — with the screen's token and language, or a surrounding <jxjy-config>'s — and kept while closed; axe with it
// open; a binding screen with nothing asked yet offers no history.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/config/config.js';
import '../../../components/unit-binding/unit-binding.js';
import '../../../components/enrolments/enrolments.js';
import type { JxjyConfig } from '../../../components/config/config.component.js';
import type { JxjyEnrolments } from '../../../components/enrolments/enrolments.component.js';
import type { JxjyUnitBinding } from '../../../components/unit-binding/unit-binding.component.js';
import type { JxjyTimeline } from '../../../components/timeline/timeline.component.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, json, stubFetch, type FetchStub } from '../fetch-stub.js';
import { enrolment, page } from '../class-fixtures.js';
import * as certificates from '../certificate/fixtures.js';
import * as credits from '../credit-records/fixtures.js';
import { answer, entries } from './fixtures.js';

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  credits.stub?.restore();
  certificates.stub?.restore();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const timelineIn = (host: Element, selector = 'jxjy-timeline') => $<JxjyTimeline>(host, selector);
const toggleOf = (timeline: JxjyTimeline) => $<HTMLButtonElement>(timeline, '[data-action=toggle]');

/** Opens a collapsed timeline and waits for its entries. */
async function open(timeline: JxjyTimeline) {
  await timeline.updateComplete;
  toggleOf(timeline).click();
  await waitUntil(() => timeline.shadowRoot!.querySelector('ol.events, .empty, .load-error'), 'timeline read');
}

/** Closing and opening again asks nothing more. */
async function reopenAsksNothing(timeline: JxjyTimeline, calls: () => number) {
  const before = calls();
  toggleOf(timeline).click();
  await timeline.updateComplete;
  expect(timeline.open).to.equal(false);
  toggleOf(timeline).click();
  await timeline.updateComplete;
  await pause(50);
  expect(calls()).to.equal(before);
  expect(timeline.shadowRoot!.querySelector('ol.events')).to.not.equal(null);
}

describe('jxjy-timeline embedded', () => {
  it('under a credit record’s detail: 查看记录 reads GET /credit-records/{id}/history once, with the screen’s token; passes axe', async () => {
    const HISTORY = 'GET /api/v1/credit-records/r-1/history';
    const { el, stub: s } = await credits.render({
      [credits.LIST]: [credits.page([credits.item(1, { status: 'approved' })])],
      [credits.detailRoute(1)]: [json(200, credits.record(1, { status: 'approved', unitId: 'u-1' }))],
      [HISTORY]: () => answer(),
    });
    await credits.openRecord(el, 1);
    const timeline = timelineIn(el, '.detail jxjy-timeline');
    expect([timeline.subject, timeline.subjectId, timeline.collapsible]).to.deep.equal(['credit-record', 'r-1', true]);
    await pause(50);
    expect(s.to(HISTORY)).to.have.length(0);
    expect(toggleOf(timeline).textContent!.trim()).to.contain('查看记录');

    await open(timeline);
    const call = s.to(HISTORY)[0]!;
    expect([call.headers.get('Authorization'), call.headers.get('Accept-Language')]).to.deep.equal(['Bearer person-jwt', 'zh-CN']);
    expect(entries(timeline)).to.have.length(3);
    await expect(el).to.be.accessible();
    await reopenAsksNothing(timeline, () => s.to(HISTORY).length);
  });

  it('under the person’s own bindings, read through their id from GET /me, in English with a surrounding config’s token', async () => {
    const me = { accountId: 'a-1', username: 'ouyang', role: 'person', subjectId: 'p-1', name: '欧阳明', mustChangePassword: false };
    const bound = { current: { bindingId: 'b-1', unit: { unitId: 'u-1', name: '广州市示例单位', regionCode: '440106' }, since: '2026-03-01T02:00:00.000Z' }, pending: null, lastRejection: null, latest: null };
    stub = stubFetch({
      'GET /api/v1/me/binding': () => json(200, bound),
      'GET /api/v1/me': () => json(200, me),
      'GET /api/v1/bindings/p-1/history': () => answer({ events: [{ type: 'BindingConfirmed', at: '2026-03-01T02:00:00.000Z', actor: { role: 'unit', name: '广州市示例单位' }, summary: 'The unit confirmed' }] }),
    });
    const config = await fixture<JxjyConfig>(html`<jxjy-config lang="en"><jxjy-unit-binding></jxjy-unit-binding></jxjy-config>`);
    config.token = 'config-jwt';
    const el = config.querySelector<JxjyUnitBinding>('jxjy-unit-binding')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=current-unit]'), 'status shown');
    const timeline = timelineIn(el);
    expect([timeline.subject, timeline.subjectId]).to.deep.equal(['binding', '']);
    await timeline.updateComplete;
    expect(toggleOf(timeline).textContent!.trim()).to.contain('History');
    expect(stub.to('GET /api/v1/me')).to.have.length(0);

    await open(timeline);
    const [who, history] = [stub.to('GET /api/v1/me')[0]!, stub.to('GET /api/v1/bindings/p-1/history')[0]!];
    expect([who.headers.get('Authorization'), history.headers.get('Authorization'), history.headers.get('Accept-Language')]).to.deep.equal(['Bearer config-jwt', 'Bearer config-jwt', 'en']);
    expect(entries(timeline)).to.deep.equal([['When: 2026-03-01 10:00:00 China time', 'By: Unit · 广州市示例单位', 'The unit confirmed']]);
    await expect(el).to.be.accessible();
    await reopenAsksNothing(timeline, () => stub!.to('GET /api/v1/bindings/p-1/history').length);
  });

  it('offers no binding history before the person has asked any unit', async () => {
    stub = stubFetch({ 'GET /api/v1/me/binding': [json(200, { current: null, pending: null, lastRejection: null, latest: null })] });
    const el = await fixture<JxjyUnitBinding>(html`<jxjy-unit-binding .token=${'person-jwt'}></jxjy-unit-binding>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-testid=current-unit]'), 'status shown');
    expect(el.shadowRoot!.querySelector('jxjy-timeline')).to.equal(null);
  });

  it('under each enrolment, labelled by its class: opening one reads only that enrolment’s history', async () => {
    stub = stubFetch({
      'GET /api/v1/me/enrolments': [page([enrolment(1), enrolment(2, { status: 'approved', approvedAt: '2026-03-05T02:00:00.000Z' })])],
      'GET /api/v1/enrolments/e-2/history': () => answer(),
    });
    const el = await fixture<JxjyEnrolments>(html`<jxjy-enrolments .token=${'person-jwt'}></jxjy-enrolments>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.cards'), 'list shown');
    const second = timelineIn(el, 'article[data-enrolment-id="e-2"] jxjy-timeline');
    await second.updateComplete;
    expect(toggleOf(second).getAttribute('aria-label')).to.equal('查看记录：人工智能应用专题培训班2');
    await open(second);
    expect(stub.calls.filter((c) => c.path.endsWith('/history')).map((c) => c.path)).to.deep.equal(['/api/v1/enrolments/e-2/history']);
    expect(stub.to('GET /api/v1/enrolments/e-2/history')[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');
    expect(timelineIn(el, 'article[data-enrolment-id="e-1"] jxjy-timeline').open).to.equal(false);
    await expect(el).to.be.accessible();
    await reopenAsksNothing(second, () => stub!.to('GET /api/v1/enrolments/e-2/history').length);
  });

  it('under an issued certificate: reads GET /certificates/{id}/history once when opened', async () => {
    const cert = certificates.certificate(certificates.Y2);
    const HISTORY = `GET /api/v1/certificates/${cert.certificateId}/history`;
    const { el, stub: s } = await certificates.render({ [certificates.LIST]: [certificates.list()], [HISTORY]: () => answer() }, { year: certificates.Y2 });
    const timeline = timelineIn(el, '[part=certificate] jxjy-timeline');
    expect([timeline.subject, timeline.subjectId]).to.deep.equal(['certificate', cert.certificateId]);
    await pause(50);
    expect(s.to(HISTORY)).to.have.length(0);
    await open(timeline);
    expect(s.to(HISTORY)[0]!.headers.get('Authorization')).to.equal('Bearer person-jwt');
    await expect(el).to.be.accessible();
    await reopenAsksNothing(timeline, () => s.to(HISTORY).length);
  });
});
