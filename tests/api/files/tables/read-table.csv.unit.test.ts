import { describe, expect, it } from 'vitest';
import { type TableRow, readTable } from '../../../../api/files/tables/read-table.js';
import { type SniffedTable, sniffTable } from '../../../../api/files/tables/sniff-table.js';
import { TableReadError } from '../../../../api/files/tables/table-errors.js';
import { encodeGb18030, utf16le, utf8 } from './table-fixtures.js';

async function rowsOf(bytes: Uint8Array, sniffed: SniffedTable | null = sniffTable(bytes)): Promise<TableRow[]> {
  if (!sniffed) throw new Error('not a table');
  const rows: TableRow[] = [];
  for await (const row of readTable(bytes, sniffed)) rows.push(row);
  return rows;
}

const EXPORT = ['身份证号,姓名,类别,项目名称,学时', '440101199001011234,张三,公需科目,"法治讲座,第一期",6', '440101199001011235,李四,专业科目,"""数字经济""专题",12'].join('\r\n');
const EXPECTED: TableRow[] = [
  { row: 1, cells: ['身份证号', '姓名', '类别', '项目名称', '学时'] },
  { row: 2, cells: ['440101199001011234', '张三', '公需科目', '法治讲座,第一期', '6'] },
  { row: 3, cells: ['440101199001011235', '李四', '专业科目', '"数字经济"专题', '12'] },
];

describe('readTable on CSV', () => {
  it('reads UTF-8 with a BOM, leaving the BOM out of the first header cell', async () => {
    expect(await rowsOf(utf8(EXPORT, { bom: true }))).toEqual(EXPECTED);
  });

  it('reads UTF-8 without a BOM', async () => {
    expect(await rowsOf(utf8(EXPORT))).toEqual(EXPECTED);
  });

  it('reads GB18030, as a Chinese Excel saves "CSV", four-byte characters included', async () => {
    const bytes = encodeGb18030(EXPORT);
    // The bytes every GBK table gives 身份证号, so the test encoder is the standard's and not just Node's mirror image.
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from('c9edb7ddd6a4bac5', 'hex'));
    expect(await rowsOf(bytes)).toEqual(EXPECTED);
    // 𠀀 (U+20000) is beyond GBK: GB18030 writes it in four bytes, 95 32 82 36.
    const rare = Buffer.concat([encodeGb18030('姓名\r\n张'), Buffer.of(0x95, 0x32, 0x82, 0x36), encodeGb18030('\r\n')]);
    expect(await rowsOf(rare)).toEqual([
      { row: 1, cells: ['姓名'] },
      { row: 2, cells: ['张𠀀'] },
    ]);
  });

  it('drops a GB18030 BOM the way the decoders drop a UTF-8 one', async () => {
    expect(await rowsOf(Buffer.concat([Buffer.of(0x84, 0x31, 0x95, 0x33), encodeGb18030(EXPORT)]))).toEqual(EXPECTED);
  });

  it('reads UTF-16LE "Unicode text" as tab-separated, commas in cells staying text', async () => {
    const tsv = EXPORT.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, '\t');
    expect(tsv.split('\r\n')[0]).toBe('身份证号\t姓名\t类别\t项目名称\t学时');
    expect(await rowsOf(utf16le(tsv))).toEqual(EXPECTED);
  });

  it('splits on tabs only when the header has tabs and no commas', async () => {
    expect(await rowsOf(utf8('身份证号\t姓名\r\n440101199001011234\t张,三\r\n'))).toEqual([
      { row: 1, cells: ['身份证号', '姓名'] },
      { row: 2, cells: ['440101199001011234', '张,三'] },
    ]);
    expect(await rowsOf(utf8('身份证号,姓名\tx\r\n1,2\t3\r\n'))).toEqual([
      { row: 1, cells: ['身份证号', '姓名\tx'] },
      { row: 2, cells: ['1', '2\t3'] },
    ]);
  });

  it('skips empty rows, including rows of empty cells, but keeps every row its number in the file', async () => {
    const text = '\r\n身份证号,姓名\r\n,\r\n440101199001011234,张三\r\n\r\n"",""\r\n440101199001011235,李四\r\n,,\r\n';
    expect(await rowsOf(utf8(text))).toEqual([
      { row: 2, cells: ['身份证号', '姓名'] },
      { row: 4, cells: ['440101199001011234', '张三'] },
      { row: 7, cells: ['440101199001011235', '李四'] },
    ]);
  });

  it('numbers rows as Excel shows them when a quoted cell spans lines', async () => {
    const text = '项目名称,学时\n"第一行\n第二行\n第三行",6\n讲座,3\n';
    expect((await rowsOf(utf8(text))).map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('keeps spaces and full-width spaces; only the CR of CRLF goes', async () => {
    expect(await rowsOf(utf8(' 张三 ,\u3000李四\r\n'))).toEqual([{ row: 1, cells: [' 张三 ', '\u3000李四'] }]);
  });

  it('reads a file larger than one decoding slice with multi-byte characters across the slice edges', async () => {
    const line = (i: number) => `4401011990010${String(i).padStart(5, '0')},张三丰${i},"讲座,${i}"`;
    const lines = Array.from({ length: 5000 }, (_, i) => line(i));
    for (const bytes of [utf8(lines.join('\r\n')), encodeGb18030(lines.join('\r\n')), utf16le(lines.join('\r\n'))]) {
      const rows = await rowsOf(bytes);
      expect(rows).toHaveLength(5000);
      expect(rows[4321]).toEqual({ row: 4322, cells: ['440101199001004321', '张三丰4321', '讲座,4321'] });
    }
  });

  it('fails with a TableReadError after the good rows when a quote never closes', async () => {
    const rows: TableRow[] = [];
    const reading = (async () => {
      for await (const row of readTable(utf8('a,b\r\nc,d\r\n"e,f\r\ng,h\r\n'), { format: 'csv', encoding: 'utf-8', bom: false })) rows.push(row);
    })();
    await expect(reading).rejects.toMatchObject({ name: 'TableReadError', problem: 'unclosed-quote', row: 3 });
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it('fails with a TableReadError when the bytes are not in the encoding given', async () => {
    const reading = rowsOf(encodeGb18030(EXPORT), { format: 'csv', encoding: 'utf-8', bom: false });
    await expect(reading).rejects.toBeInstanceOf(TableReadError);
    await expect(reading).rejects.toMatchObject({ problem: 'undecodable-text' });
  });
});
