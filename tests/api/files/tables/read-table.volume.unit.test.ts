/**
 * The reader keeps memory flat however long the file: a 200,000-row CSV and a 100,000-row XLSX are read through the
 * iterator while the live heap is sampled (after a forced GC, so garbage is not counted). Holding the rows would
 * take well over 100 MB; the bounds below leave room for the XLSX's shared strings, which every reader must keep.
 * Throughput is printed for the record, never asserted.
 */
import { PassThrough } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type TableRow, readTable } from '../../../../api/files/tables/read-table.js';
import { type SniffedTable, sniffTable } from '../../../../api/files/tables/sniff-table.js';
import { utf8 } from './table-fixtures.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

interface Measured {
  rows: number;
  last: TableRow | undefined;
  rowsPerSecond: number;
  /** Largest live heap above the start, sampled after a GC every `every` rows. */
  liveGrowthMb: number;
  /** Largest heap seen without forcing GC: what the process actually used, garbage included. */
  peakGrowthMb: number;
}

async function measure(bytes: Uint8Array, sniffed: SniffedTable, every: number): Promise<Measured> {
  // A first pass for speed, untouched by forced GCs.
  const started = performance.now();
  let rows = 0;
  for await (const _ of readTable(bytes, sniffed)) rows++;
  const rowsPerSecond = Math.round(rows / ((performance.now() - started) / 1000));

  gc();
  const base = process.memoryUsage().heapUsed;
  let live = 0;
  let peak = 0;
  let last: TableRow | undefined;
  let count = 0;
  for await (const row of readTable(bytes, sniffed)) {
    last = row;
    if (++count % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    if (count % every === 0) {
      gc();
      live = Math.max(live, process.memoryUsage().heapUsed - base);
    }
  }
  const round = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
  return { rows: count, last, rowsPerSecond, liveGrowthMb: round(live), peakGrowthMb: round(peak) };
}

describe('readTable on large files', () => {
  it('reads a 200,000-row CSV with a flat heap', async () => {
    const line = (i: number) => `4401011990${String(i).padStart(8, '0')},张三${i},2018,公需科目,"法治讲座,第${i % 50}期",6,"广东省""继续教育""协会",2018-03-15`;
    const text = ['身份证号,姓名,年度,类别,项目名称,学时,主办单位,审核日期', ...Array.from({ length: 200_000 }, (_, i) => line(i))].join('\r\n');
    const bytes = utf8(text, { bom: true });
    const result = await measure(bytes, sniffTable(bytes)!, 20_000);
    console.log(`CSV 200,000 rows, ${(bytes.length / MB).toFixed(1)} MB:`, result);
    expect(result.rows).toBe(200_001);
    expect(result.last).toEqual({ row: 200_001, cells: ['440101199000199999', '张三199999', '2018', '公需科目', '法治讲座,第49期', '6', '广东省"继续教育"协会', '2018-03-15'] });
    expect(result.liveGrowthMb).toBeLessThan(16);
  });

  it('reads a 100,000-row XLSX with a heap bounded by its shared strings', async () => {
    const bytes = await bigWorkbook(100_000);
    expect(sniffTable(bytes)).toEqual({ format: 'xlsx' });
    const result = await measure(bytes, { format: 'xlsx' }, 10_000);
    console.log(`XLSX 100,000 rows, ${(bytes.length / MB).toFixed(1)} MB:`, result);
    expect(result.rows).toBe(100_001);
    expect(result.last).toEqual({ row: 100_001, cells: ['440101199000099999', '张三99999', 2018, '公需科目', '法治讲座第49期', 6, '广东省继续教育协会', '2018-03-15'] });
    expect(result.liveGrowthMb).toBeLessThan(48);
  }, 120_000);
});

/** Written with exceljs's streaming writer: shared strings, a date style, and the sheet stored before both, as Excel does. */
async function bigWorkbook(rows: number): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('记录');
  sheet.addRow(['身份证号', '姓名', '年度', '类别', '项目名称', '学时', '主办单位', '审核日期']).commit();
  for (let i = 0; i < rows; i++) {
    const row = sheet.addRow([`4401011990${String(i).padStart(8, '0')}`, `张三${i}`, 2018, '公需科目', `法治讲座第${i % 50}期`, 6, '广东省继续教育协会', new Date(Date.UTC(2018, 2, 15))]);
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
