// The demo portal script (components/portal/portal.ts) on the real page markup (api/static/portal-page.ts):
// sign-in → forced password change → the role's home → sign-out, the org-status panel, the language toggle,
// a person's pages (基本信息 / 单位绑定 / 学时申报 / 学时汇总 / 培训班 / 我的报名 / 证书打印 / 历史数据 / 失信信息), a unit
// reviewer's (待办事项 / 本单位人员 / 失信信息, read only), an institution reviewer's (待办事项 / 培训班管理) and the
// administrator's (待办事项 / 学时要求 / 失信管理, recording and revoking / 历史数据导入 / 审计 with the access log), an
// auditor's (审计, their start page after the first-login password change), each role's page headings in both
// languages, a screen's jxjy-navigate to another page, and signing out on jxjy-token-expired. The ids and data-testids
// used here are the end-to-end test's selectors.
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/config/config.js';
import '../../../components/login/login.js';
import '../../../components/change-password/change-password.js';
import '../../../components/org-register/org-register.js';
import '../../../components/register/register.js';
import '../../../components/task-inbox/task-inbox.js';
import '../../../components/profile/profile.js';
import '../../../components/unit-binding/unit-binding.js';
import '../../../components/unit-members/unit-members.js';
import '../../../components/credit-records/credit-records.js';
import '../../../components/credit-summary/credit-summary.js';
import '../../../components/class-catalog/class-catalog.js';
import '../../../components/enrolments/enrolments.js';
import '../../../components/class-manage/class-manage.js';
import '../../../components/certificate/certificate.js';
import '../../../components/dishonesty/dishonesty.js';
import '../../../components/requirements/requirements.js';
import '../../../components/history/history.js';
import '../../../components/legacy-import/legacy-import.js';
import '../../../components/audit/audit.js';
import { portalPage } from '../../../api/static/portal-page.js';
import { afterEach, describe, it } from '../mocha.js';
import { $, captchaRoute, fill, json, stubFetch, type FetchStub } from '../fetch-stub.js';

const page = new DOMParser().parseFromString(portalPage(), 'text/html');
document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
// The page's own stylesheet too, so layout (the header) is tested as portals see it.
document.head.append(...[...page.head.querySelectorAll('style')].map((n) => document.importNode(n, true)));
sessionStorage.clear();

let stub: FetchStub | undefined;
afterEach(() => {
  stub?.restore();
  (document.querySelector<HTMLButtonElement>('[data-testid=sign-out]'))?.click();
});

const session = (over: Record<string, unknown> = {}) => ({
  accessToken: 'jwt-full',
  expiresIn: 900,
  mustChangePassword: false,
  role: 'admin',
  subjectId: 'acc-1',
  ...over,
});
const me = (over: Record<string, unknown> = {}) => ({
  accountId: 'acc-1',
  username: 'admin',
  role: 'admin',
  subjectId: 'acc-1',
  name: '管理员',
  mustChangePassword: false,
  ...over,
});
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
const visible = (id: string) => {
  const el = byTestId(id);
  return !!el && !el.hidden && !!el.closest('[data-view]:not([hidden])');
};

async function signIn() {
  await waitUntil(() => byTestId('login')?.shadowRoot?.querySelector('img[data-captcha-id]'), 'login with captcha');
  const login = byTestId('login')!;
  fill(login, { username: 'admin', password: 'Initial123', captchaAnswer: 'ab12' });
  $(login, 'button[type=submit]').click();
}

const started = import('../../../components/portal/portal.js');

