/**
 * End to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs it
 * (runtime/start-all.ts in its own process, on the run's shared Temporal dev server): register a unit, log in as admin,
 * change the password, approve from the inbox, then log in as the unit's reviewer, who may now act.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomUscc } from '../system.js';
import { ADMIN_PASSWORD, useDemoPortal } from './demo-portal.js';

describe('demo portal, end to end', () => {
  const portal = useDemoPortal('portal');

  it('registers a unit, admin approves it from the inbox, and the unit reviewer may act', async () => {
    const page = await portal.browser.newPage();
    const errors: string[] = [];
    portal.watchErrors(page, errors);
    const answerCaptcha = portal.captchaAnswers(page);
    const orgName = `广州市端到端测试医院${crypto.randomBytes(2).toString('hex')}`;
    const reviewer = { username: `e2e_${crypto.randomBytes(4).toString('hex')}`, password: 'Reviewer2026a' };

    // 1. A unit registers itself.
    await page.goto(`${portal.base}/#org-register`);
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
    await page.goto(`${portal.base}/`);
    await page.waitForSelector('body[data-view="login"]');
    await portal.signInFirstTime(page, answerCaptcha, { username: 'admin', password: ADMIN_PASSWORD, newPassword: 'Changed2026x' }, 'home');
    // Only the current view shows: the login form is gone once signed in.
    expect(await page.locator('[data-testid=view-login]').isVisible()).toBe(false);
    const row = page.locator(`[data-testid=task-inbox] tr[data-task-id]`, { hasText: orgName });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.locator('[data-action=approve]').click();
    await page.locator('[data-testid=task-inbox] #approve-confirm').click();
    await expect.poll(() => row.locator('[data-action=approve]').count(), { timeout: 15_000 }).toBe(0);
    await portal.shot(page, 'admin-inbox');

    // 3. The unit's reviewer logs in: the organisation is approved, so the inbox opens (not the pending notice).
    await page.locator('[data-testid=sign-out]').click();
    await page.waitForSelector('body[data-view="login"]');
    await portal.signInFirstTime(page, answerCaptcha, { ...reviewer, newPassword: 'Reviewer2026b' }, 'home');
    expect(await page.locator('[data-testid=view-login]').isVisible()).toBe(false);
    await expect.poll(() => page.locator('[data-testid=task-inbox]').count()).toBe(1);
    expect(await page.locator('[data-testid=org-status]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=task-inbox] .empty').count(), { timeout: 15_000 }).toBe(1);
    await portal.shot(page, 'unit-home');
    expect(errors).toEqual([]);
  });
});
