/**
 * What the demo-portal end-to-end tests share: the system as `npm start` runs it (runtime/start-all.ts in its own
 * process, its own data folder, on the run's shared Temporal dev server with a task queue of its own, captchas
 * revealed), real Chromium through playwright-core, and the steps every scenario repeats — calls to the public API,
 * first sign-ins with their password change, approving a task, setting up approved organisations and bound people,
 * answering the captcha the page shows, signing in through the portal and taking screenshots.
 *
 * `useDemoPortal(name)` registers the file's beforeAll/afterAll and returns the handle; call it inside `describe`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { randomIdNumber, randomUscc } from '../system.js';
import { SAMPLE_PDF } from '../actors.js';

const main = fileURLToPath(new URL('../../../runtime/start-all.ts', import.meta.url));
const dist = fileURLToPath(new URL('../../../components/dist/', import.meta.url));
export const ADMIN_PASSWORD = 'Initial2026x';
const ADMIN_CHANGED = 'Changed2026x';
/** The administrator's password once `admin()` made its first sign-in (for signing in through the portal). */
export const ADMIN_NEW_PASSWORD = ADMIN_CHANGED;

export type Json = Record<string, unknown>;

export interface Reviewer {
  orgId: string;
  name: string;
  username: string;
  /** The password the organisation registered with; the account changes it at first sign-in. */
  password: string;
  /** The password after the first sign-in (set by `approvedOrg` through the API, or by `signInFirstTime`). */
  newPassword: string;
  /** A full session's token, once signed in through the API. */
  token?: string;
}

export interface Person {
  personId: string;
  name: string;
  idNumber: string;
  username: string;
  password: string;
  newPassword: string;
  token: string;
}

export interface DemoPortal {
  /** The system's origin, e.g. http://127.0.0.1:40123. */
  readonly base: string;
  readonly browser: Browser;
  api(method: string, url: string, body?: Json, token?: string): Promise<{ status: number; body: Json }>;
  captcha(): Promise<Json>;
  /** Signs in through the API and makes the first-login password change; the full session's token. */
  firstSignIn(username: string, password: string, newPassword: string): Promise<string>;
  /** The administrator's token (signing in the first time when needed). */
  admin(): Promise<string>;
  /** Decides the open task of `kind` about `subjectId` as the holder of `token`, once the tasks show `after`. */
  approveTask(token: string, kind: string, subjectId: string, after: string): Promise<void>;
  /** Registers an organisation and has the administrator approve it; `signIn` also makes its reviewer's first sign-in. */
  approvedOrg(options: { kind: 'unit' | 'institution'; name: string; regionCode?: string; tag: string; signIn?: boolean }): Promise<Reviewer>;
  /** Registers a person with a fresh ID number and signs them in (first password change made); no unit. */
  person(options: { name: string; tag: string }): Promise<Person>;
  /** Registers a person, signs them in (first password change made) and has `unit` confirm their binding. */
  boundPerson(unit: Reviewer, options: { name: string; tag: string }): Promise<Person>;
  /**
   * A one-day credit record of `person` declared, evidenced with a small PDF, submitted and approved by `unit` (whose
   * member the person is) in its inbox; the record's id.
   */
  approvedRecord(person: Person, unit: Reviewer, record: { year: number; category: 'public' | 'professional' | 'elective'; hours: number; date: string; title: string }): Promise<string>;
  /**
   * Reveal mode: remembers each captcha's answer as the page fetches it; the returned function types the one on screen.
   * Attach it before the page loads (before `goto`): a captcha fetched earlier has no answer to type.
   */
  captchaAnswers(page: Page): (scope: string) => Promise<void>;
  /**
   * A page of its own (its own session storage, UTC) signed in through the portal, on the role's start page; `locale`
   * is the browser's language, which pages the server renders (/verify) follow.
   */
  signedIn(username: string, password: string, startView: string, errors: string[], options?: { locale?: string }): Promise<Page>;
  /** Signs in through the portal and makes the first-login password change there; lands on the role's start page. */
  signInFirstTime(page: Page, answerCaptcha: (scope: string) => Promise<void>, who: { username: string; password: string; newPassword: string }, startView: string): Promise<void>;
  /** Collects the page's uncaught errors into `errors` (each scenario expects none). */
  watchErrors(page: Page, errors: string[]): void;
  /** A full-page screenshot in the temp folder, named after the scenario: jxjy-e2e-<name>-<step>.png. */
  shot(page: Page, step: string): Promise<void>;
}

