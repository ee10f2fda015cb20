/**
 * End to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs it
 * (runtime/start-all.ts in its own process, on the run's shared Temporal dev server). Set up through the API: a unit
 * registered and approved, a person registered, signed in and bound to it. Then in the portal: the person declares a
 * record (学时申报), uploads a PDF and submits it (确认送审); the unit's reviewer sees it in the inbox with the person,
 * the hours and the evidence (downloaded with the token), and approves it; the person's 学时汇总 shows the hours.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_PDF } from '../actors.js';
import { randomIdNumber, randomUscc } from '../system.js';

const main = fileURLToPath(new URL('../../../runtime/start-all.ts', import.meta.url));
const bundle = fileURLToPath(new URL('../../../components/dist/jxjy-credit-records.js', import.meta.url));
const ADMIN_PASSWORD = 'Initial2026x';
type Json = Record<string, unknown>;

describe('a credit record declared, reviewed and counted through the demo portal, end to end', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-e2e-credits-')), 'data');
  let child: ChildProcess | undefined;
  let base: string;
  let browser: Browser | undefined;
  let output = '';

  beforeAll(async () => {
    // The portal loads the built components; building here would pull them from under other e2e files running now.
    if (!fs.existsSync(bundle)) throw new Error('components/dist lacks jxjy-credit-records.js: run `npm run build:components` first');
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
        const match = /"uri":"(http:\/\/[^"]+)"/.exec(output);
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

  /** Signs in through the API and makes the first-login password change; the full session's token. */
  async function firstSignIn(username: string, password: string, newPassword: string): Promise<string> {
    const first = await api('POST', '/sessions', { username, password, ...(await captcha()) });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const changed = await api('PUT', '/accounts/me/password', { currentPassword: password, newPassword }, first.body['accessToken'] as string);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    return changed.body['accessToken'] as string;
  }

  /** Decides the open task of `kind` about `subjectId` as the holder of `token`, once the tasks show `after`. */
  async function approveTask(token: string, kind: string, subjectId: string, after: string) {
    const tasks = await api('GET', `/tasks?status=open&kind=${kind}&after=${encodeURIComponent(after)}`, undefined, token);
    const task = (tasks.body['items'] as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === subjectId);
    expect(task, JSON.stringify(tasks.body)).toBeDefined();
    const decided = await api('POST', `/tasks/${task!.taskId}/decision`, { decision: 'approve' }, token);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }

  /** The API part: an approved unit with a signed-in reviewer, and a registered person the unit has confirmed. */
  async function unitAndBoundPerson(tag: string) {
    const reviewer = { username: `e2e_cu_${tag}`, password: 'Reviewer2026a', newPassword: 'Reviewer2026b' };
    const unitName = `广州市端到端学时测试单位${tag}`;
    const registered = await api('POST', '/orgs', {
      kind: 'unit', name: unitName, uscc: randomUscc(), regionCode: '440100', contactName: '张三', contactPhone: '13800138000',
      reviewerUsername: reviewer.username, reviewerPassword: reviewer.password, ...(await captcha()),
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const unitId = registered.body['orgId'] as string;
    const admin = await firstSignIn('admin', ADMIN_PASSWORD, 'Changed2026x');
    await approveTask(admin, 'org-approval', unitId, registered.body['position'] as string);
    const reviewerToken = await firstSignIn(reviewer.username, reviewer.password, reviewer.newPassword);

    const person = { name: `学时${tag}`, idNumber: randomIdNumber(), username: `e2e_cp_${tag}`, password: 'Person2026x', newPassword: 'Person2026y' };
    const account = await api('POST', '/accounts', { username: person.username, password: person.password, name: person.name, idNumber: person.idNumber, ...(await captcha()) });
    expect(account.status, JSON.stringify(account.body)).toBe(201);
    const personToken = await firstSignIn(person.username, person.password, person.newPassword);
    const binding = await api('POST', '/me/binding', { unitId }, personToken);
    expect(binding.status, JSON.stringify(binding.body)).toBe(202);
    await approveTask(reviewerToken, 'binding-confirmation', account.body['personId'] as string, binding.body['position'] as string);
    return { unitName, reviewer, person };
  }

  /** Reveal mode: remember each captcha's answer as the page fetches it, and type the one now on screen. */
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

  /** A page of its own (its own session storage) signed in through the portal; lands on the role's start page. */
  async function signedIn(username: string, password: string, startView: string, errors: string[]): Promise<Page> {
    // UTC, as the server's clock judges "today" and "this year": the form's own checks then agree with it.
    const context = await browser!.newContext({ timezoneId: 'UTC', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const answerCaptcha = captchaAnswers(page);
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-view="login"]');
    await page.locator('[data-testid=login] #username').fill(username);
    await page.locator('[data-testid=login] #password').fill(password);
    await answerCaptcha('[data-testid=login]');
    await page.locator('[data-testid=login] button[type=submit]').click();
    await page.waitForSelector(`body[data-view="${startView}"]`);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(os.tmpdir(), `jxjy-e2e-credits-${name}.png`), fullPage: true });

  it('the person declares with a PDF and submits; the unit approves from its inbox; the summary shows the hours', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const { reviewer, person } = await unitAndBoundPerson(tag);
    const title = `建筑工程新技术专题培训${tag}`;
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const errors: string[] = [];

    // 1. 学时申报: the person declares a one-day, 8-hour professional training.
    const personPage = await signedIn(person.username, person.newPassword, 'profile', errors);
    await personPage.locator('[data-testid=nav-credits]').click();
    await personPage.waitForSelector('body[data-view="credits"]');
    const records = '[data-testid=credit-records]';
    await personPage.locator(`${records} .empty, ${records} table`).first().waitFor();
    await personPage.locator(`${records} [data-action=create]`).click();
    await personPage.locator(`${records} #year`).selectOption(year);
    await personPage.locator(`${records} #category`).selectOption('professional');
    await personPage.locator(`${records} #title`).fill(title);
    await personPage.locator(`${records} #mode`).selectOption('training');
    await personPage.locator(`${records} #organizer`).fill('广东省建筑业协会');
    await personPage.locator(`${records} #startDate`).fill(today);
    await personPage.locator(`${records} #endDate`).fill(today);
    await personPage.locator(`${records} #hours`).fill('8');
    await shot(personPage, 'form');
    await personPage.locator(`${records} form button[type=submit]`).click();
    const detail = personPage.locator(`${records} .detail`);
    await expect.poll(() => detail.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('draft');
    expect(await personPage.locator(`${records} #record-status`).textContent()).toContain('已保存为草稿');

    // 2. The evidence: a PDF whose name is Chinese, uploaded through the file input.
    await personPage.locator(`${records} #file`).setInputFiles({ name: '培训证明.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    const file = detail.locator('.files li', { hasText: '培训证明.pdf' });
    await expect.poll(() => file.count(), { timeout: 15_000 }).toBe(1);
    expect(await personPage.locator(`${records} #file-error`).count()).toBe(0);
    await shot(personPage, 'draft');

    // 3. 确认送审: the record goes to the person's unit.
    await detail.locator('[data-action=submit]').click();
    await expect.poll(() => detail.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');
    expect(await detail.locator('[data-action=withdraw]').count()).toBe(1);

    // 4. The unit's reviewer finds it in the inbox with the person, the hours and the evidence.
    const unitPage = await signedIn(reviewer.username, reviewer.newPassword, 'home', errors);
    const row = unitPage.locator('[data-testid=task-inbox] tr[data-task-id]', { hasText: title });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const taskId = await row.getAttribute('data-task-id');
    const masked = `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(14)}`;
    expect(await row.locator('th[scope=row]').textContent()).toContain(person.name);
    expect(await row.locator('.id-number').textContent()).toContain(masked);
    const facts = unitPage.locator(`[data-testid=task-inbox] tr[data-details-for="${taskId}"]`);
    expect(await facts.locator('[data-cell=hours]').textContent()).toBe('8');
    expect(await facts.textContent()).toContain('专业科目');
    await shot(unitPage, 'inbox');
    // A link cannot carry the bearer token: the button fetches the file and saves it under its own name.
    const [download] = await Promise.all([unitPage.waitForEvent('download'), facts.locator('[data-action=download]', { hasText: '培训证明.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('培训证明.pdf');
    expect(Buffer.compare(fs.readFileSync((await download.path())!), SAMPLE_PDF)).toBe(0);

    await row.locator('[data-action=approve]').click();
    await unitPage.locator('[data-testid=task-inbox] #approve-confirm').click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    expect(await unitPage.locator('[data-testid=task-inbox] #inbox-status').textContent()).toContain(title);

    // 5. 学时汇总: the person's professional hours of the year count the 8 approved hours.
    const summary = '[data-testid=credit-summary]';
    await personPage.locator('[data-testid=nav-summary]').click();
    await personPage.waitForSelector('body[data-view="summary"]');
    await expect
      .poll(
        async () => {
          await personPage.locator(`${summary} table, ${summary} .load-error`).first().waitFor();
          const completed = await personPage.locator(`${summary} tr[data-row=professional] [data-cell=completed]`).textContent();
          if (completed !== '8') await personPage.reload();
          return completed;
        },
        { timeout: 15_000 },
      )
      .toBe('8');
    expect(await personPage.locator(`${summary} tr[data-row=professional] [data-cell=missing]`).textContent()).toBe('34');
    expect(await personPage.locator(`${summary} caption`).textContent()).toContain(year);
    await shot(personPage, 'summary');

    // And the record itself says it was approved, with the decision in its history.
    await personPage.locator('[data-testid=nav-credits]').click();
    const listed = personPage.locator(`${records} tr[data-record-id]`, { hasText: title });
    await expect.poll(() => listed.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('approved');
    await shot(personPage, 'list');
    await listed.locator('[data-action=open]').click();
    await expect.poll(() => personPage.locator(`${records} table.history tr[data-event=approved]`).count(), { timeout: 15_000 }).toBe(1);
    await shot(personPage, 'approved');
    expect(errors).toEqual([]);
  }, 180_000);
});
