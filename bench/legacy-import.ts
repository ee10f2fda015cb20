/**
 * `npm run bench` (fourth part): the old system's import at scale — a 100,000-row records CSV through the real import
 * lifecycle (Temporal dev server, worker on the production bundle, PostgreSQL, the projection runner), beside a raw
 * baseline in the same run: the same rows parsed and written with batched `INSERT … SELECT FROM jsonb_to_recordset`
 * into a plain table, 2,000 rows a statement (the importer's chunk size). Reports rows per second both ways and the
 * importer's peak memory (RSS and heap above where they started, sampled every 20 ms). Figures, never pass/fail.
 */
import crypto from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { legacyImportStream } from '../events/legacy.js';
import { lifecycleWorkflowType } from '../workflows/kit/messages.js';
import { legacyImportLifecycleId, legacyImportWorkflowId, startLegacyImportUpdate } from '../workflows/legacy/messages.js';
import { startBenchSystem } from './bench-system.js';
import { idNumberCheckChar } from '../events/vocabulary/index.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BATCH = 2_000;
const CATEGORIES = ['公需科目', '专业科目', '选修科目'];

function idNumber(i: number): string {
  const day = new Date(Date.UTC(1970, 0, 1) + (i % 12_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `440106${day}${String(i % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

function csv(): Buffer {
  const lines = ['身份证号,姓名,年度,类别,项目名称,学时,主办单位,审核单位,审核日期'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`${idNumber(i)},王${i % 97}明,${2010 + (i % 9)},${CATEGORIES[i % 3]},继续教育课程第${i}期,${(i % 16) / 2 + 0.5},广东省人社厅,广州市人社局,2018-0${(i % 9) + 1}-15`);
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Peak RSS and heap above the starting point while `work` runs. */
async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; rssMiB: number; heapMiB: number }> {
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 20);
  const began = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - began) / 1000, rssMiB: (rss - start.rss) / 2 ** 20, heapMiB: (heap - start.heapUsed) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const system = await startBenchSystem({ label: 'import' });
  try {
    const { client, db, store, files, config } = system;
    const bytes = csv();
    const stored = await files.put(new Uint8Array(bytes));
    const importId = crypto.randomUUID();
    const imported = await sampled(async () => {
      await client.workflow.executeUpdateWithStart(startLegacyImportUpdate, {
        args: [{ importId, kind: 'records', dryRun: false, firstDeclarableYear: 2019, actor: { id: 'bench', role: 'admin' }, file: { sha256: stored.sha256, filename: 'bench.csv', size: stored.size, format: 'csv', encoding: 'utf-8' } }],
        startWorkflowOperation: new WithStartWorkflowOperation(lifecycleWorkflowType('legacy'), {
          workflowId: legacyImportWorkflowId(importId), taskQueue: config.temporalTaskQueue, args: [{ id: legacyImportLifecycleId(importId) }], workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      for (;;) {
        const last = (await store.readStream(legacyImportStream(importId))).at(-1);
        if (last?.type === 'LegacyImportCompleted' || last?.type === 'LegacyImportFailed') return last;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    const counts = (imported.result.data as { counts?: Record<string, number> }).counts;

    // The baseline: the same rows, parsed and inserted in batches, nothing else.
    await db.query(`CREATE TABLE raw_legacy (id_number text, name text, year integer, category text, title text, half_hours integer, organizer text, reviewed_by text, reviewed_at text)`);
    const raw = await sampled(async () => {
      const rows = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean).map((line) => {
        const [id, who, year, category, title, hours, organizer, reviewedBy, reviewedAt] = line.split(',');
        return { id, who, year: Number(year), category, title, halfHours: Number(hours) * 2, organizer, reviewedBy, reviewedAt };
      });
      for (let i = 0; i < rows.length; i += BATCH) {
        await db.query(
          `INSERT INTO raw_legacy SELECT id, who, year, category, title, "halfHours", organizer, "reviewedBy", "reviewedAt"
           FROM jsonb_to_recordset($1::jsonb) AS r(id text, who text, year integer, category text, title text, "halfHours" integer, organizer text, "reviewedBy" text, "reviewedAt" text)`,
          [JSON.stringify(rows.slice(i, i + BATCH))],
        );
      }
      return rows.length;
    });

    const rate = ROWS / imported.seconds;
    const rawRate = ROWS / raw.seconds;
    console.log(`\njxjy bench (old-system import, ${ROWS.toLocaleString('en')} rows, ${(bytes.length / 2 ** 20).toFixed(1)} MiB CSV, PostgreSQL) — ${new Date().toISOString()}\n`);
    console.log(`outcome: ${imported.result.type} ${JSON.stringify(counts ?? {})}`);
    console.log('| metric | import lifecycle | raw batched INSERT | ratio |');
    console.log('|---|---|---|---|');
    console.log(`| rows/s | ${rate.toFixed(0)} | ${rawRate.toFixed(0)} | ${((rate / rawRate) * 100).toFixed(1)}% |`);
    console.log(`| wall time | ${imported.seconds.toFixed(1)} s | ${raw.seconds.toFixed(1)} s | |`);
    console.log(`| peak RSS above start (worker + runner in this process) | ${imported.rssMiB.toFixed(0)} MiB | ${raw.rssMiB.toFixed(0)} MiB | |`);
    console.log(`| peak heap above start | ${imported.heapMiB.toFixed(0)} MiB | ${raw.heapMiB.toFixed(0)} MiB | |`);
  } finally {
    await system.close();
  }
}

await main();
