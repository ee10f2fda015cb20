/**
 * The old system's history end to end through the demo portal in real Chromium (playwright-core) against the system as
 * `npm start` runs it (tests/api/static/demo-portal.ts). Set up through the API: a person registered with an ID number
 * of their own (no unit needed: history is matched by ID number). Then in the portal: the administrator opens
 * 历史数据导入, chooses 证书 and imports a UTF-8 CSV of the old system's certificates (正式导入) holding one row for the
 * person and one whose 总学时 is not the sum of its parts; the report says completed, 1 imported and 1 refused, naming
 * the column. A second file, 学时记录, gives the person a 2018 record. The person opens 历史数据: the 2018 tab totals
 * the record's hours, the certificate is listed, 打印 saves the PDF marked 旧系统证书 under the server's name, and its
 * verification link says 证书有效 (旧系统证书) with the SHA-256 of exactly the file that was saved.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { randomIdNumber } from '../system.js';
import { ADMIN_NEW_PASSWORD, useDemoPortal } from './demo-portal.js';

const CERTIFICATE_HEADER = '身份证号,姓名,年度,证书编号,公需,专业,选修,总学时,发证日期,发证机构';
const RECORD_HEADER = '身份证号,姓名,年度,类别,项目名称,学时,主办单位,审核单位,审核日期';
const SCREEN = '[data-testid=legacy-import]';
const HISTORY = '[data-testid=history]';

/** A CSV file as the old system exports it: UTF-8, CRLF line ends. */
const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

describe('old-system certificates and records imported by the administrator and found by the person through the demo portal, end to end', () => {
  const portal = useDemoPortal('history');

  /** Chooses what the file holds, uploads it with 正式导入, and waits for its report to finish; the report's locator. */
  async function importFile(page: Page, kind: 'records' | 'certificates', filename: string, content: Buffer) {
    await page.locator(`${SCREEN} input[name=kind][value=${kind}]`).check();
    await page.locator(`${SCREEN} #file`).setInputFiles({ name: filename, mimeType: 'text/csv', buffer: content });
    await page.locator(`${SCREEN} [data-action=import]`).click();
    const report = page.locator(`${SCREEN} section.report`, { hasText: filename });
    await expect.poll(() => report.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    const count = async (name: string) => Number((await report.locator(`[data-count=${name}] dd`).textContent())!.replace(/\D/g, ''));
    return { report, count };
  }

  it('the administrator imports old certificates and records (a bad row refused); the person sees them, prints the certificate and it verifies', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const person = await portal.person({ name: `历史${tag}`, tag });
    await portal.admin();
    const certificateNo = `粤继教2018${String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const title = `职业道德与诚信建设${tag}`;
    const errors: string[] = [];

    // 1. 历史数据导入: the certificates, one row for the person and one whose total is not the sum (10 + 20 + 5 ≠ 40).
    const adminPage = await portal.signedIn('admin', ADMIN_NEW_PASSWORD, 'home', errors);
    await adminPage.locator('[data-testid=nav-legacy-import]').click();
    await adminPage.waitForSelector('body[data-view="legacy-import"]');
    expect(await adminPage.locator('#legacy-import-title').textContent()).toBe('导入原系统历史数据');
    await adminPage.locator(`${SCREEN} .recent .empty, ${SCREEN} .recent table`).first().waitFor();
    const certificatesFile = `旧系统证书${tag}.csv`;
    const certificates = await importFile(adminPage, 'certificates', certificatesFile, csv([
      CERTIFICATE_HEADER,
      `${person.idNumber},${person.name},2018,${certificateNo},18,42,12,72,2018-12-20,广东省人力资源和社会保障厅`,
      `${randomIdNumber()},错行${tag},2018,粤继教2018X${tag},10,20,5,40,2018-12-20,广东省人力资源和社会保障厅`,
    ]));
    expect([await certificates.count('total'), await certificates.count('imported'), await certificates.count('rejected')]).toEqual([2, 1, 1]);
    expect(await certificates.report.locator('[data-status]').first().textContent()).toContain('已完成');
    const refused = certificates.report.locator('table.errors tbody tr');
    expect(await refused.count()).toBe(1);
    expect(await refused.first().getAttribute('data-field')).toBe('total');
    expect(await refused.first().textContent()).toContain('总学时');
    await portal.shot(adminPage, 'certificates-imported');

    // 2. 学时记录: one 2018 record for the person.
    const recordsFile = `旧系统学时${tag}.csv`;
    const records = await importFile(adminPage, 'records', recordsFile, csv([
      RECORD_HEADER,
      `${person.idNumber},${person.name},2018,公需科目,${title},12,广东省继续教育协会,广州市人力资源和社会保障局,2018-06-01`,
    ]));
    expect([await records.count('imported'), await records.count('rejected')]).toEqual([1, 0]);
    await portal.shot(adminPage, 'records-imported');

    // The history read models follow the imports a moment later.
    await expect
      .poll(async () => {
        const [certs, recs] = await Promise.all([
          portal.api('GET', '/me/history/certificates', undefined, person.token),
          portal.api('GET', '/me/history/records?period=2018', undefined, person.token),
        ]);
        return [(certs.body['items'] as unknown[] | undefined)?.length, (recs.body['items'] as unknown[] | undefined)?.length];
      }, { timeout: 20_000 })
      .toEqual([1, 1]);

    // 3. 历史数据: the 2018 tab with its total, and the certificate.
    const page = await portal.signedIn(person.username, person.newPassword, 'profile', errors, { locale: 'zh-CN' });
    await page.locator('[data-testid=nav-history]').click();
    await page.waitForSelector('body[data-view="history"]');
    const total = page.locator(`${HISTORY} table.totals tr[data-year="2018"] [data-cell=total]`);
    await total.waitFor();
    expect((await total.textContent())!.trim()).toBe('12');
    expect(await page.locator(`${HISTORY} table.records tbody`).textContent()).toContain(title);
    const row = page.locator(`${HISTORY} tr[data-certificate-no="${certificateNo}"]`);
    await row.waitFor();
    expect(await row.locator('[data-cell=hours]').textContent()).toContain('72');
    await portal.shot(page, 'history');

    // 4. 打印: the PDF, saved under the server's name.
    const saving = page.waitForEvent('download');
    await row.locator('[data-action=print]').click();
    const download = await saving;
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const filename = `2018年度继续教育证书-旧系统-${certificateNo}.pdf`;
    expect(download.suggestedFilename()).toBe(filename);
    await expect.poll(() => page.locator(`${HISTORY} #history-status`).textContent()).toContain(`已下载 ${filename}`);

    // 5. The verification link (a new tab): valid, an old-system certificate, the digest of the file saved.
    const opening = page.context().waitForEvent('page');
    await row.locator('[data-action=verify]').click();
    const verifyPage = await opening;
    portal.watchErrors(verifyPage, errors);
    await verifyPage.waitForLoadState();
    expect(new URL(verifyPage.url()).pathname).toMatch(/^\/verify\/[0-9A-HJKMNP-TV-Z]{16}$/);
    const status = await verifyPage.locator('.status.valid').textContent();
    expect(status).toContain('证书有效');
    expect(status).toContain('旧系统证书');
    expect(await verifyPage.locator('main').textContent()).toContain(certificateNo);
    expect(await verifyPage.locator('main code').textContent()).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
    await portal.shot(verifyPage, 'verified');
    expect(errors).toEqual([]);
  }, 240_000);
});
