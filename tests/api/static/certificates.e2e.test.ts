/**
 * Certificates end to end through the demo portal in real Chromium (playwright-core) against the system as
 * `npm start` runs it (tests/api/static/demo-portal.ts). Set up through the API: the administrator lowers this year's
 * requirement to 1 hour per category (PUT /requirements/{year}); a unit and two people bound to it, each with an
 * approved 1-hour record in every category, so both are eligible. Then in the portal: the first person opens 证书打印,
 * prints this year's certificate, and the browser saves the PDF under the server's name; the certificate's
 * verification link, opened by anyone, says 证书有效 and shows the SHA-256 of exactly the file that was saved. The
 * administrator opens 失信管理 and records a dishonesty record that blocks certificates for the second person by ID
 * number; that person's 失信信息 shows it, and their 证书打印 names it and offers no print.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../../events/vocabulary/index.js';
import { ADMIN_NEW_PASSWORD, type Person, type Reviewer, useDemoPortal } from './demo-portal.js';

const CATEGORIES = ['public', 'professional', 'elective'] as const;
// Records are dated 1 January: inside the year and never in the future, whatever day the test runs.
const YEAR = new Date().getUTCFullYear();

describe('a certificate printed, verified and blocked through the demo portal, end to end', () => {
  const portal = useDemoPortal('certificates');

  /** A person bound to `unit` with an approved 1-hour record in each category, eligible once the totals follow. */
  async function eligiblePerson(unit: Reviewer, name: string, tag: string): Promise<Person> {
    const person = await portal.boundPerson(unit, { name, tag });
    for (const category of CATEGORIES) {
      await portal.approvedRecord(person, unit, { year: YEAR, category, hours: 1, date: `${YEAR}-01-01`, title: `${category} 继续教育专题 ${tag}` });
    }
    await expect
      .poll(async () => (await portal.api('GET', `/me/credit-summary?year=${YEAR}`, undefined, person.token)).body['eligible'], { timeout: 20_000 })
      .toBe(true);
    return person;
  }

  it('a person prints the certificate, the PDF is saved and verifies as valid; a blocking dishonesty record stops another person’s', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const set = await portal.api('PUT', `/requirements/${YEAR}`, { public: 1, professional: 1, elective: 1 }, await portal.admin());
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const unit = await portal.approvedOrg({ kind: 'unit', name: `广州市端到端证书单位${tag}`, regionCode: '440106', tag });
    const holder = await eligiblePerson(unit, `证书${tag}`, `${tag}a`);
    const blocked = await eligiblePerson(unit, `失信${tag}`, `${tag}b`);
    const errors: string[] = [];

    // 1. 证书打印: this year is ready to print; printing issues the certificate and saves its PDF.
    const page = await portal.signedIn(holder.username, holder.newPassword, 'profile', errors);
    const screen = '[data-testid=certificate]';
    await page.locator('[data-testid=nav-certificate]').click();
    await page.waitForSelector('body[data-view="certificate"]');
    const detail = page.locator(`${screen} .year-detail[data-year="${YEAR}"]`);
    await detail.locator('[part=verdict][data-eligible=true]').waitFor();
    await portal.shot(page, 'ready');
    const saving = page.waitForEvent('download');
    await detail.locator('[data-action=issue]').click();
    const download = await saving;
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');

    const certificateNo = (await detail.locator('[data-testid=certificate-no]').textContent())!.trim();
    const code = (await detail.locator('[data-testid=verification-code]').textContent())!.replace(/\s/g, '');
    expect(certificateNo).not.toBe('');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    // Saved under the name the server gave it (Content-Disposition), as the screen says.
    const filename = `${YEAR}年度继续教育证书-${certificateNo}.pdf`;
    expect(download.suggestedFilename()).toBe(filename);
    await expect.poll(() => page.locator(`${screen} #certificate-status`).textContent()).toContain(`已下载 ${filename}`);
    expect(await detail.locator('[data-testid=status]').textContent()).toContain('有效');
    await portal.shot(page, 'issued');

    // 2. The verification link, opened by anyone (no session): valid, with the SHA-256 of the saved file.
    const href = (await detail.locator('[data-testid=verify-link]').getAttribute('href'))!;
    // The link carries the server's public URL (JXJY_PUBLIC_URL); this run's server listens on a port of its own.
    expect(new URL(href).pathname).toBe(`/verify/${code}`);
    const visitor = await portal.browser.newContext({ locale: 'zh-CN' });
    const verifyPage = await visitor.newPage();
    portal.watchErrors(verifyPage, errors);
    const answered = await verifyPage.goto(`${portal.base}${new URL(href).pathname}`);
    expect(answered!.status()).toBe(200);
    expect(await verifyPage.locator('.status.valid').textContent()).toContain('证书有效');
    expect(await verifyPage.locator('main').textContent()).toContain(certificateNo);
    expect(await verifyPage.locator('main code').textContent()).toBe(sha256);
    await portal.shot(verifyPage, 'verified');
    await visitor.close();

    // 3. 失信管理: the administrator records a blocking dishonesty record for the other person by ID number.
    const reason = `提供虚假学时证明材料（端到端${tag}）`;
    const adminPage = await portal.signedIn('admin', ADMIN_NEW_PASSWORD, 'home', errors);
    const dishonesty = '[data-testid=dishonesty]';
    await adminPage.locator('[data-testid=nav-dishonesty-admin]').click();
    await adminPage.waitForSelector('body[data-view="dishonesty"]');
    expect(await adminPage.locator('#dishonesty-title').textContent()).toBe('失信信息管理');
    await adminPage.locator(`${dishonesty} [data-action=record]`).click();
    const form = adminPage.locator(`${dishonesty} #record-form`);
    await form.locator('#idNumber').fill(blocked.idNumber);
    await form.locator('#reason').fill(reason);
    await form.locator('#basis').fill('《专业技术人员继续教育规定》第二十八条');
    expect(await form.locator('#startDate').inputValue()).toBe(chinaDate(new Date()));
    await form.locator('#blocksCertificate').check();
    await portal.shot(adminPage, 'recording');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => adminPage.locator(`${dishonesty} #dishonesty-status`).textContent(), { timeout: 15_000 }).toContain(`已记录 ${blocked.name}`);
    const row = adminPage.locator(`${dishonesty} tbody tr`, { hasText: reason });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain(blocked.name);
    expect(await row.textContent()).not.toContain(blocked.idNumber);
    await portal.shot(adminPage, 'recorded');

    // 4. The other person: 失信信息 lists the record; 证书打印 names it and offers no print for their eligible year.
    const blockedPage = await portal.signedIn(blocked.username, blocked.newPassword, 'profile', errors);
    await blockedPage.locator('[data-testid=nav-dishonesty]').click();
    await blockedPage.waitForSelector('body[data-view="dishonesty"]');
    await expect.poll(() => blockedPage.locator(`${dishonesty} tbody tr`, { hasText: reason }).count(), { timeout: 15_000 }).toBe(1);
    await blockedPage.locator('[data-testid=nav-certificate]').click();
    await blockedPage.waitForSelector('body[data-view="certificate"]');
    const notice = blockedPage.locator(`${screen} [part=blocked]`);
    await notice.waitFor();
    expect(await notice.textContent()).toContain(reason);
    const blockedYear = blockedPage.locator(`${screen} .year-detail[data-year="${YEAR}"]`);
    await blockedYear.locator('[data-testid=blocked-year]').waitFor();
    expect(await blockedYear.locator('[data-action=issue]').count()).toBe(0);
    expect(await blockedPage.locator(`${screen} tr[data-year="${YEAR}"] .tag`).getAttribute('data-state')).toBe('blocked');
    await portal.shot(blockedPage, 'blocked');
    expect(errors).toEqual([]);
  }, 240_000);
});
