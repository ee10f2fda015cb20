// The demo portal's script (/components/portal.js), playing the part a provincial portal plays when it embeds
// jxjy-* screens: it owns routing and the session, passes the token through <jxjy-config>, and reacts to the
// screens' events. Loaded after jxjy.js, which defines the elements; it bundles none of them itself.
import { ApiClient, ApiError } from '../api/api-client.js';
import type { Me, Role, Session } from '../api/types.js';
import type { JxjyConfig } from '../config/config.component.js';
import { resolveLang, type Lang } from '../i18n/messages.js';
import { portalText, type PortalKey } from './portal.messages.js';

type View =
  | 'login' | 'org-register' | 'register' | 'change-password' | 'home'
  | 'profile' | 'binding' | 'credits' | 'summary' | 'classes' | 'enrolments' | 'certificate' | 'history' | 'dishonesty'
  | 'members' | 'manage-classes' | 'requirements' | 'legacy-import' | 'audit';

/**
 * A signed-in role's pages beyond its home, by hash (#profile, #binding, #credits, #summary, #classes, #enrolments,
 * #certificate, #history, #dishonesty, #members, #manage-classes, #requirements, #legacy-import, #audit), and the page
 * it lands on. A person's home is their basic information; a reviewer's, and the administrator's, is the inbox; an
 * auditor's is 审计 (they review nothing, so they have no inbox).
 */
const PAGES: Readonly<Partial<Record<Role, { start: View; pages: readonly View[] }>>> = {
  person: { start: 'profile', pages: ['profile', 'binding', 'credits', 'summary', 'classes', 'enrolments', 'certificate', 'history', 'dishonesty'] },
  unit: { start: 'home', pages: ['home', 'members', 'dishonesty'] },
  institution: { start: 'home', pages: ['home', 'manage-classes'] },
  admin: { start: 'home', pages: ['home', 'requirements', 'dishonesty', 'legacy-import', 'audit'] },
  auditor: { start: 'audit', pages: ['audit'] },
};
/** The screen each of those pages shows (home is built by `home()`). */
const SCREENS = {
  profile: 'jxjy-profile',
  binding: 'jxjy-unit-binding',
  credits: 'jxjy-credit-records',
  summary: 'jxjy-credit-summary',
  classes: 'jxjy-class-catalog',
  enrolments: 'jxjy-enrolments',
  certificate: 'jxjy-certificate',
  history: 'jxjy-history',
  dishonesty: 'jxjy-dishonesty',
  members: 'jxjy-unit-members',
  'manage-classes': 'jxjy-class-manage',
  requirements: 'jxjy-requirements',
  'legacy-import': 'jxjy-legacy-import',
  audit: 'jxjy-audit',
} as const;
type ScreenView = keyof typeof SCREENS;

/**
 * Where one screen serves several roles: the attributes it takes, and the page heading, for a role. jxjy-dishonesty
 * lists a person's own records by default; a unit reads its members' (review), the administrator also records and
 * revokes (admin). jxjy-audit is the auditor's; the administrator's also has the access log and staff accounts (admin).
 */
const BY_ROLE: Readonly<Partial<Record<Role, Partial<Record<ScreenView, { attrs: Record<string, string>; title: PortalKey }>>>>> = {
  unit: { dishonesty: { attrs: { mode: 'review' }, title: 'dishonestyUnit' } },
  admin: { dishonesty: { attrs: { mode: 'admin' }, title: 'dishonestyAdmin' }, audit: { attrs: { mode: 'admin' }, title: 'audit' } },
};
/** The heading a page's section carries in the markup, used for every role without its own. */
const DEFAULT_TITLES: Readonly<Partial<Record<ScreenView, PortalKey>>> = { dishonesty: 'dishonesty' };

// sessionStorage is enough for a demo: it dies with the tab. A real portal keeps the token in memory
// or behind its own session; the components never store it.
const SESSION_KEY = 'jxjy.demo.session';
const LANG_KEY = 'jxjy.demo.lang';

interface Stored {
  session: Session;
  expiresAt: number;
}

let stored: Stored | undefined = readSession();
let lang: Lang = resolveLang(sessionStorage.getItem(LANG_KEY));
let me: Me | undefined;

const config = document.querySelector<JxjyConfig>('jxjy-config')!;
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const t = (key: PortalKey, params: Record<string, string> = {}) =>
  portalText[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

// Typed as PortalKey, so tsc fails when a role the API may return has no label.
const roleKey = (role: Role): PortalKey => `role.${role}`;

function readSession(): Stored | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Stored | null;
    return value && value.expiresAt > Date.now() ? value : undefined;
  } catch {
    return undefined; // a corrupt entry is the same as none: sign in again
  }
}