describe('demo portal', () => {
  it('signs in, forces the password change, shows the admin inbox with the token, and signs out', async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ accessToken: 'jwt-restricted', mustChangePassword: true }))],
      'PUT /api/v1/accounts/me/password': [json(200, session())],
      'GET /api/v1/me': [json(200, me())],
      'GET /api/v1/tasks': [json(200, { items: [], nextCursor: null })],
    });
    await started;
    expect(document.body.dataset.view).to.equal('login');
    expect(visible('view-login')).to.equal(true);
    await signIn();

    await waitUntil(() => visible('view-change-password') && byTestId('change-password'), 'password change view');
    expect(document.body.dataset.state).to.equal('signed-in');
    const change = byTestId('change-password')!;
    await (change as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    fill(change, { currentPassword: 'Initial123', newPassword: 'Changed123', confirmPassword: 'Changed123' });
    $(change, 'button[type=submit]').click();

    await waitUntil(() => byTestId('task-inbox')?.shadowRoot?.querySelector('.empty'), 'admin inbox');
    expect(stub.to('PUT /api/v1/accounts/me/password')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-restricted');
    expect(stub.to('GET /api/v1/tasks')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    expect(byTestId('user-info')!.textContent).to.equal('管理员（人社部门管理员）');
    expect(JSON.parse(sessionStorage.getItem('jxjy.demo.session')!).session.accessToken).to.equal('jwt-full');

    byTestId('sign-out')!.click();
    await waitUntil(() => visible('view-login'), 'back to login');
    expect(sessionStorage.getItem('jxjy.demo.session')).to.equal(null);
    expect(byTestId('sign-out')!.hidden).to.equal(true);
  });

  it("shows a pending organisation's status instead of the inbox", async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'unit', orgId: 'org-1' }))],
      'GET /api/v1/me': [json(200, me({ role: 'unit', org: { orgId: 'org-1', name: '示例单位', status: 'pending' } }))],
    });
    await signIn();
    await waitUntil(() => byTestId('org-status'), 'org status');
    expect(byTestId('org-status')!.dataset.status).to.equal('pending');
    expect(byTestId('org-status')!.textContent).to.contain('示例单位').and.contain('等待人社部门审核');
    expect(byTestId('task-inbox')).to.equal(null);
  });

  it('opens organisation registration from the login screen and returns to sign-in on jxjy-navigate', async () => {
    stub = stubFetch({ 'GET /api/v1/captcha': captchaRoute() });
    await waitUntil(() => byTestId('login')?.shadowRoot?.querySelector('.links'), 'login links');
    byTestId('login')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('.links button')[1]!.click();
    await waitUntil(() => visible('view-org-register') && byTestId('org-register'), 'org register view');
    expect(location.hash).to.equal('#org-register');
    expect(document.activeElement).to.equal(document.getElementById('org-register-title'));
    // What the success panel's 返回登录 button sends.
    byTestId('org-register')!.dispatchEvent(
      new CustomEvent('jxjy-navigate', { bubbles: true, composed: true, detail: { to: 'login' } }),
    );
    await waitUntil(() => visible('view-login') && byTestId('login'), 'login again');
    expect(location.hash).to.equal('');
  });

  it('shows person registration (个人注册) from the login screen and, once registered, goes to sign-in with a notice', async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/accounts': [json(201, { accountId: 'acc-7', personId: 'per-7', username: 'zhang_san', position: '9' })],
    });
    await waitUntil(() => byTestId('login')?.shadowRoot?.querySelector('.links'), 'login links');
    byTestId('login')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('.links button')[0]!.click();
    await waitUntil(() => visible('view-register') && byTestId('register')?.shadowRoot?.querySelector('img[data-captcha-id]'), 'register view');
    expect(location.hash).to.equal('#register');
    expect(document.activeElement).to.equal(document.getElementById('register-title'));
    await expect(document.body).to.be.accessible();
    const register = byTestId('register')!;
    fill(register, {
      name: '张三',
      idNumber: '11010519491231002X',
      username: 'zhang_san',
      password: 'Wq7-lantern-42',
      passwordConfirm: 'Wq7-lantern-42',
      captchaAnswer: 'ab12',
    });
    $(register, 'button[type=submit]').click();
    await waitUntil(() => visible('view-login') && byTestId('login') && !byTestId('portal-notice')!.hidden, 'login with notice');
    expect(location.hash).to.equal('');
    expect(byTestId('portal-notice')!.textContent).to.equal('注册成功。请使用用户名 zhang_san 登录，首次登录须修改密码。');
    expect(stub.to('POST /api/v1/accounts')).to.have.length(1);
  });

  it("takes a person to their basic information, with links to it and to 单位绑定, and the name saved there in the header", async () => {
    const profile = { personId: 'per-1', name: '张三', idNumber: '11010519491231002X' };
    const binding = { current: null, pending: null, lastRejection: null, latest: null };
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'person', subjectId: 'per-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'person', subjectId: 'per-1', username: 'zhang_san', name: '张三', profile })),
      'PUT /api/v1/me/profile': [json(200, { ...profile, name: '张三丰', position: '5' })],
      'GET /api/v1/me/binding': [json(200, binding)],
    });
    await signIn();
    await waitUntil(() => visible('view-profile') && byTestId('profile')?.shadowRoot?.querySelector('form'), 'profile page');
    expect(document.body.dataset.view).to.equal('profile');
    expect(byTestId('user-nav')!.hidden).to.equal(false);
    expect(byTestId('nav-profile')!.getAttribute('aria-current')).to.equal('page');
    expect(byTestId('nav-binding')!.hidden).to.equal(false);
    expect(byTestId('nav-members')!.hidden).to.equal(true);
    await waitUntil(() => byTestId('user-info')!.textContent === '张三（专业技术人员）', 'name in the header');
    await expect(document.body).to.be.accessible();

    const screen = byTestId('profile')!;
    fill(screen, { name: '张三丰' });
    $(screen, 'button[type=submit]').click();
    await waitUntil(() => stub!.to('PUT /api/v1/me/profile').length === 1, 'saved');
    await waitUntil(() => stub!.to('GET /api/v1/me').length >= 3, 'header re-read after saving');

    byTestId('nav-binding')!.click();
    await waitUntil(() => visible('view-binding') && byTestId('unit-binding')?.shadowRoot?.querySelector('[data-testid=current-unit]'), 'binding page');
    expect(location.hash).to.equal('#binding');
    expect(byTestId('nav-binding')!.getAttribute('aria-current')).to.equal('page');
    expect(byTestId('nav-profile')!.hasAttribute('aria-current')).to.equal(false);
    expect(document.activeElement).to.equal(document.getElementById('binding-title'));
    // Following the link fires popstate and hashchange: the page is built (and its status read) once.
    expect(stub.to('GET /api/v1/me/binding')).to.have.length(1);
    expect(stub.to('GET /api/v1/me/binding')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    await expect(document.body).to.be.accessible();
  });

  it('gives a person 学时申报 and 学时汇总 with the records and the summary screens', async () => {
    const year = new Date().getFullYear();
    const totals = { public: 0, professional: 0, elective: 0, total: 0 };
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'person', subjectId: 'per-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'person', subjectId: 'per-1', username: 'zhang_san', name: '张三' })),
      'GET /api/v1/credit-records': [json(200, { items: [], nextCursor: null })],
      'GET /api/v1/me/credit-summary': [
        json(200, { year, required: { public: 30, professional: 42, elective: 18, total: 90 }, completed: totals, missing: { public: 30, professional: 42, elective: 18, total: 90 }, eligible: false, asOf: null }),
      ],
    });
    await signIn();
    await waitUntil(() => visible('view-profile'), 'profile page');
    expect(byTestId('nav-credits')!.hidden).to.equal(false);
    expect(byTestId('nav-summary')!.hidden).to.equal(false);
    expect(byTestId('nav-credits')!.textContent).to.equal('学时申报');

    byTestId('nav-credits')!.click();
    await waitUntil(() => visible('view-credits') && byTestId('credit-records')?.shadowRoot?.querySelector('.empty'), 'records page');
    expect(location.hash).to.equal('#credits');
    expect(byTestId('nav-credits')!.getAttribute('aria-current')).to.equal('page');
    expect(document.activeElement).to.equal(document.getElementById('credits-title'));
    expect(stub.to('GET /api/v1/credit-records')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    await expect(document.body).to.be.accessible();

    byTestId('nav-summary')!.click();
    await waitUntil(() => visible('view-summary') && byTestId('credit-summary')?.shadowRoot?.querySelector('table'), 'summary page');
    expect(document.getElementById('summary-title')!.textContent).to.equal('学时完成情况');
    expect(byTestId('credit-records')).to.equal(null);
    await expect(document.body).to.be.accessible();
  });

  it('gives a person 培训班 and 我的报名; the catalogue’s 单位绑定 link and the empty list’s link lead to those pages', async () => {
    const binding = { current: null, pending: null, lastRejection: null, latest: null };
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'person', subjectId: 'per-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'person', subjectId: 'per-1', username: 'zhang_san', name: '张三' })),
      'GET /api/v1/classes': () => json(200, { items: [], nextCursor: null, bound: false, regionCode: null }),
      'GET /api/v1/me/enrolments': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/me/binding': [json(200, binding)],
    });
    await signIn();
    await waitUntil(() => visible('view-profile'), 'profile page');
    expect(byTestId('nav-classes')!.hidden).to.equal(false);
    expect(byTestId('nav-enrolments')!.hidden).to.equal(false);
    expect(byTestId('nav-manage-classes')!.hidden).to.equal(true);
    expect(byTestId('nav-classes')!.textContent).to.equal('培训班');

    byTestId('nav-classes')!.click();
    await waitUntil(() => visible('view-classes') && byTestId('class-catalog')?.shadowRoot?.querySelector('[data-testid=unbound]'), 'catalogue page');
    expect(location.hash).to.equal('#classes');
    expect(document.getElementById('classes-title')!.textContent).to.equal('培训班报名');
    expect(byTestId('nav-classes')!.getAttribute('aria-current')).to.equal('page');
    expect(document.activeElement).to.equal(document.getElementById('classes-title'));
    expect(stub.to('GET /api/v1/classes')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    await expect(document.body).to.be.accessible();

    byTestId('class-catalog')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=bind]')!.click();
    await waitUntil(() => visible('view-binding') && byTestId('unit-binding')?.shadowRoot?.querySelector('[data-testid=current-unit]'), 'binding page');
    expect(location.hash).to.equal('#binding');

    byTestId('nav-enrolments')!.click();
    await waitUntil(() => visible('view-enrolments') && byTestId('enrolments')?.shadowRoot?.querySelector('[data-testid=empty]'), 'enrolments page');
    expect(document.getElementById('enrolments-title')!.textContent).to.equal('培训班报名情况');
    await expect(document.body).to.be.accessible();
    byTestId('enrolments')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=find]')!.click();
    await waitUntil(() => visible('view-classes') && byTestId('class-catalog'), 'back to the catalogue');
  });

  it("gives an institution reviewer 待办事项 and 培训班管理, and neither a unit's nor a person's pages", async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'institution', orgId: 'inst-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'institution', orgId: 'inst-1', org: { orgId: 'inst-1', name: '示例培训机构', status: 'approved' } })),
      'GET /api/v1/tasks': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/classes': [json(200, { items: [], nextCursor: null })],
    });
    await signIn();
    await waitUntil(() => byTestId('task-inbox')?.shadowRoot?.querySelector('.empty'), 'institution inbox');
    expect(byTestId('user-nav')!.hidden).to.equal(false);
    expect(byTestId('nav-inbox')!.hidden).to.equal(false);
    expect(byTestId('nav-inbox')!.getAttribute('aria-current')).to.equal('page');
    expect(byTestId('nav-manage-classes')!.hidden).to.equal(false);
    expect(byTestId('nav-members')!.hidden).to.equal(true);
    expect(byTestId('nav-classes')!.hidden).to.equal(true);
    expect(['nav-history', 'nav-legacy-import'].map((id) => byTestId(id)!.hidden)).to.deep.equal([true, true]);
    expect(byTestId('user-info')!.textContent).to.contain('施教机构审核人');

    byTestId('nav-manage-classes')!.click();
    await waitUntil(() => visible('view-manage-classes') && byTestId('class-manage')?.shadowRoot?.querySelector('.empty'), 'manage page');
    expect(location.hash).to.equal('#manage-classes');
    expect(document.getElementById('manage-classes-title')!.textContent).to.equal('培训班管理');
    expect(stub.to('GET /api/v1/classes')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    await expect(document.body).to.be.accessible();
    location.hash = '#members';
    await waitUntil(() => visible('view-home'), 'home instead of a unit page');
    expect(byTestId('unit-members')).to.equal(null);
  });

  it("gives a unit reviewer 待办事项 and 本单位人员, and never a person's pages", async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'unit', orgId: 'org-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'unit', orgId: 'org-1', org: { orgId: 'org-1', name: '示例单位', status: 'approved' } })),
      'GET /api/v1/tasks': [json(200, { items: [], nextCursor: null })],
      'GET /api/v1/units/org-1/members': [json(200, { items: [], nextCursor: null })],
    });
    await signIn();
    await waitUntil(() => byTestId('task-inbox')?.shadowRoot?.querySelector('.empty'), 'unit inbox');
    expect(byTestId('nav-inbox')!.getAttribute('aria-current')).to.equal('page');
    expect(byTestId('nav-profile')!.hidden).to.equal(true);
    expect(byTestId('nav-credits')!.hidden).to.equal(true);
    expect(byTestId('nav-manage-classes')!.hidden).to.equal(true);
    expect(['nav-history', 'nav-legacy-import'].map((id) => byTestId(id)!.hidden)).to.deep.equal([true, true]);
    byTestId('nav-members')!.click();
    await waitUntil(() => visible('view-members') && byTestId('unit-members')?.shadowRoot?.querySelector('.empty'), 'members page');
    expect(stub.to('GET /api/v1/units/org-1/members')[0]!.query.get('status')).to.equal('confirmed');
    await expect(document.body).to.be.accessible();
    // A person's page asked for by hash shows the reviewer's start page instead.
    location.hash = '#binding';
    await waitUntil(() => visible('view-home'), 'home instead of a person page');
    expect(byTestId('unit-binding')).to.equal(null);
  });

  it('gives a person 证书打印 and 失信信息 (their own records), and none of the administrator’s pages', async () => {
    const year = new Date().getFullYear();
    const hours = { public: 30, professional: 42, elective: 18, total: 90 };
    const none = { public: 0, professional: 0, elective: 0, total: 0 };
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'person', subjectId: 'per-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'person', subjectId: 'per-1', username: 'zhang_san', name: '张三' })),
      'GET /api/v1/me/certificates': [
        json(200, { items: [{ year, required: hours, completed: hours, missing: none, eligible: true, blocked: false, certificate: null }], blockedBy: [] }),
      ],
      'GET /api/v1/me/dishonesty-records': [json(200, { items: [], nextCursor: null })],
    });
    await signIn();
    await waitUntil(() => visible('view-profile'), 'profile page');
    expect(byTestId('nav-certificate')!.hidden).to.equal(false);
    expect(byTestId('nav-certificate')!.textContent).to.equal('证书打印');
    expect(byTestId('nav-dishonesty')!.hidden).to.equal(false);
    expect(byTestId('nav-dishonesty')!.textContent).to.equal('失信信息');
    expect(['nav-dishonesty-admin', 'nav-requirements', 'nav-inbox', 'nav-legacy-import'].map((id) => byTestId(id)!.hidden)).to.deep.equal([true, true, true, true]);

    byTestId('nav-certificate')!.click();
    await waitUntil(() => visible('view-certificate') && byTestId('certificate')?.shadowRoot?.querySelector('[data-action=issue]'), 'certificate page');
    expect(location.hash).to.equal('#certificate');
    expect(document.getElementById('certificate-title')!.textContent).to.equal('继续教育证书打印');
    expect(byTestId('nav-certificate')!.getAttribute('aria-current')).to.equal('page');
    expect(document.activeElement).to.equal(document.getElementById('certificate-title'));
    expect(stub.to('GET /api/v1/me/certificates')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    await expect(document.body).to.be.accessible();

    byTestId('nav-dishonesty')!.click();
    await waitUntil(() => visible('view-dishonesty') && byTestId('dishonesty')?.shadowRoot?.querySelector('.empty'), 'dishonesty page');
    expect(location.hash).to.equal('#dishonesty');
    expect(document.getElementById('dishonesty-title')!.textContent).to.equal('我的失信信息');
    expect(byTestId('dishonesty')!.hasAttribute('mode')).to.equal(false);
    expect(byTestId('dishonesty')!.shadowRoot!.querySelector('[data-action=record]')).to.equal(null);
    expect(byTestId('certificate')).to.equal(null);
    expect(stub.to('GET /api/v1/me/dishonesty-records')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    await expect(document.body).to.be.accessible();
    location.hash = '#requirements';
    await waitUntil(() => visible('view-profile'), 'the start page instead of an administrator page');
    expect(byTestId('requirements')).to.equal(null);
  });

  it("gives a unit reviewer 失信信息 with its members' records, read only", async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'unit', orgId: 'org-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'unit', orgId: 'org-1', org: { orgId: 'org-1', name: '示例单位', status: 'approved' } })),
      'GET /api/v1/tasks': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/dishonesty-records': [json(200, { items: [], nextCursor: null })],
    });
    await signIn();
    await waitUntil(() => byTestId('task-inbox')?.shadowRoot?.querySelector('.empty'), 'unit inbox');
    expect(byTestId('nav-dishonesty')!.hidden).to.equal(false);
    expect(byTestId('nav-dishonesty-admin')!.hidden).to.equal(true);
    expect(byTestId('nav-certificate')!.hidden).to.equal(true);
    byTestId('nav-dishonesty')!.click();
    await waitUntil(() => visible('view-dishonesty') && byTestId('dishonesty')?.shadowRoot?.querySelector('.empty'), 'dishonesty page');
    expect(byTestId('dishonesty')!.getAttribute('mode')).to.equal('review');
    expect(document.getElementById('dishonesty-title')!.textContent).to.equal('本单位人员失信信息');
    expect(byTestId('nav-dishonesty')!.getAttribute('aria-current')).to.equal('page');
    expect(byTestId('dishonesty')!.shadowRoot!.querySelector('[data-action=record]')).to.equal(null);
    const call = stub.to('GET /api/v1/dishonesty-records')[0]!;
    expect([call.query.get('personId'), call.headers.get('Authorization')]).to.deep.equal([null, 'Bearer jwt-full']);
    await expect(document.body).to.be.accessible();
    location.hash = '#certificate';
    await waitUntil(() => visible('view-home'), 'home instead of a person page');
    expect(byTestId('certificate')).to.equal(null);
  });

  it('gives the administrator 待办事项, 学时要求 and 失信管理 (recording and revoking), headed in either language', async () => {
    const year = new Date().getFullYear();
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session())],
      'GET /api/v1/me': () => json(200, me()),
      'GET /api/v1/tasks': () => json(200, { items: [], nextCursor: null }),
      [`GET /api/v1/requirements/${year}`]: [json(200, { year, public: 30, professional: 42, elective: 18, total: 90, setAt: null })],
      'GET /api/v1/dishonesty-records': () => json(200, { items: [], nextCursor: null }),
    });
    await signIn();
    await waitUntil(() => byTestId('task-inbox')?.shadowRoot?.querySelector('.empty'), 'admin inbox');
    expect(byTestId('user-nav')!.hidden).to.equal(false);
    expect(byTestId('nav-inbox')!.getAttribute('aria-current')).to.equal('page');
    expect(['nav-requirements', 'nav-dishonesty-admin'].map((id) => byTestId(id)!.textContent)).to.deep.equal(['学时要求', '失信管理']);
    expect(['nav-profile', 'nav-certificate', 'nav-history', 'nav-dishonesty', 'nav-members', 'nav-manage-classes'].map((id) => byTestId(id)!.hidden)).to.deep.equal(
      [true, true, true, true, true, true],
    );

    byTestId('nav-requirements')!.click();
    await waitUntil(() => visible('view-requirements') && byTestId('requirements')?.shadowRoot?.querySelector('form'), 'requirements page');
    expect(location.hash).to.equal('#requirements');
    expect(document.getElementById('requirements-title')!.textContent).to.equal('年度学时要求');
    expect(document.activeElement).to.equal(document.getElementById('requirements-title'));
    expect(stub.to(`GET /api/v1/requirements/${year}`)[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    await expect(document.body).to.be.accessible();

    byTestId('nav-dishonesty-admin')!.click();
    await waitUntil(() => visible('view-dishonesty') && byTestId('dishonesty')?.shadowRoot?.querySelector('.empty'), 'dishonesty page');
    expect(location.hash).to.equal('#dishonesty');
    expect(byTestId('dishonesty')!.getAttribute('mode')).to.equal('admin');
    expect(byTestId('dishonesty')!.shadowRoot!.querySelector('[data-action=record]')).to.not.equal(null);
    expect(document.getElementById('dishonesty-title')!.textContent).to.equal('失信信息管理');
    expect(byTestId('nav-dishonesty-admin')!.getAttribute('aria-current')).to.equal('page');
    await expect(document.body).to.be.accessible();

    try {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'en', 'English');
      expect(document.getElementById('dishonesty-title')!.textContent).to.equal('Managing dishonesty records');
      expect(['nav-inbox', 'nav-requirements', 'nav-dishonesty-admin'].map((id) => byTestId(id)!.textContent)).to.deep.equal(['Tasks', 'Hour requirements', 'Dishonesty records']);
      await waitUntil(() => byTestId('dishonesty')!.shadowRoot!.querySelector('[data-action=record]')?.textContent?.trim() !== '记录失信信息', 'English screen');
      await expect(document.body).to.be.accessible();
    } finally {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'zh-CN', 'back to Chinese');
    }
    location.hash = '#certificate';
    await waitUntil(() => visible('view-home'), 'home instead of a person page');
    expect(byTestId('certificate')).to.equal(null);
  });

  it('gives a person 历史数据 (their old-system records and certificates), headed in either language, and not 历史数据导入', async () => {
    const hours = { public: 12, professional: 30, elective: 0, total: 42 };
    const records = {
      items: [{ year: 2018, category: 'public', title: '职业道德与诚信建设', hours: 12, organizer: null, reviewedBy: null, reviewedAt: null }],
      totals: { 2018: hours },
    };
    const certificate = { certificateNo: '粤继教2018000123', year: 2018, hours, issuedAt: '2018-12-20', issuer: null, verificationCode: '7K3MXQ9TB2HDRW4P' };
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'person', subjectId: 'per-1' }))],
      'GET /api/v1/me': () => json(200, me({ role: 'person', subjectId: 'per-1', username: 'zhang_san', name: '张三' })),
      'GET /api/v1/me/history/records': () => json(200, records),
      'GET /api/v1/me/history/certificates': () => json(200, { items: [certificate] }),
    });
    await signIn();
    await waitUntil(() => visible('view-profile'), 'profile page');
    expect(byTestId('nav-history')!.hidden).to.equal(false);
    expect(byTestId('nav-history')!.textContent).to.equal('历史数据');
    expect(byTestId('nav-legacy-import')!.hidden).to.equal(true);

    byTestId('nav-history')!.click();
    const screen = () => byTestId('history')?.shadowRoot;
    await waitUntil(() => visible('view-history') && screen()?.querySelector('[role=tabpanel] table') && screen()?.querySelector('tr[data-certificate-no]'), 'history page');
    expect(location.hash).to.equal('#history');
    expect(document.getElementById('history-title')!.textContent).to.equal('历史数据（原省继续教育系统）');
    expect(byTestId('nav-history')!.getAttribute('aria-current')).to.equal('page');
    expect(document.activeElement).to.equal(document.getElementById('history-title'));
    // The 2018 tab first (no period set by the page); the token the page holds.
    expect(byTestId('history')!.hasAttribute('period')).to.equal(false);
    const call = stub.to('GET /api/v1/me/history/records')[0]!;
    expect([call.query.get('period'), call.headers.get('Authorization')]).to.deep.equal(['2018', 'Bearer jwt-full']);
    expect(stub.to('GET /api/v1/me/history/certificates')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    // The verification link is the page's own server's.
    expect(screen()!.querySelector<HTMLAnchorElement>('a[data-action=verify]')!.href).to.equal(`${location.origin}/verify/7K3MXQ9TB2HDRW4P`);
    await expect(document.body).to.be.accessible();

    try {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'en', 'English');
      expect(document.getElementById('history-title')!.textContent).to.equal('My records in the old provincial system');
      expect(byTestId('nav-history')!.textContent).to.equal('Old-system history');
      await waitUntil(() => screen()!.querySelector('#tab-2018')?.textContent?.trim() !== '2018年', 'English screen');
      await expect(document.body).to.be.accessible();
    } finally {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'zh-CN', 'back to Chinese');
    }
    location.hash = '#legacy-import';
    await waitUntil(() => visible('view-profile'), 'the start page instead of an administrator page');
    expect(byTestId('legacy-import')).to.equal(null);
    expect(byTestId('history')).to.equal(null);
  });

  it('gives the administrator 历史数据导入 with the import screen, headed in either language, and not a person’s 历史数据', async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session())],
      'GET /api/v1/me': () => json(200, me()),
      'GET /api/v1/tasks': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/legacy/imports': () => json(200, { items: [], nextCursor: null }),
    });
    await signIn();
    await waitUntil(() => byTestId('task-inbox')?.shadowRoot?.querySelector('.empty'), 'admin inbox');
    expect(byTestId('nav-legacy-import')!.hidden).to.equal(false);
    expect(byTestId('nav-legacy-import')!.textContent).to.equal('历史数据导入');
    expect(byTestId('nav-history')!.hidden).to.equal(true);

    byTestId('nav-legacy-import')!.click();
    const screen = () => byTestId('legacy-import')?.shadowRoot;
    await waitUntil(() => visible('view-legacy-import') && screen()?.querySelector('form') && screen()?.querySelector('.recent .empty'), 'import page');
    expect(location.hash).to.equal('#legacy-import');
    expect(document.getElementById('legacy-import-title')!.textContent).to.equal('导入原系统历史数据');
    expect(byTestId('nav-legacy-import')!.getAttribute('aria-current')).to.equal('page');
    expect(document.activeElement).to.equal(document.getElementById('legacy-import-title'));
    expect(stub.to('GET /api/v1/legacy/imports')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-full');
    expect(screen()!.querySelectorAll('input[name=kind]')).to.have.length(2);
    await expect(document.body).to.be.accessible();

    try {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'en', 'English');
      expect(document.getElementById('legacy-import-title')!.textContent).to.equal('Importing the old system’s data');
      expect(byTestId('nav-legacy-import')!.textContent).to.equal('Import old data');
      await waitUntil(() => screen()!.querySelector('#form-title')?.textContent === 'Import a file', 'English screen');
      await expect(document.body).to.be.accessible();
    } finally {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'zh-CN', 'back to Chinese');
    }
    location.hash = '#history';
    await waitUntil(() => visible('view-home'), 'home instead of a person page');
    expect(byTestId('history')).to.equal(null);
  });

  it('lands an auditor on 审计 after the first-login password change, with the log read with their token; nothing else', async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session({ role: 'auditor', subjectId: 'acc-9', accessToken: 'jwt-restricted', mustChangePassword: true }))],
      'PUT /api/v1/accounts/me/password': [json(200, session({ role: 'auditor', subjectId: 'acc-9', accessToken: 'jwt-auditor' }))],
      'GET /api/v1/me': () => json(200, me({ accountId: 'acc-9', username: 'audit_li', role: 'auditor', subjectId: 'acc-9', name: '李审计' })),
      'GET /api/v1/audit/events': () => json(200, { items: [], nextCursor: null }),
    });
    await signIn();
    await waitUntil(() => visible('view-change-password') && byTestId('change-password'), 'password change view');
    const change = byTestId('change-password')!;
    await (change as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    fill(change, { currentPassword: 'Initial123', newPassword: 'Changed123', confirmPassword: 'Changed123' });
    $(change, 'button[type=submit]').click();

    const screen = () => byTestId('audit')?.shadowRoot;
    await waitUntil(() => visible('view-audit') && screen()?.querySelector('[data-panel=log] .empty'), 'audit page');
    expect(document.body.dataset.view).to.equal('audit');
    expect(document.getElementById('audit-title')!.textContent).to.equal('审计：事件日志、完整性校验与数据重放');
    expect(byTestId('nav-audit')!.hidden).to.equal(false);
    expect(byTestId('nav-audit')!.getAttribute('aria-current')).to.equal('page');
    expect(['nav-inbox', 'nav-profile', 'nav-requirements', 'nav-legacy-import', 'nav-dishonesty-admin'].map((id) => byTestId(id)!.hidden)).to.deep.equal([true, true, true, true, true]);
    expect(byTestId('audit')!.hasAttribute('mode')).to.equal(false);
    expect([...screen()!.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim())).to.deep.equal(['事件日志', '完整性校验', '数据重放', '印章']);
    expect(stub.to('GET /api/v1/audit/events')[0]!.headers.get('Authorization')).to.equal('Bearer jwt-auditor');
    await waitUntil(() => byTestId('user-info')!.textContent === '李审计（审计人员）', 'who in the header');
    await expect(document.body).to.be.accessible();

    try {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'en', 'English');
      expect(document.getElementById('audit-title')!.textContent).to.equal('Audit: the event log, its integrity and replays');
      expect(byTestId('nav-audit')!.textContent).to.equal('Audit');
      await waitUntil(() => screen()!.querySelector('#tab-log')?.textContent?.trim() === 'Event log', 'English screen');
      await expect(document.body).to.be.accessible();
    } finally {
      byTestId('lang-toggle')!.click();
      await waitUntil(() => document.documentElement.lang === 'zh-CN', 'back to Chinese');
    }
    location.hash = '#home';
    await waitUntil(() => visible('view-audit') && location.hash === '#home', 'still 审计: an auditor has no inbox');
    expect(byTestId('task-inbox')).to.equal(null);
  });

  it('gives the administrator 审计 too, with the access log and staff accounts', async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session())],
      'GET /api/v1/me': () => json(200, me()),
      'GET /api/v1/tasks': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/audit/events': () => json(200, { items: [], nextCursor: null }),
    });
    await signIn();
    await waitUntil(() => byTestId('task-inbox')?.shadowRoot?.querySelector('.empty'), 'admin inbox');
    expect(byTestId('nav-audit')!.hidden).to.equal(false);
    byTestId('nav-audit')!.click();
    const screen = () => byTestId('audit')?.shadowRoot;
    await waitUntil(() => visible('view-audit') && screen()?.querySelector('[data-panel=log] .empty'), 'audit page');
    expect(location.hash).to.equal('#audit');
    expect(byTestId('audit')!.getAttribute('mode')).to.equal('admin');
    expect(document.activeElement).to.equal(document.getElementById('audit-title'));
    expect([...screen()!.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim())).to.deep.equal(['事件日志', '完整性校验', '数据重放', '印章', '访问记录', '审计账号']);
    expect(byTestId('nav-audit')!.getAttribute('aria-current')).to.equal('page');
    await expect(document.body).to.be.accessible();
  });

  it('switches the language of the page and the screens', async () => {
    stub = stubFetch({ 'GET /api/v1/captcha': captchaRoute() });
    await waitUntil(() => byTestId('login')?.shadowRoot?.querySelector('img[data-captcha-id]'), 'login with captcha');
    await expect(document.body).to.be.accessible();
    byTestId('lang-toggle')!.click();
    await waitUntil(() => byTestId('login')?.shadowRoot?.querySelector('button[type=submit]')?.textContent?.trim() === 'Sign in', 'English login');
    expect(document.documentElement.lang).to.equal('en');
    expect(document.querySelector('jxjy-config')!.getAttribute('lang')).to.equal('en');
    expect(byTestId('lang-toggle')!.textContent).to.equal('中文');
    expect(document.getElementById('login-title')!.textContent).to.equal('Sign in');
    await expect(document.body).to.be.accessible();
    byTestId('lang-toggle')!.click();
    await waitUntil(() => document.documentElement.lang === 'zh-CN', 'back to Chinese');
  });

  it('keeps the language switch on the title’s row in English (the header wraps the title, not the switch)', async () => {
    stub = stubFetch({ 'GET /api/v1/captcha': captchaRoute() });
    const toggle = byTestId('lang-toggle')!;
    const brand = document.querySelector<HTMLElement>('.portal-header .brand')!;
    try {
      for (const lang of ['en', 'zh-CN']) {
        if (document.documentElement.lang !== lang) toggle.click();
        await waitUntil(() => document.documentElement.lang === lang, `page in ${lang}`);
        const [t, b] = [toggle.getBoundingClientRect(), brand.getBoundingClientRect()];
        expect(t.top, `switch beside the title (${lang}, ${innerWidth}px window)`).to.be.below(b.bottom);
        expect(t.right, `switch inside the window (${lang})`).to.be.at.most(innerWidth);
      }
    } finally {
      if (document.documentElement.lang !== 'zh-CN') toggle.click();
    }
  });

  it('signs out with a notice when the API reports the token expired', async () => {
    stub = stubFetch({
      'GET /api/v1/captcha': captchaRoute(),
      'POST /api/v1/sessions': [json(200, session())],
      'GET /api/v1/me': [json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' })],
    });
    await signIn();
    await waitUntil(() => visible('view-login') && !byTestId('portal-notice')!.hidden, 'signed out with notice');
    expect(byTestId('portal-notice')!.textContent).to.equal('登录已过期，请重新登录。');
    expect(stub.to('GET /api/v1/me')).to.have.length(1);
    expect(sessionStorage.getItem('jxjy.demo.session')).to.equal(null);
  });
});
