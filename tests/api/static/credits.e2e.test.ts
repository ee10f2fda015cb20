/**
 * End to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs it
 * (runtime/start-all.ts in its own process, on the run's shared Temporal dev server). Set up through the API: a unit
 * registered and approved, a person registered, signed in and bound to it. Then in the portal: the person declares a
 * record (学时申报), uploads a PDF and submits it (确认送审); the unit's reviewer sees it in the inbox with the person,
 * the hours and the evidence (downloaded with the token), and approves it; the person's 学时汇总 shows the hours.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PDF } from '../actors.js';
import { useDemoPortal } from './demo-portal.js';

describe('a credit record declared, reviewed and counted through the demo portal, end to end', () => {
  const portal = useDemoPortal('credits');

  it('the person declares with a PDF and submits; the unit approves from its inbox; the summary shows the hours', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const reviewer = await portal.approvedOrg({ kind: 'unit', name: `广州市端到端学时测试单位${tag}`, tag });
    const person = await portal.boundPerson(reviewer, { name: `学时${tag}`, tag });
    const title = `建筑工程新技术专题培训${tag}`;
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const errors: string[] = [];

    // 1. 学时申报: the person declares a one-day, 8-hour professional training.
    const personPage = await portal.signedIn(person.username, person.newPassword, 'profile', errors);
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
    await portal.shot(personPage, 'form');
    await personPage.locator(`${records} form button[type=submit]`).click();
    const detail = personPage.locator(`${records} .detail`);
    await expect.poll(() => detail.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('draft');
    expect(await personPage.locator(`${records} #record-status`).textContent()).toContain('已保存为草稿');

    // 2. The evidence: a PDF whose name is Chinese, uploaded through the file input.
    await personPage.locator(`${records} #file`).setInputFiles({ name: '培训证明.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    const file = detail.locator('.files li', { hasText: '培训证明.pdf' });
    await expect.poll(() => file.count(), { timeout: 15_000 }).toBe(1);
    expect(await personPage.locator(`${records} #file-error`).count()).toBe(0);
    await portal.shot(personPage, 'draft');

    // 3. 确认送审: the record goes to the person's unit.
    await detail.locator('[data-action=submit]').click();
    await expect.poll(() => detail.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('submitted');
    expect(await detail.locator('[data-action=withdraw]').count()).toBe(1);

    // 4. The unit's reviewer finds it in the inbox with the person, the hours and the evidence.
    const unitPage = await portal.signedIn(reviewer.username, reviewer.newPassword, 'home', errors);
    const row = unitPage.locator('[data-testid=task-inbox] tr[data-task-id]', { hasText: title });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const taskId = await row.getAttribute('data-task-id');
    const masked = `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(14)}`;
    expect(await row.locator('th[scope=row]').textContent()).toContain(person.name);
    expect(await row.locator('.id-number').textContent()).toContain(masked);
    const facts = unitPage.locator(`[data-testid=task-inbox] tr[data-details-for="${taskId}"]`);
    expect(await facts.locator('[data-cell=hours]').textContent()).toBe('8');
    expect(await facts.textContent()).toContain('专业科目');
    await portal.shot(unitPage, 'inbox');
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
    await portal.shot(personPage, 'summary');

    // And the record itself says it was approved, with the decision in its history.
    await personPage.locator('[data-testid=nav-credits]').click();
    const listed = personPage.locator(`${records} tr[data-record-id]`, { hasText: title });
    await expect.poll(() => listed.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('approved');
    await portal.shot(personPage, 'list');
    await listed.locator('[data-action=open]').click();
    await expect.poll(() => personPage.locator(`${records} table.history tr[data-event=approved]`).count(), { timeout: 15_000 }).toBe(1);
    await portal.shot(personPage, 'approved');
    expect(errors).toEqual([]);
  }, 180_000);
});