function keepSession(session: Session): void {
  stored = { session, expiresAt: Date.now() + session.expiresIn * 1000 };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(stored));
}

function signOut(notice?: string): void {
  stored = undefined;
  me = undefined;
  sessionStorage.removeItem(SESSION_KEY);
  setNotice(notice ?? '');
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  route();
}

function setNotice(text: string): void {
  const notice = byId('portal-notice');
  notice.textContent = text;
  notice.hidden = !text;
}

function create<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

/** Shows one view; screens of the others are removed, which aborts their requests. */
function show(view: View, moveFocus: boolean): HTMLElement {
  document.body.dataset.view = view;
  document.body.dataset.state = stored ? 'signed-in' : 'signed-out';
  let active: HTMLElement | undefined;
  for (const section of document.querySelectorAll<HTMLElement>('[data-view]')) {
    const on = section.dataset.view === view;
    section.hidden = !on;
    if (on) active = section;
    else section.querySelector('.slot')?.replaceChildren();
  }
  byId('sign-out').hidden = !stored;
  byId('user-info').hidden = !stored;
  renderUserNav(view);
  renderUser();
  // A view change is a page change for a screen-reader user: announce it by moving to its heading.
  if (moveFocus) active!.querySelector<HTMLElement>('h2[tabindex]')?.focus();
  return active!.querySelector<HTMLElement>('.slot')!;
}

// What the page last routed for: following a link to a fragment fires popstate and then hashchange for the
// same URL, and a second route would rebuild the screen (and repeat its requests).
let routedUrl = '';

function onHistory(): void {
  if (location.href !== routedUrl) route();
}

function route(moveFocus = true): void {
  routedUrl = location.href;
  if (stored) {
    if (stored.session.mustChangePassword) {
      const screen = create('jxjy-change-password', { 'first-login': '', 'data-testid': 'change-password' });
      show('change-password', moveFocus).replaceChildren(screen);
      return;
    }
    const role = stored.session.role;
    const view = signedInView(role, location.hash.slice(1));
    if (view === 'home') return void home(show('home', moveFocus));
    const screen = view as ScreenView;
    const tag = SCREENS[screen];
    const variant = BY_ROLE[role]?.[screen];
    titleFor(screen, variant?.title ?? DEFAULT_TITLES[screen]);
    show(screen, moveFocus).replaceChildren(create(tag, { ...variant?.attrs, 'data-testid': tag.replace(/^jxjy-/, '') }));
    void loadMe();
    return;
  }
  const hash = location.hash.slice(1);
  if (hash === 'org-register') {
    show('org-register', moveFocus).replaceChildren(create('jxjy-org-register', { 'data-testid': 'org-register' }));
  } else if (hash === 'register') {
    show('register', moveFocus).replaceChildren(create('jxjy-register', { 'data-testid': 'register' }));
  } else {
    show('login', moveFocus).replaceChildren(create('jxjy-login', { 'data-testid': 'login' }));
  }
}

/** Names the page by the role's heading for it (kept in data-i18n, so switching the language keeps it). */
function titleFor(view: ScreenView, key: PortalKey | undefined): void {
  const heading = document.querySelector<HTMLElement>(`[data-view="${view}"] h2`);
  if (!heading || !key || heading.dataset.i18n === key) return;
  heading.dataset.i18n = key;
  heading.textContent = t(key);
}

/** The page a signed-in role sees for `hash`: one of its own pages, else its start page. */
function signedInView(role: Role, hash: string): View {
  const own = PAGES[role];
  if (!own) return 'home';
  return own.pages.find((page) => page === hash) ?? own.start;
}

/**
 * Shows the signed-in role's page links (a person's 基本信息 … 证书打印 / 历史数据 / 失信信息; a unit's 待办事项 / 本单位人员 /
 * 失信信息; an institution's 待办事项 / 培训班管理; the administrator's 待办事项 / 学时要求 / 失信管理 / 历史数据导入 / 审计;
 * an auditor's 审计), the current one marked. A link's `data-role` lists the roles it serves; two links may lead to one
 * page under different names.
 */
