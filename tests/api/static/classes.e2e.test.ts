/**
 * End to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs it
 * (tests/api/static/demo-portal.ts). Set up through the API: an institution in Guangzhou (440100) registered and
 * approved, a unit in a Guangzhou district (440106) and a person bound to it. Then in the portal: the institution
 * publishes a class starting today (培训班管理: 新建 and 开放报名); the person finds it in 培训班 and enrols; the
 * institution sees the enrolment in its inbox with the person, the masked ID number and the seats, and approves it;
 * it closes enrolment and completes the class with the person ticked as attending; the person's 我的报名 says the class
 * is completed with its hours, and 学时汇总 has grown by them.
 */
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPortal } from './demo-portal.js';

const HOURS = 6;

describe('a training class published, joined, approved and completed through the demo portal, end to end', () => {
  const portal = useDemoPortal('classes');

  /** The public hours the person's 学时汇总 shows for the year, once it is at least `atLeast` (the totals follow a moment later). */
  async function publicCompleted(page: Page, atLeast: number): Promise<number> {
    const summary = '[data-testid=credit-summary]';
    await page.locator('[data-testid=nav-summary]').click();
    await page.waitForSelector('body[data-view="summary"]');
    let hours = Number.NaN;
    await expect
      .poll(
        async () => {
          await page.locator(`${summary} table, ${summary} .load-error`).first().waitFor();
          hours = Number(await page.locator(`${summary} tr[data-row=public] [data-cell=completed]`).textContent());
          if (!(hours >= atLeast)) await page.reload();
          return hours >= atLeast;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    return hours;
  }

  it('the institution publishes and opens a class; the person enrols; the institution approves, closes and completes it; the hours count', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const institution = await portal.approvedOrg({ kind: 'institution', name: `广州市端到端培训中心${tag}`, regionCode: '440100', tag });
    const unit = await portal.approvedOrg({ kind: 'unit', name: `广州市天河区端到端单位${tag}`, regionCode: '440106', tag });
    const person = await portal.boundPerson(unit, { name: `培训${tag}`, tag });
    const title = `人工智能应用专题培训班${tag}`;
    const today = new Date().toISOString().slice(0, 10);
    const errors: string[] = [];

    // 0. The person's hours before: whatever the year holds so far.
    const personPage = await portal.signedIn(person.username, person.newPassword, 'profile', errors);
    const before = await publicCompleted(personPage, 0);

    // 1. 培训班管理: the institution creates the class (a draft), then opens it for enrolment.
    const orgPage = await portal.signedIn(institution.username, institution.newPassword, 'home', errors);
    const manage = '[data-testid=class-manage]';
    await orgPage.locator('[data-testid=nav-manage-classes]').click();
    await orgPage.waitForSelector('body[data-view="manage-classes"]');
    await orgPage.locator(`${manage} .empty, ${manage} table`).first().waitFor();
    await orgPage.locator(`${manage} [data-action=create]`).click();
    await orgPage.locator(`${manage} #title`).fill(title);
    await orgPage.locator(`${manage} #category`).selectOption('public');
    await orgPage.locator(`${manage} #description`).fill('面向全市专业技术人员，讲授人工智能在工程中的应用。');
    await orgPage.locator(`${manage} #startDate`).fill(today);
    await orgPage.locator(`${manage} #endDate`).fill(today);
    await orgPage.locator(`${manage} #hours`).fill(String(HOURS));
    await orgPage.locator(`${manage} #capacity`).fill('20');
    await portal.shot(orgPage, 'new-class');
    await orgPage.locator(`${manage} form button[type=submit]`).click();
    const detail = orgPage.locator(`${manage} .detail`);
    await expect.poll(() => detail.locator('h3 [data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('draft');
    expect(await orgPage.locator(`${manage} #manage-status`).textContent()).toContain('草稿');
    await detail.locator('[data-action=open]').click();
    await expect.poll(() => detail.locator('h3 [data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('accepting');
    await portal.shot(orgPage, 'accepting');

    // 2. 培训班: the person finds the class (their unit's city) and enrols; a seat is held for the institution's review.
    const catalog = '[data-testid=class-catalog]';
    await personPage.locator('[data-testid=nav-classes]').click();
    await personPage.waitForSelector('body[data-view="classes"]');
    const offered = personPage.locator(`${catalog} tr[data-class-id]`, { hasText: title });
    // The classes read model follows the opening a moment later: search again until the class is listed.
    await expect
      .poll(async () => {
        await personPage.locator(`${catalog} #q`).fill(tag);
        await personPage.locator(`${catalog} form button[type=submit]`).click();
        await personPage.locator(`${catalog} table, ${catalog} [data-testid=empty]`).first().waitFor();
        return offered.count();
      }, { timeout: 15_000 })
      .toBe(1);
    expect(await offered.locator('[data-cell=seats]').textContent()).toContain('剩余 20 个名额');
    expect(await offered.textContent()).toContain(institution.name);
    await offered.locator('[data-action=enrol]').click();
    await expect.poll(() => personPage.locator(`${catalog} #catalog-status`).textContent(), { timeout: 15_000 }).toContain('等待施教机构审核');
    await expect.poll(() => offered.locator('[data-status]').getAttribute('data-status')).toBe('pending');
    await portal.shot(personPage, 'enrolled');

    // 3. 待办事项: the institution finds the enrolment with the person, the masked ID number and the seats, and approves.
    await orgPage.locator('[data-testid=nav-inbox]').click();
    await orgPage.waitForSelector('body[data-view="home"]');
    const row = orgPage.locator('[data-testid=task-inbox] tr[data-task-id]', { hasText: title });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const taskId = await row.getAttribute('data-task-id');
    const masked = `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(14)}`;
    expect(await row.locator('th[scope=row]').textContent()).toContain(person.name);
    expect(await row.locator('.id-number').textContent()).toContain(masked);
    expect(await row.textContent()).not.toContain(person.idNumber);
    const seats = orgPage.locator(`[data-testid=task-inbox] tr[data-details-for="${taskId}"] [data-cell=seats]`);
    await expect.poll(() => seats.textContent(), { timeout: 15_000 }).toContain('共 20 个名额');
    await portal.shot(orgPage, 'inbox');
    await row.locator('[data-action=approve]').click();
    await orgPage.locator('[data-testid=task-inbox] #approve-confirm').click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);

    // 4. 培训班管理: the roster shows the person approved; enrolment closes; the class completes with them ticked.
    await orgPage.locator('[data-testid=nav-manage-classes]').click();
    await orgPage.waitForSelector('body[data-view="manage-classes"]');
    await orgPage.locator(`${manage} tr[data-class-id]`, { hasText: title }).locator('[data-action=open]').click();
    const enrollee = detail.locator(`.roster tr[data-person-id="${person.personId}"]`);
    await expect
      .poll(async () => {
        const status = (await enrollee.count()) ? await enrollee.locator('[data-status]').getAttribute('data-status') : null;
        if (status !== 'approved') await detail.locator('.roster [data-action=refresh]').click();
        return status;
      }, { timeout: 15_000 })
      .toBe('approved');
    expect(await enrollee.locator('.id-number').textContent()).toBe(masked);
    await detail.locator('[data-action=close]').click();
    await expect.poll(() => detail.locator('h3 [data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('closed');
    await detail.locator(`#attendee-${person.personId}`).check();
    await detail.locator('[data-action=complete]').click();
    expect(await detail.locator('#complete-question').textContent()).toContain(`已勾选的 1 人将获得 ${HOURS} 学时`);
    await portal.shot(orgPage, 'completing');
    await detail.locator('#complete-confirm').click();
    await expect.poll(() => detail.locator('h3 [data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('completed');
    expect(await orgPage.locator(`${manage} #manage-status`).textContent()).toContain(`1 人获得 ${HOURS} 学时`);
    await portal.shot(orgPage, 'completed');

    // 5. 我的报名: the enrolment is completed with its hours; 学时汇总: the public hours grew by the class's.
    const enrolments = '[data-testid=enrolments]';
    await personPage.locator('[data-testid=nav-enrolments]').click();
    await personPage.waitForSelector('body[data-view="enrolments"]');
    const card = personPage.locator(`${enrolments} article[data-enrolment-id]`, { hasText: title });
    await expect
      .poll(async () => {
        await personPage.locator(`${enrolments} .cards, ${enrolments} [data-testid=empty]`).first().waitFor();
        const status = (await card.count()) ? await card.locator('h3 [data-status]').getAttribute('data-status') : null;
        if (status !== 'completed') await personPage.reload();
        return status;
      }, { timeout: 15_000 })
      .toBe('completed');
    expect(await card.locator('[data-step=completed]').textContent()).toContain(`获得 ${HOURS} 学时`);
    await portal.shot(personPage, 'my-enrolments');
    expect(await publicCompleted(personPage, before + HOURS)).toBe(before + HOURS);
    await portal.shot(personPage, 'summary');
    expect(errors).toEqual([]);
  }, 240_000);
});
