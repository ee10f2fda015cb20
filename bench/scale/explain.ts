/**
 * Where a read route's time goes in the database: the exact statements the routes issue — captured by calling the
 * projections' own query functions with a recording `Sql` — run under EXPLAIN (ANALYZE, BUFFERS) on the generated
 * data, for the big unit's first and a deep page, a person's totals, and name searches.
 */
import type { Database, Sql } from '../../events/store/database.js';
import { credentialVersion } from '../../events/store/credentials.js';
import { createPostgresReads } from '../../events/store/postgres-reads.js';
import { chinaYear } from '../../events/vocabulary/index.js';
import { totalsOfMany } from '../../projections/credit-totals.js';
import { encodeCursor } from '../../projections/cursor.js';
import { listOrgs } from '../../projections/orgs.js';
import { listTasks } from '../../projections/tasks.js';
import { listMembers } from '../../projections/unit-members.js';
import type { Manifest } from './generate.js';

export interface Plan {
  what: string;
  sql: string;
  executionMs: number;
  plan: string;
}

/** A Sql that records what it is asked and answers with no rows. */
function recorder(): { sql: Sql; calls: Array<{ text: string; params: unknown[] }> } {
  const calls: Array<{ text: string; params: unknown[] }> = [];
  return {
    calls,
    sql: {
      async query<Row>(text: string, params: unknown[] = []) {
        calls.push({ text, params });
        return { rows: [] as Row[], affectedRows: 0 };
      },
      async exec() {},
    },
  };
}

async function captured(fn: (sql: Sql) => Promise<unknown>): Promise<Array<{ text: string; params: unknown[] }>> {
  const { sql, calls } = recorder();
  await fn(sql);
  return calls;
}

export async function explainRoutes(db: Database, manifest: Manifest): Promise<Plan[]> {
  const year = chinaYear(new Date());
  const { orgId } = manifest.bigUnit;
  const person = manifest.persons[Math.floor(manifest.persons.length / 2)]!;
  const middle = async (sql: string, params: unknown[]) => (await db.query<{ a: string; b: string }>(sql, params)).rows[0];
  const deepTask = await middle(
    `SELECT created_at AS a, task_id AS b FROM tasks WHERE assignee_role = 'unit' AND assignee_org_id = $1 AND status = 'open'
     ORDER BY created_at DESC, task_id DESC OFFSET (SELECT count(*) / 2 FROM tasks WHERE assignee_org_id = $1 AND status = 'open') LIMIT 1`,
    [orgId],
  );
  const deepMember = await middle(`SELECT person_name AS a, person_id AS b FROM unit_members WHERE unit_id = $1 AND status = 'confirmed' ORDER BY person_name, person_id OFFSET 2500 LIMIT 1`, [orgId]);
  const memberIds = (await db.query<{ id: string }>(`SELECT person_id AS id FROM unit_members WHERE unit_id = $1 AND status = 'confirmed' ORDER BY person_name, person_id LIMIT 20`, [orgId])).rows.map((r) => r.id);

  const cases: Array<[string, (sql: Sql) => Promise<unknown>]> = [
    ['auth: the token\'s credential version (every route)', (sql) => credentialVersion(sql, person.accountId)],
    ['summary: the year\'s requirements (event stream)', (sql) => createPostgresReads(sql).readStream(`requirements-${year}`)],
    ['summary: one person\'s totals', (sql) => totalsOfMany(sql, [person.personId], year)],
    ['inbox/members: the unit is approved (its org stream)', (sql) => createPostgresReads(sql).readStream(`org-${orgId}`)],
    ['inbox: first page', (sql) => listTasks(sql, { assignee: { role: 'unit', orgId }, status: 'open', limit: 20 })],
    ...(deepTask ? [['inbox: a middle page (cursor)', (sql: Sql) => listTasks(sql, { assignee: { role: 'unit', orgId }, status: 'open', limit: 20, cursor: encodeCursor([deepTask.a, deepTask.b]) })] as [string, (sql: Sql) => Promise<unknown>]] : []),
    ['members: first page', (sql) => listMembers(sql, { unitId: orgId, status: 'confirmed', limit: 20 })],
    ...(deepMember ? [['members: page 125 of 250 (cursor)', (sql: Sql) => listMembers(sql, { unitId: orgId, status: 'confirmed', limit: 20, cursor: encodeCursor([deepMember.a, deepMember.b]) })] as [string, (sql: Sql) => Promise<unknown>]] : []),
    ['members: this year\'s totals of a page', (sql) => totalsOfMany(sql, memberIds, year)],
    ['orgs?q=广州 (a city: thousands match)', (sql) => listOrgs(sql, { q: '广州', status: 'approved', limit: 20 })],
    ['orgs?q=科技有限 (common words)', (sql) => listOrgs(sql, { q: '科技有限', status: 'approved', limit: 20 })],
    ['orgs?q=有限公司 (in most names)', (sql) => listOrgs(sql, { q: '有限公司', status: 'approved', limit: 20 })],
    ['orgs?q=华 (one character)', (sql) => listOrgs(sql, { q: '华', status: 'approved', limit: 20 })],
    [`orgs?q=<the big unit's whole name>`, (sql) => listOrgs(sql, { q: manifest.bigUnit.name, status: 'approved', limit: 20 })],
  ];
  const plans: Plan[] = [];
  for (const [what, fn] of cases) {
    for (const { text, params } of await captured(fn)) {
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      const plan = rows.map((r) => r['QUERY PLAN']);
      const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1] ?? NaN);
      plans.push({ what, sql: text.replace(/\s+/g, ' ').trim(), executionMs, plan: plan.join('\n') });
    }
  }
  return plans;
}
