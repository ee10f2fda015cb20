/**
 * End to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs it
 * (runtime/start-all.ts in its own process, on the run's shared Temporal dev server): a unit registered and approved
 * through the API, then a person registers in the portal, signs in, changes the password, fills in the profile,
 * finds the unit and asks to be bound; the unit's reviewer confirms from the portal inbox; the person's binding page
 * shows the unit, and the unit's member list shows the person.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomIdNumber, randomUscc } from '../system.js';

const main = fileURLToPath(new URL('../../../runtime/start-all.ts', import.meta.url));
const ADMIN_PASSWORD = 'Initial2026x';
type Json = Record<string, unknown>;

describe('person binding through the demo portal, end to end', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-e2e-binding-')), 'data');
  let child: ChildProcess;
  let base: string;
  let browser: Browser;
  let output = '';

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', main], {
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
    base = await new Promise<string>((resolve, reject) => {
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        const match = /"uri":"(http:\/\/[^"]+)"/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.on('exit', (code) => reject(new Error(`runtime/start-all.ts exited with ${code}:\n${output}`)));
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
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

  /** The API part: a unit registers and admin approves it, as the portal e2e test does through the browser. */
  async function approvedUnit(name: string, reviewer: { username: string; password: string }): Promise<string> {
    const registered = await api('POST', '/orgs', {
      kind: 'unit', name, uscc: randomUscc(), regionCode: '440100', contactName: '张三', contactPhone: '13800138000',
      reviewerUsername: reviewer.username, reviewerPassword: reviewer.password, ...(await captcha()),
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const orgId = registered.body['orgId'] as string;
    const first = await api('POST', '/sessions', { username: 'admin', password: ADMIN_PASSWORD, ...(await captcha()) });
    const changed = await api('PUT', '/accounts/me/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'Changed2026x' }, first.body['accessToken'] as string);
    const admin = changed.body['accessToken'] as string;
    const after = encodeURIComponent(registered.body['position'] as string);
    const tasks = await api('GET', `/tasks?status=open&kind=org-approval&after=${after}`, undefined, admin);
    const task = (tasks.body['items'] as Array<{ taskId: string; subject: { id: string } }>).find((t) => t.subject.id === orgId)!;
    const decided = await api('POST', `/tasks/${task.taskId}/decision`, { decision: 'approve' }, admin);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    return orgId;
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

  /** Signs in through the portal and makes the first-login password change; lands on the role's start page. */
  async function signIn(page: Page, username: string, password: string, newPassword: string, startView: string) {
    const answerCaptcha = captchaAnswers(page);
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-view="login"]');
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
  }

  function watchErrors(page: Page, errors: string[]) {
    page.on('pageerror', (error) => errors.push(error.message));
  }

  it('a person registers, fills the profile and asks the unit, which confirms from its inbox; both then see the binding', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const unitName = `广州市端到端绑定测试单位${tag}`;
    const reviewer = { username: `e2e_u_${tag}`, password: 'Reviewer2026a' };
    const orgId = await approvedUnit(unitName, reviewer);
    const person = { name: `端到端${tag}`, idNumber: randomIdNumber(), username: `e2e_p_${tag}`, password: 'Person2026x' };
    const errors: string[] = [];

    // 1. The person registers in the portal, then signs in and changes the first password.
    const personPage = await browser.newPage();
    watchErrors(personPage, errors);
    const answerCaptcha = captchaAnswers(personPage);
    await personPage.goto(`${base}/#register`);
    await personPage.waitForSelector('body[data-view="register"]');
    const register = '[data-testid=register]';
    await personPage.locator(`${register} #name`).fill(person.name);
    await personPage.locator(`${register} #idNumber`).fill(person.idNumber);
    await personPage.locator(`${register} #username`).fill(person.username);
    await personPage.locator(`${register} #password`).fill(person.password);
    await personPage.locator(`${register} #passwordConfirm`).fill(person.password);
    await answerCaptcha(register);
    await personPage.locator(`${register} button[type=submit]`).click();
    await personPage.waitForSelector('body[data-view="login"]');
    expect(await personPage.locator('[data-testid=portal-notice]').textContent()).toContain(person.username);
    await signIn(personPage, person.username, person.password, 'Person2026y', 'profile');

    // 2. Their basic information: the birth date comes from the ID number; the rest is typed and saved.
    const profile = '[data-testid=profile]';
    const birthDate = `${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`;
    await expect.poll(() => personPage.locator(`${profile} #birthDate`).inputValue()).toBe(birthDate);
    await personPage.locator(`${profile} #gender`).selectOption('female');
    await personPage.locator(`${profile} #education`).selectOption('bachelor');
    await personPage.locator(`${profile} #title`).fill('工程师');
    await personPage.locator(`${profile} #specialty`).fill('土木工程');
    await personPage.locator(`${profile} #email`).fill(`${person.username}@example.cn`);
    await personPage.locator(`${profile} button[type=submit]`).click();
    await expect.poll(() => personPage.locator(`${profile} .status.success`).textContent()).toContain('基本信息已保存');
    await personPage.screenshot({ path: path.join(os.tmpdir(), 'jxjy-e2e-binding-profile.png'), fullPage: true });

    // 3. 单位绑定: find the unit by part of its name within Guangzhou, and ask it.
    await personPage.locator('[data-testid=nav-binding]').click();
    await personPage.waitForSelector('body[data-view="binding"]');
    const binding = '[data-testid=unit-binding]';
    const request = personPage.locator(`${binding} tr[data-unit-id="${orgId}"] [data-action=request]`);
    // The orgs read model follows the approval a moment later: search again until the unit is listed.
    await expect
      .poll(async () => {
        await personPage.locator(`${binding} #q`).fill(`绑定测试单位${tag}`);
        await personPage.locator(`${binding} #regionCode`).fill('440100');
        await personPage.locator(`${binding} form button[type=submit]`).click();
        await personPage.locator(`${binding} .search table, ${binding} .search .empty`).first().waitFor();
        return request.count();
      }, { timeout: 15_000 })
      .toBe(1);
    await request.click();
    await expect.poll(() => personPage.locator(`${binding} [data-testid=pending-request]`).textContent(), { timeout: 15_000 }).toContain(unitName);
    await personPage.screenshot({ path: path.join(os.tmpdir(), 'jxjy-e2e-binding-pending.png'), fullPage: true });

    // 4. The unit's reviewer signs in (another browser session) and confirms from the inbox.
    const unitPage = await browser.newPage();
    watchErrors(unitPage, errors);
    await signIn(unitPage, reviewer.username, reviewer.password, 'Reviewer2026b', 'home');
    const row = unitPage.locator('[data-testid=task-inbox] tr[data-task-id]', { hasText: person.name });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const masked = `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(14)}`;
    expect(await row.locator('.id-number').textContent()).toContain(masked);
    expect(await row.textContent()).not.toContain(person.idNumber);
    await unitPage.screenshot({ path: path.join(os.tmpdir(), 'jxjy-e2e-binding-inbox.png'), fullPage: true });
    await row.locator('[data-action=approve]').click();
    await unitPage.locator('[data-testid=task-inbox] #approve-confirm').click();
    await expect.poll(() => row.locator('[data-action=approve]').count(), { timeout: 15_000 }).toBe(0);

    // 5. The person's binding page shows the confirmed unit.
    await personPage.reload();
    await personPage.waitForSelector('body[data-view="binding"]');
    await expect.poll(() => personPage.locator(`${binding} [data-testid=current-unit] .unit-name`).textContent(), { timeout: 15_000 }).toBe(unitName);
    expect(await personPage.locator(`${binding} [data-testid=pending-request]`).count()).toBe(0);
    await personPage.screenshot({ path: path.join(os.tmpdir(), 'jxjy-e2e-binding-person.png'), fullPage: true });

    // 6. And the unit's member list shows the person (its read model, too, follows a moment later).
    await unitPage.locator('[data-testid=nav-members]').click();
    await unitPage.waitForSelector('body[data-view="members"]');
    const member = unitPage.locator('[data-testid=unit-members] tr[data-person-id]', { hasText: person.name });
    await expect
      .poll(async () => {
        if ((await member.count()) === 0) await unitPage.reload();
        await unitPage.locator('[data-testid=unit-members] table, [data-testid=unit-members] .empty').first().waitFor();
        return member.count();
      }, { timeout: 15_000 })
      .toBe(1);
    expect(await member.locator('.id-number').textContent()).toBe(masked);
    await unitPage.screenshot({ path: path.join(os.tmpdir(), 'jxjy-e2e-binding-members.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 180_000);
});
