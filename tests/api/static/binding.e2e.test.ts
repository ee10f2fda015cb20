/**
 * End to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs it
 * (runtime/start-all.ts in its own process, on the run's shared Temporal dev server): a unit registered and approved
 * through the API, then a person registers in the portal, signs in, changes the password, fills in the profile,
 * finds the unit and asks to be bound; the unit's reviewer confirms from the portal inbox; the person's binding page
 * shows the unit, and the unit's member list shows the person.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomIdNumber } from '../system.js';
import { useDemoPortal } from './demo-portal.js';

describe('person binding through the demo portal, end to end', () => {
  const portal = useDemoPortal('binding');

  it('a person registers, fills the profile and asks the unit, which confirms from its inbox; both then see the binding', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const unitName = `广州市端到端绑定测试单位${tag}`;
    const unit = await portal.approvedOrg({ kind: 'unit', name: unitName, tag, signIn: false });
    const { orgId } = unit;
    const person = { name: `端到端${tag}`, idNumber: randomIdNumber(), username: `e2e_p_${tag}`, password: 'Person2026x' };
    const errors: string[] = [];

    // 1. The person registers in the portal, then signs in and changes the first password.
    const personPage = await portal.browser.newPage();
    portal.watchErrors(personPage, errors);
    const answerCaptcha = portal.captchaAnswers(personPage);
    await personPage.goto(`${portal.base}/#register`);
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
    await portal.signInFirstTime(personPage, answerCaptcha, { ...person, newPassword: 'Person2026y' }, 'profile');

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
    await portal.shot(personPage, 'profile');

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
    await portal.shot(personPage, 'pending');

    // 4. The unit's reviewer signs in (another browser session) and confirms from the inbox.
    const unitPage = await portal.browser.newPage();
    portal.watchErrors(unitPage, errors);
    const answerUnitCaptcha = portal.captchaAnswers(unitPage);
    await unitPage.goto(`${portal.base}/`);
    await unitPage.waitForSelector('body[data-view="login"]');
    await portal.signInFirstTime(unitPage, answerUnitCaptcha, unit, 'home');
    const row = unitPage.locator('[data-testid=task-inbox] tr[data-task-id]', { hasText: person.name });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const masked = `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(14)}`;
    expect(await row.locator('.id-number').textContent()).toContain(masked);
    expect(await row.textContent()).not.toContain(person.idNumber);
    await portal.shot(unitPage, 'inbox');
    await row.locator('[data-action=approve]').click();
    await unitPage.locator('[data-testid=task-inbox] #approve-confirm').click();
    await expect.poll(() => row.locator('[data-action=approve]').count(), { timeout: 15_000 }).toBe(0);

    // 5. The person's binding page shows the confirmed unit.
    await personPage.reload();
    await personPage.waitForSelector('body[data-view="binding"]');
    await expect.poll(() => personPage.locator(`${binding} [data-testid=current-unit] .unit-name`).textContent(), { timeout: 15_000 }).toBe(unitName);
    expect(await personPage.locator(`${binding} [data-testid=pending-request]`).count()).toBe(0);
    await portal.shot(personPage, 'person');

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
    await portal.shot(unitPage, 'members');
    expect(errors).toEqual([]);
  }, 180_000);
});