export function useDemoPortal(name: string): DemoPortal {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `jxjy-e2e-${name}-`)), 'data');
  let child: ChildProcess | undefined;
  let base = '';
  let browser: Browser | undefined;
  let adminToken: Promise<string> | undefined;
  let output = '';

  beforeAll(async () => {
    // The portal loads the built components; building here would pull them from under other e2e files running now.
    for (const file of ['jxjy.js', 'portal.js']) {
      if (!fs.existsSync(path.join(dist, file))) throw new Error(`components/dist lacks ${file}: run \`npm run build:components\` first`);
    }
    const started = spawn(process.execPath, ['--import', 'tsx', main], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
        JXJY_CAPTCHA: 'reveal',
        JXJY_ADMIN_USERNAME: 'admin',
        JXJY_ADMIN_PASSWORD: ADMIN_PASSWORD,
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_TASK_QUEUE: `e2e-${crypto.randomUUID()}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    base = await new Promise<string>((resolve, reject) => {
      started.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        // "jxjy is running" comes after the admin account exists; "API listening" comes before it (a sign-in race).
        const match = /"portal":"(http:\/\/[^"]+?)\/?"/.exec(output);
        if (match) resolve(match[1]!);
      });
      started.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      started.on('exit', (code) => reject(new Error(`runtime/start-all.ts exited with ${code}:\n${output}`)));
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  async function api(method: string, url: string, body?: Json, token?: string): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async function captcha(): Promise<Json> {
    const { body } = await api('GET', '/captcha');
    return { captchaId: body['captchaId'], captchaAnswer: body['answer'] };
  }

  async function firstSignIn(username: string, password: string, newPassword: string): Promise<string> {
    const first = await api('POST', '/sessions', { username, password, ...(await captcha()) });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const changed = await api('PUT', '/accounts/me/password', { currentPassword: password, newPassword }, first.body['accessToken'] as string);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    return changed.body['accessToken'] as string;
  }

  async function approveTask(token: string, kind: string, subjectId: string, after: string) {
    const tasks = await api('GET', `/tasks?status=open&kind=${kind}&limit=200&after=${encodeURIComponent(after)}`, undefined, token);
    const task = (tasks.body['items'] as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === subjectId);
    expect(task, JSON.stringify(tasks.body)).toBeDefined();
    const decided = await api('POST', `/tasks/${task!.taskId}/decision`, { decision: 'approve' }, token);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }

  const admin = () => (adminToken ??= firstSignIn('admin', ADMIN_PASSWORD, ADMIN_CHANGED));

  async function person({ name: personName, tag }: { name: string; tag: string }): Promise<Person> {
    const who = { name: personName, idNumber: randomIdNumber(), username: `e2e_p_${tag}`, password: 'Person2026x', newPassword: 'Person2026y' };
    const account = await api('POST', '/accounts', { username: who.username, password: who.password, name: who.name, idNumber: who.idNumber, ...(await captcha()) });
    expect(account.status, JSON.stringify(account.body)).toBe(201);
    const token = await firstSignIn(who.username, who.password, who.newPassword);
    return { ...who, personId: account.body['personId'] as string, token };
  }

  function captchaAnswers(page: Page) {
    const answers = new Map<string, string>();
    page.on('response', async (response) => {
      if (!response.url().endsWith('/api/v1/captcha')) return;
      const body = (await response.json().catch(() => null)) as { captchaId: string; answer: string } | null;
      if (body) answers.set(body.captchaId, body.answer);
    });
    return async (scope: string) => {
      const image = page.locator(`${scope} img[data-captcha-id]`);
      await expect.poll(async () => answers.has((await image.getAttribute('data-captcha-id')) ?? '')).toBe(true);
      await page.locator(`${scope} #captchaAnswer`).fill(answers.get((await image.getAttribute('data-captcha-id'))!)!);
    };
  }

  const watchErrors = (page: Page, errors: string[]) => page.on('pageerror', (error) => errors.push(error.message));

  return {
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('the demo portal is not started: call useDemoPortal inside describe');
      return browser;
    },
    api,
    captcha,
    firstSignIn,
    admin,
    approveTask,
    captchaAnswers,
    watchErrors,

    async approvedOrg({ kind, name: orgName, regionCode = '440100', tag, signIn = true }) {
      const reviewer = { username: `e2e_${kind.slice(0, 4)}_${tag}`, password: 'Reviewer2026a', newPassword: 'Reviewer2026b' };
      const registered = await api('POST', '/orgs', {
        kind, name: orgName, uscc: randomUscc(), regionCode, contactName: '张三', contactPhone: '13800138000',
        reviewerUsername: reviewer.username, reviewerPassword: reviewer.password, ...(await captcha()),
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      const orgId = registered.body['orgId'] as string;
      await approveTask(await admin(), 'org-approval', orgId, registered.body['position'] as string);
      const token = signIn ? await firstSignIn(reviewer.username, reviewer.password, reviewer.newPassword) : undefined;
      return { orgId, name: orgName, ...reviewer, ...(token ? { token } : {}) };
    },

    person,

    async boundPerson(unit, options) {
      const registered = await person(options);
      const binding = await api('POST', '/me/binding', { unitId: unit.orgId }, registered.token);
      expect(binding.status, JSON.stringify(binding.body)).toBe(202);
      await approveTask(unit.token!, 'binding-confirmation', registered.personId, binding.body['position'] as string);
      return registered;
    },

    async approvedRecord(person, unit, { year, category, hours, date, title }) {
      const declared = await api('POST', '/credit-records', { year, category, title, mode: 'training', startDate: date, endDate: date, hours }, person.token);
      expect(declared.status, JSON.stringify(declared.body)).toBe(201);
      const recordId = declared.body['recordId'] as string;
      const evidence = new FormData();
      evidence.append('file', new Blob([new Uint8Array(SAMPLE_PDF)], { type: 'application/pdf' }), '结业证书.pdf');
      const attached = await fetch(`${base}/api/v1/credit-records/${recordId}/attachments`, {
        method: 'POST', headers: { authorization: `Bearer ${person.token}` }, body: evidence,
      });
      expect(attached.status, await attached.text()).toBe(201);
      const submitted = await api('POST', `/credit-records/${recordId}/submit`, undefined, person.token);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      await approveTask(unit.token!, 'credit-review', recordId, submitted.body['position'] as string);
      return recordId;
    },

    async signedIn(username, password, startView, errors, { locale } = {}) {
      // UTC, as the server's clock judges "today" and "this year": the forms' own checks then agree with it.
      const context = await browser!.newContext({ timezoneId: 'UTC', acceptDownloads: true, ...(locale ? { locale } : {}) });
      const page = await context.newPage();
      watchErrors(page, errors);
      const answerCaptcha = captchaAnswers(page);
      await page.goto(`${base}/`);
      await page.waitForSelector('body[data-view="login"]');
      await page.locator('[data-testid=login] #username').fill(username);
      await page.locator('[data-testid=login] #password').fill(password);
      await answerCaptcha('[data-testid=login]');
      await page.locator('[data-testid=login] button[type=submit]').click();
      await page.waitForSelector(`body[data-view="${startView}"]`);
      return page;
    },

    async signInFirstTime(page, answerCaptcha, { username, password, newPassword }, startView) {
      await page.locator('[data-testid=login] #username').fill(username);
      await page.locator('[data-testid=login] #password').fill(password);
      await answerCaptcha('[data-testid=login]');
      await page.locator('[data-testid=login] button[type=submit]').click();
      await page.waitForSelector('body[data-view="change-password"]');
      await page.locator('[data-testid=change-password] #currentPassword').fill(password);
      await page.locator('[data-testid=change-password] #newPassword').fill(newPassword);
      await page.locator('[data-testid=change-password] #confirmPassword').fill(newPassword);
      await page.locator('[data-testid=change-password] button[type=submit]').click();
      await page.waitForSelector(`body[data-view="${startView}"]`);
    },

    shot: async (page, step) => void (await page.screenshot({ path: path.join(os.tmpdir(), `jxjy-e2e-${name}-${step}.png`), fullPage: true })),
  };
}
