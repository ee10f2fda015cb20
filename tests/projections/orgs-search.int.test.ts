/**
 * Finding a unit at a province's scale: 10,000 approved units folded through the orgs projection's own apply, then
 * searched by part of the name (Chinese, with no word boundaries), by a whole USCC, and by region — each answer
 * checked against a plain filter of the same rows, and each query planned onto an index, never a scan of every unit.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../events/store/event-store.js';
import { listOrgs, orgsProjection, queryGrams } from '../../projections/orgs.js';
import { type TestDatabase, openTestDatabase } from '../support/databases.js';

const CITIES = ['440100', '440300', '440400', '440600', '441900'];
const WORDS = ['科技', '建筑', '医疗', '教育', '电子', '信息', '工程', '设计', '制造', '贸易', '能源', '环保', '物流', '咨询', '软件'];
const SUFFIX = ['有限公司', '股份有限公司', '研究院', '集团有限公司'];

interface Unit { orgId: string; name: string; uscc: string; regionCode: string }

function units(count: number): Unit[] {
  return Array.from({ length: count }, (_, i) => {
    const a = WORDS[i % WORDS.length]!;
    const b = WORDS[Math.floor(i / WORDS.length) % WORDS.length]!;
    const city = CITIES[i % CITIES.length]!;
    return {
      orgId: crypto.randomUUID(),
      name: `广东${a}${b}${i}号${SUFFIX[i % SUFFIX.length]}`,
      uscc: `9144${String(i).padStart(13, '0')}X`,
      regionCode: `${city.slice(0, 4)}${String((i % 9) + 1).padStart(2, '0')}`,
    };
  });
}

let position = 0;
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  eventId: crypto.randomUUID(), streamId: `org-${String(data.orgId)}`, revision: 0n, position: String(++position).padStart(20, '0'),
  type, data, metadata: {}, recordedAt: '2026-04-01T08:00:00.000Z', prevHash: null, hash: 'x',
});

describe('finding a unit among 10,000', () => {
  let db: TestDatabase;
  const all = units(10_000);

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    await db.exec(orgsProjection.tables);
    for (let i = 0; i < all.length; i += 1_000) {
      const events = all.slice(i, i + 1_000).flatMap((u) => [
        recorded('OrgRegistered', { ...u, kind: 'unit', contactName: '张三', contactPhone: '13800138000', reviewerAccountId: crypto.randomUUID(), reviewerUsername: `r${u.orgId.slice(0, 8)}`, registeredAt: '2026-04-01T08:00:00.000Z' }),
        recorded('OrgApproved', { orgId: u.orgId, taskId: crypto.randomUUID(), approvedBy: 'admin', approvedAt: '2026-04-02T08:00:00.000Z' }),
      ]);
      await db.transaction((tx) => orgsProjection.apply(tx, events));
    }
    await db.exec('ANALYZE orgs; ANALYZE org_name_grams;');
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  const everything = async (query: Omit<Parameters<typeof listOrgs>[1], 'limit'>) => {
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrgs(db, { ...query, limit: 200, ...(cursor ? { cursor } : {}) });
      found.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found.sort();
  };

  it.each([['电子信息'], ['医疗'], ['7号'], ['研究院'], ['广东科技科技0号']])('finds exactly the units whose name contains %s', async (q) => {
    const expected = all.filter((u) => u.name.includes(q)).map((u) => u.name).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await everything({ kind: 'unit', q })).toEqual(expected);
  });

  it('finds a unit by its whole USCC, and by region at city level', async () => {
    const target = all[4_321]!;
    expect(await everything({ kind: 'unit', q: target.uscc.toLowerCase() })).toEqual([target.name]);
    const shenzhen = all.filter((u) => u.regionCode.startsWith('4403')).map((u) => u.name).sort();
    expect(await everything({ kind: 'unit', regionCode: '440300', q: '能源' })).toEqual(shenzhen.filter((n) => n.includes('能源')));
  });

  it('plans the name search as a walk of one gram in name order, and the USCC search onto its index', async () => {
    const plan = async (sql: string, params: unknown[]) =>
      (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).rows.map((row) => row['QUERY PLAN']).join('\n');
    // The query that matters: a common word (in three of four names), where sorting every match would cost the most.
    const gram = queryGrams('有限公司')[0]!;
    const byName = await plan(
      `SELECT o.org_id FROM org_name_grams g JOIN orgs o ON o.org_id = g.org_id
       WHERE o.status = 'approved' AND g.gram = $1 AND lower(g.name) LIKE $2 ORDER BY g.name, g.org_id LIMIT 21`,
      [gram, '%有限公司%'],
    );
    // One gram's postings, from an index, never a scan of every unit. (Here, with 10,000 units, the planner sorts the
    // matches of a bitmap scan; the name-ordered walk of org_name_grams_walk pays off as the postings grow.)
    expect(byName).toMatch(/(Bitmap Index Scan on|Index (Only )?Scan using) org_name_grams_(pkey|walk)/);
    expect(byName).not.toMatch(/Seq Scan/);
    const byUscc = await plan(`SELECT org_id FROM orgs WHERE uscc = $1`, [all[1]!.uscc]);
    expect(byUscc).toMatch(/Index Scan using orgs_uscc|Bitmap Index Scan on orgs_uscc/);
  });
});
