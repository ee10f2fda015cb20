/**
 * End to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs it
 * (runtime/start-all.ts in its own process, on the run's shared Temporal dev server): register a unit, log in as admin,
 * change the password, approve from the inbox, then log in as the unit's reviewer, who may now act.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUscc } from '../system.js';

const main = fileURLToPath(new URL('../../../runtime/start-all.ts', import.meta.url));
const ADMIN_PASSWORD = 'Initial2026x';

describe('demo portal, end to end', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-e2e-')), 'data');
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

  async function signIn(page: Page, answerCaptcha: (scope: string) => Promise<void>, username: string, password: string, newPassword: string) {
    await page.locator('[data-testid=login] #username').fill(username);
    await page.locator('[data-testid=login] #password').fill(password);
    await answerCaptcha('[data-testid=login]');
    await page.locator('[data-testid=login] button[type=submit]').click();
    await page.waitForSelector('body[data-view="change-password"]');
    await page.locator('[data-testid=change-password] #currentPassword').fill(password);
    await page.locator('[data-testid=change-password] #newPassword').fill(newPassword);
    await page.locator('[data-testid=change-password] #confirmPassword').fill(newPassword);
    await page.locator('[data-testid=change-password] button[type=submit]').click();
    await page.waitForSelector('body[data-view="home"]');
    // Only the current view shows: the login form is gone once signed in.
    expect(await page.locator('[data-testid=view-login]').isVisible()).toBe(false);
  }

  it('registers a unit, admin approves it from the inbox, and the unit reviewer may act', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const answerCaptcha = captchaAnswers(page);
    const orgName = `广州市端到端测试医院${crypto.randomBytes(2).toString('hex')}`;
    const reviewer = { username: `e2e_${crypto.randomBytes(4).toString('hex')}`, password: 'Reviewer2026a' };

    // 1. A unit registers itself.
    await page.goto(`${base}/#org-register`);
    await page.waitForSelector('body[data-view="org-register"]');
    const form = '[data-testid=org-register]';
    await page.locator(`${form} input[name=kind][value=unit]`).check();
    await page.locator(`${form} #name`).fill(orgName);
    await page.locator(`${form} #uscc`).fill(randomUscc());
    await page.locator(`${form} #regionCode`).fill('440100');
    await page.locator(`${form} #contactName`).fill('张三');
    await page.locator(`${form} #contactPhone`).fill('13800138000');
    await page.locator(`${form} #reviewerUsername`).fill(reviewer.username);
    await page.locator(`${form} #reviewerPassword`).fill(reviewer.password);
    await page.locator(`${form} #reviewerPasswordConfirm`).fill(reviewer.password);
    await answerCaptcha(form);
    await page.locator(`${form} button[type=submit]`).click();
    await expect.poll(() => page.locator(`${form} .success h3`).textContent()).toContain('等待人社部门审核');

    // 2. Admin logs in, must change the password, and finds the task in the inbox.
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-view="login"]');
    await signIn(page, answerCaptcha, 'admin', ADMIN_PASSWORD, 'Changed2026x');
    const row = page.locator(`[data-testid=task-inbox] tr[data-task-id]`, { hasText: orgName });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.locator('[data-action=approve]').click();
    await page.locator('[data-testid=task-inbox] #approve-confirm').click();
    await expect.poll(() => row.locator('[data-action=approve]').count(), { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: path.join(os.tmpdir(), 'jxjy-e2e-admin-inbox.png'), fullPage: true });

    // 3. The unit's reviewer logs in: the organisation is approved, so the inbox opens (not the pending notice).
    await page.locator('[data-testid=sign-out]').click();
    await page.waitForSelector('body[data-view="login"]');
    await signIn(page, answerCaptcha, reviewer.username, reviewer.password, 'Reviewer2026b');
    await expect.poll(() => page.locator('[data-testid=task-inbox]').count()).toBe(1);
    expect(await page.locator('[data-testid=org-status]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=task-inbox] .empty').count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(os.tmpdir(), 'jxjy-e2e-unit-home.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