function renderUserNav(view: View): void {
  const nav = byId('user-nav');
  const role = stored && !stored.session.mustChangePassword ? stored.session.role : undefined;
  nav.hidden = !role || !PAGES[role];
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-page]')) {
    link.hidden = !role || !(link.dataset.role ?? '').split(' ').includes(role);
    if (link.dataset.page === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Who is signed in, for the header (once per session, or again when `fresh`); screens read what they need themselves. */
async function loadMe(fresh = false): Promise<void> {
  if (me && !fresh) return;
  const token = stored?.session.accessToken;
  try {
    const loaded = await api().get<Me>('/api/v1/me');
    if (stored?.session.accessToken === token) me = loaded;
  } catch (err) {
    // The screen on show reports its own load failure (and a 401 signs out); the header keeps just the role.
    if (!(err instanceof ApiError)) throw err;
  }
  renderUser();
}

const api = () =>
  new ApiClient({ apiBase: config.apiBase ?? '', lang, getToken: () => stored?.session.accessToken, host: document.body });

/** What the signed-in role may do: reviewers get their inbox once their organisation is approved. */
async function home(slot: HTMLElement): Promise<void> {
  slot.replaceChildren(create('p', { class: 'muted', role: 'status' }));
  slot.firstElementChild!.textContent = t('loading');
  try {
    me = await api().get<Me>('/api/v1/me');
  } catch (err) {
    if (!stored) return; // a 401 already signed us out
    const failed = create('p', { class: 'alert', role: 'alert', 'data-testid': 'home-error' });
    failed.textContent = err instanceof ApiError ? err.message : t('loadFailed');
    slot.replaceChildren(failed);
    return;
  }
  renderUser();
  const role = stored?.session.role;
  if ((role === 'unit' || role === 'institution') && me.org && me.org.status !== 'approved') {
    const panel = create('div', { class: 'org-status', role: 'status', 'data-testid': 'org-status', 'data-status': me.org.status });
    panel.textContent =
      me.org.status === 'rejected' ? t('orgRejected', { name: me.org.name, reason: me.org.reason ?? '' }) : t('orgPending', { name: me.org.name });
    slot.replaceChildren(panel);
  } else {
    // Persons and auditors never land here (their start pages are their profile and 审计); every reviewer role has an inbox.
    slot.replaceChildren(create('jxjy-task-inbox', { 'data-testid': 'task-inbox' }));
  }
}

function renderUser(): void {
  const info = byId('user-info');
  if (!stored) {
    info.textContent = '';
    return;
  }
  const role = t(roleKey(stored.session.role));
  info.textContent = me ? `${me.name || me.username}（${role}）` : role;
}

function applyLang(): void {
  config.lang = lang;
  document.documentElement.lang = lang;
  sessionStorage.setItem(LANG_KEY, lang);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as PortalKey);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as PortalKey));
  }
  const toggle = byId('lang-toggle');
  toggle.textContent = lang === 'en' ? '中文' : 'English';
  toggle.lang = lang === 'en' ? 'zh-CN' : 'en';
  document.title = t('title');
  renderUser();
}

function navigate(to: string): void {
  const hash = to === 'login' ? '' : `#${to}`;
  if (location.hash === hash) route();
  else if (hash) location.hash = hash;
  else {
    history.pushState(null, '', location.pathname + location.search);
    route();
  }
}

async function start(): Promise<void> {
  // Properties set before the upgrade would shadow the element's accessors; wait for the definitions.
  await customElements.whenDefined('jxjy-config');
  config.tokenProvider = () => stored?.session.accessToken ?? '';

  document.addEventListener('jxjy-login-succeeded', (e) => {
    setNotice('');
    keepSession(e.detail);
    route();
  });
  document.addEventListener('jxjy-password-changed', (e) => {
    keepSession(e.detail);
    route();
  });
  document.addEventListener('jxjy-navigate', (e) => navigate(e.detail.to));
  // A saved profile may carry a new name: the header says who is signed in.
  document.addEventListener('jxjy-profile-saved', () => void loadMe(true));
  // A new account signs in next (and changes its password there): go straight to sign-in, saying who registered.
  document.addEventListener('jxjy-person-registered', (e) => {
    navigate('login');
    setNotice(t('registered', { username: e.detail.username }));
  });
  // No refresh tokens yet: an expired session means signing in again. preventDefault = "don't retry".
  document.addEventListener('jxjy-token-expired', (e) => {
    e.preventDefault();
    signOut(t('sessionExpired'));
  });
  byId('sign-out').addEventListener('click', () => signOut());
  byId('lang-toggle').addEventListener('click', () => {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    applyLang();
  });
  window.addEventListener('hashchange', onHistory);
  window.addEventListener('popstate', onHistory);

  applyLang();
  route(false);
}

void start();
