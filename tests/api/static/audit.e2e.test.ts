/**
 * Auditors end to end through the demo portal in real Chromium (playwright-core) against the system as `npm start` runs
 * it (tests/api/static/demo-portal.ts). Set up through the API: the administrator creates an auditor (POST /staff), who
 * makes the first sign-in's password change; a unit and a person bound to it with an approved 6-hour professional
 * record, whose approval's position the auditor reads from the log; then a second approval of 4 hours. In the portal the
 * auditor lands on 审计, seals the log (立即封存), runs 完整性校验 — the browser asks for NDJSON, the answer streams
 * progress lines then the result, the screen shows the run's progress and then 校验通过 with the log's counts and the
 * seals agreeing — and replays credit_totals as of
 * the first approval: the person's total then (6) in the rows, and 与当前数据对比 naming the change since (6 → 10 hours).
 * The person's own record shows its timeline under 查看记录 with 链完整.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useDemoPortal } from './demo-portal.js';

// Records dated 1 January: inside the year and never in the future, whatever day the test runs.
const YEAR = new Date().getUTCFullYear();
const AUDIT = '[data-testid=audit]';

describe('an auditor verifies the log and replays credit totals as of a past position through the demo portal, end to end', () => {
  const portal = useDemoPortal('audit');

  it('the auditor sees the whole log verified with progress, and a person’s earlier total beside today’s', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const admin = await portal.admin();
    const auditor = { username: `e2e_audit_${tag}`, newPassword: 'Auditor2026z' };
    const staff = await portal.api('POST', '/staff', { username: auditor.username, name: `审计员${tag}`, role: 'auditor' }, admin);
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    const auditorToken = await portal.firstSignIn(auditor.username, staff.body['oneTimePassword'] as string, auditor.newPassword);

    const unit = await portal.approvedOrg({ kind: 'unit', name: `广州市端到端审计单位${tag}`, regionCode: '440106', tag });
    const person = await portal.boundPerson(unit, { name: `审计${tag}`, tag });
    const first = await portal.approvedRecord(person, unit, { year: YEAR, category: 'professional', hours: 6, date: `${YEAR}-01-01`, title: `审计端到端培训甲 ${tag}` });
    // The position of the first approval, as an auditor finds it in the log (readable a moment after it is written).
    const approval = async () => {
      const found = await portal.api('GET', `/audit/events?streamId=${encodeURIComponent(`credit-${first}`)}&type=CreditRecordApproved`, undefined, auditorToken);
      expect(found.status, JSON.stringify(found.body)).toBe(200);
      return (found.body['items'] as Array<{ position: string }>)[0]?.position;
    };
    await expect.poll(approval, { timeout: 10_000 }).toMatch(/^\d{20}:\d{20}$/);
    const asOf = (await approval())!;
    await portal.approvedRecord(person, unit, { year: YEAR, category: 'professional', hours: 4, date: `${YEAR}-01-01`, title: `审计端到端培训乙 ${tag}` });
    await expect
      .poll(async () => ((await portal.api('GET', `/me/credit-summary?year=${YEAR}`, undefined, person.token)).body['completed'] as { professional?: number } | undefined)?.professional, { timeout: 20_000 })
      .toBe(10);
    const errors: string[] = [];

    // 1. The auditor's start page is 审计.
    const page = await portal.signedIn(auditor.username, auditor.newPassword, 'audit', errors);
    expect(await page.locator('#audit-title').textContent()).toBe('审计：事件日志、完整性校验与数据重放');
    await page.locator(`${AUDIT} table.events`).waitFor();
    await portal.shot(page, 'log');

    // 2. 印章: the auditor seals the log now; the new seal heads the list.
    await page.locator(`${AUDIT} #tab-seals`).click();
    await page.locator(`${AUDIT} [data-testid=public-key]`).waitFor();
    const sealing = page.waitForResponse((r) => r.url().endsWith('/api/v1/audit/seals') && r.request().method() === 'POST');
    await page.locator(`${AUDIT} [data-action=seal]`).click();
    const sealed = (await (await sealing).json()) as { sealId: string; count: number };
    await page.locator(`${AUDIT} table.seals tbody tr[data-seal-id="${sealed.sealId}"]`).waitFor();
    expect(await page.locator(`${AUDIT} #audit-status`).textContent()).toMatch(/^(已封存|自上次封存以来没有新事件)/);
    await portal.shot(page, 'sealed');

    // 3. 完整性校验: NDJSON asked for and streamed; the run's progress shown, then the verdict on chains and seals.
    await page.locator(`${AUDIT} #tab-verify`).click();
    await page.locator(`${AUDIT} [data-action=verify]`).waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid=audit]')!.shadowRoot!;
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      new MutationObserver(() => {
        const shown = root.querySelector('[data-testid=verify-progress]');
        if (shown) seen.push(shown.textContent!.replace(/\s+/g, ' ').trim());
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/audit/verify'));
    await page.locator(`${AUDIT} [data-action=verify]`).click();
    const verify = await answer;
    expect(verify.request().headers()['accept']).toBe('application/x-ndjson');
    expect(verify.headers()['content-type']).toContain('application/x-ndjson');
    // Chromium may not keep a streamed body for the test to read ("No data found for resource", seen once on a loaded
    // box): then the same request is sent again, as the page sent it.
    const body = await verify.text().catch(async () => {
      const again = await page.request.post(verify.url(), { headers: verify.request().headers(), data: verify.request().postData() ?? '' });
      return again.text();
    });
    const lines = body.trim().split('\n').map((line) => JSON.parse(line) as Record<string, { events: number; valid?: boolean }>);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => 'progress' in line)).toBe(true);
    const result = lines.at(-1)!['result']!;
    expect(result.valid).toBe(true);
    const verdict = page.locator(`${AUDIT} [part=verdict]`);
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-valid')).toBe('true');
    expect(await verdict.locator('h3').textContent()).toContain('校验通过');
    expect(await verdict.locator('p').first().textContent()).toContain(`共 ${result.events.toLocaleString('zh-CN')} 条事件`);
    expect(await verdict.locator('[data-testid=seals-valid]').textContent()).toMatch(/^\d+ 个印章的 Merkle 根与签名均与日志相符。$/);
    expect(await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.length)).toBeGreaterThan(0);
    await portal.shot(page, 'verified');

    // 4. 数据重放: credit_totals as of the first approval — the person's 6 hours then, 10 today.
    await page.locator(`${AUDIT} #tab-replay`).click();
    await page.locator(`${AUDIT} #projection`).selectOption('credit_totals');
    await page.locator(`${AUDIT} #position`).fill(asOf);
    await page.locator(`${AUDIT} .replay-form button[type=submit]`).click();
    const report = page.locator(`${AUDIT} [part=replay]`);
    await expect.poll(() => report.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    expect(await report.locator('dl').textContent()).toContain(asOf);
    const then = report.locator(`table.replay-rows tr[data-row-key="${person.personId}"]`);
    await then.waitFor();
    expect((await then.locator('[data-cell=professional]').textContent())!.trim()).toBe('6');
    expect((await then.locator('[data-cell=total]').textContent())!.trim()).toBe('6');
    await portal.shot(page, 'replayed');

    await report.locator('[data-action=compare]').click();
    const changed = report.locator('table.differences tbody tr', { hasText: person.personId });
    await changed.waitFor({ timeout: 20_000 });
    expect((await changed.locator('[data-side=replay]').textContent())!.trim()).toBe('学时：6');
    expect((await changed.locator('[data-side=live]').textContent())!.trim()).toBe('学时：10');
    await portal.shot(page, 'compared');

    // 5. The person's record: 查看记录 shows its timeline, the unit's approval in it, and 链完整.
    const personPage = await portal.signedIn(person.username, person.newPassword, 'profile', errors);
    await personPage.locator('[data-testid=nav-credits]').click();
    await personPage.waitForSelector('body[data-view="credits"]');
    await personPage.locator(`[data-testid=credit-records] tr[data-record-id="${first}"] [data-action=open]`).click();
    const timeline = personPage.locator('[data-testid=credit-records] .detail jxjy-timeline');
    await timeline.locator('[data-action=toggle]').click();
    await timeline.locator('[part=chain][data-chain=valid]').waitFor({ timeout: 20_000 });
    expect(await timeline.locator('[part=chain]').textContent()).toContain('链完整');
    expect(await timeline.locator('li[data-type=CreditRecordApproved]').textContent()).toContain(unit.name);
    await portal.shot(personPage, 'timeline');
    expect(errors).toEqual([]);
  }, 240_000);
});
