import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type TableRow, readTable } from '../../../../api/files/tables/read-table.js';
import { sniffTable } from '../../../../api/files/tables/sniff-table.js';
import { TableReadError } from '../../../../api/files/tables/table-errors.js';
import { rawXlsx } from './table-fixtures.js';

const XLSX = { format: 'xlsx' } as const;

async function rowsOf(bytes: Uint8Array): Promise<TableRow[]> {
  expect(sniffTable(bytes)).toEqual(XLSX);
  const rows: TableRow[] = [];
  for await (const row of readTable(bytes, XLSX)) rows.push(row);
  return rows;
}

async function exceljsWorkbook(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${inline('A1', '甲')}${inline('B1', '乙')}</row>`;

describe('readTable on XLSX written by exceljs', () => {
  it('reads text, numbers, dates, formulas and the rest as plain cells, the same on every read', async () => {
    const bytes = await exceljsWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('记录');
      sheet.addRow(['身份证号', '姓名', '学时', '审核日期', '序号', '合计', '说明', '有效', '检查']);
      sheet.addRow(['440101199001011234', '张三', 12.5, new Date(Date.UTC(2018, 2, 15)), 43174, { formula: 'C2*2', result: 25 }, { richText: [{ text: '公需' }, { text: '科目', font: { bold: true } }] }, true, { error: '#N/A' }]);
      sheet.addRow([]);
      sheet.addRow(['440101199001011235', '李四', 3, new Date(Date.UTC(2017, 11, 31, 16, 45)), 2, { formula: 'B4&"（复核）"', result: '李四（复核）' }]);
      sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
      sheet.getCell('D4').numFmt = 'yyyy/m/d h:mm';
      workbook.addWorksheet('第二页').addRow(['不读这一页']);
    });
    const expected = [
      { row: 1, cells: ['身份证号', '姓名', '学时', '审核日期', '序号', '合计', '说明', '有效', '检查'] },
      { row: 2, cells: ['440101199001011234', '张三', 12.5, '2018-03-15', 43174, 25, '公需科目', 'TRUE', '#N/A'] },
      { row: 4, cells: ['440101199001011235', '李四', 3, '2017-12-31', 2, '李四（复核）'] },
    ];
    // exceljs's own stream reader drops the shared strings on some reads of a file like this (exceljs#683).
    for (let read = 0; read < 30; read++) expect(await rowsOf(bytes)).toEqual(expected);
  });

  it('gives empty cells as null, keeps row numbers across empty rows, and leaves out rows with nothing in them', async () => {
    const bytes = await exceljsWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('记录');
      sheet.getCell('A1').value = '身份证号';
      sheet.getCell('C1').value = '学时';
      sheet.getCell('B3').value = '张三';
      sheet.getCell('A6').value = 1;
      sheet.getCell('D6').value = 2;
      sheet.getCell('B8').value = '';
    });
    expect(await rowsOf(bytes)).toEqual([
      { row: 1, cells: ['身份证号', null, '学时'] },
      { row: 3, cells: [null, '张三'] },
      { row: 6, cells: [1, null, null, 2] },
    ]);
  });

  it('reads every Chinese character whole, however the inflated XML is cut into chunks', async () => {
    // exceljs 4.4.0's stream reader turned 47 of these 20,000 rows into U+FFFD (exceljs#2316).
    const row = (i: number) => [`张三丰${i}`, `广东省继续教育协会第${i}期专业科目培训`, i];
    const bytes = await exceljsWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('记录');
      for (let i = 0; i < 20_000; i++) sheet.addRow(row(i));
    });
    const rows = await rowsOf(bytes);
    expect(rows).toHaveLength(20_000);
    rows.forEach((read, i) => expect(read).toEqual({ row: i + 1, cells: row(i) }));
  });
});

describe('readTable on XLSX as Excel and WPS write it', () => {
  it('reads shared and inline strings, rich runs and _xHHHH_ escapes, without phonetic guides', async () => {
    const bytes = rawXlsx({
      sharedStrings: [
        '<t>项目名称</t>',
        '<r><t>法治</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 讲座</t></r>',
        '<t>第一行_x000D_\n第二行 _x005F_x000D_</t>',
        '<t>山田</t><rPh sb="0" eb="2"><t>やまだ</t></rPh><phoneticPr fontId="1"/>',
      ],
      sheets: [
        {
          name: '记录',
          file: 1,
          rows: [
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>',
            `<row r="3">${inline('A3', 'A &amp;amp; B &lt;文本&gt;')}<c r="B3" t="inlineStr"><is><r><t>多</t></r><r><t>段</t></r></is></c><c r="C3" t="str"><v>公式文本</v></c></row>`,
          ].join(''),
        },
      ],
    });
    expect(await rowsOf(bytes)).toEqual([
      { row: 1, cells: ['项目名称', '法治 讲座'] },
      { row: 2, cells: ['第一行\r\n第二行 _x000D_', '山田'] },
      { row: 3, cells: ['A &amp; B <文本>', '多段', '公式文本'] },
    ]);
  });

  it('reads dates in Chinese built-in formats (ids 31, 57, 58), in custom and standard ones, as YYYY-MM-DD', async () => {
    const bytes = rawXlsx({
      numFmts: { 176: 'yyyy"年"m"月"d"日";@', 177: '[$-804]yyyy"年"m"月"', 178: '0.0"学时"' },
      // style index: 0 General, 1 = id 31, 2 = 57, 3 = 58, 4 = 14, 5 = custom 176, 6 = custom 177, 7 = h:mm, 8 = 0.00%, 9 = custom 178
      cellStyles: [0, 31, 57, 58, 14, 176, 177, 20, 10, 178],
      sheets: [
        {
          name: '记录',
          file: 1,
          rows: [
            header,
            '<row r="2"><c r="A2" s="1"><v>43174</v></c></row>',
            '<row r="3"><c r="A3" s="2"><v>43101</v></c></row>',
            '<row r="4"><c r="A4" s="3"><v>43465.75</v></c></row>',
            '<row r="5"><c r="A5" s="4"><v>36526</v></c></row>',
            '<row r="6"><c r="A6" s="5"><v>43174</v></c></row>',
            '<row r="7"><c r="A7" s="6"><v>43174</v></c></row>',
            '<row r="8"><c r="A8" s="7"><v>0.5</v></c><c r="B8" s="8"><v>0.25</v></c><c r="C8" s="9"><v>6</v></c><c r="D8"><v>43174</v></c></row>',
          ].join(''),
        },
      ],
    });
    expect(await rowsOf(bytes)).toEqual([
      { row: 1, cells: ['甲', '乙'] },
      { row: 2, cells: ['2018-03-15'] },
      { row: 3, cells: ['2018-01-01'] },
      { row: 4, cells: ['2018-12-31'] },
      { row: 5, cells: ['2000-01-01'] },
      { row: 6, cells: ['2018-03-15'] },
      { row: 7, cells: ['2018-03-15'] },
      // A time of day, a percentage, a number with a unit, a serial typed as a plain number: numbers.
      { row: 8, cells: [0.5, 0.25, 6, 43174] },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const bytes = rawXlsx({ date1904: true, cellStyles: [0, 14], sheets: [{ name: '记录', file: 1, rows: '<row r="1"><c r="A1" s="1"><v>41712</v></c><c r="B1"><v>41712</v></c></row>' }] });
    expect(await rowsOf(bytes)).toEqual([{ row: 1, cells: ['2018-03-15', 41712] }]);
  });

  it('gives a formula its cached result (a date in a date format), its error code, or null when Excel saved none', async () => {
    const bytes = rawXlsx({
      cellStyles: [0, 14],
      sheets: [
        {
          name: '记录',
          file: 1,
          rows: [
            header,
            '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f>A2*2</f><v>6</v></c><c r="C2" s="1"><f>DATE(2018,3,15)</f><v>43174</v></c><c r="D2" t="b"><f>A2&gt;1</f><v>1</v></c></row>',
            '<row r="3"><c r="A3"><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c><c r="C3" t="e"><f>A3/0</f><v>#DIV/0!</v></c><c r="D3"><f>A3+1</f></c><c r="E3" t="b"><v>0</v></c><c r="F3" t="d"><v>2018-03-15T00:00:00</v></c></row>',
          ].join(''),
        },
      ],
    });
    expect(await rowsOf(bytes)).toEqual([
      { row: 1, cells: ['甲', '乙'] },
      { row: 2, cells: [3, 6, '2018-03-15', 'TRUE'] },
      { row: 3, cells: [4, 8, '#DIV/0!', null, 'FALSE', '2018-03-15'] },
    ]);
  });

  it('reads the first visible tab, whatever order the sheets are stored in', async () => {
    const sheet = (text: string) => `<row r="1">${inline('A1', text)}</row>`;
    const reordered = rawXlsx({ sheets: [{ name: '数据', file: 2, rows: sheet('第一个标签') }, { name: '说明', file: 1, rows: sheet('第二个标签') }] });
    expect(await rowsOf(reordered)).toEqual([{ row: 1, cells: ['第一个标签'] }]);
    const hiddenFirst = rawXlsx({ sheets: [{ name: '隐藏', file: 1, rows: sheet('隐藏的'), state: 'hidden' }, { name: '数据', file: 2, rows: sheet('看得见的') }] });
    expect(await rowsOf(hiddenFirst)).toEqual([{ row: 1, cells: ['看得见的'] }]);
  });

  it('reads parts in any stored order: shared strings and styles before the workbook', async () => {
    const bytes = rawXlsx({ reversed: true, sharedStrings: ['<t>姓名</t>'], cellStyles: [0, 31], sheets: [{ name: '记录', file: 1, rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>43174</v></c></row>' }] });
    expect(await rowsOf(bytes)).toEqual([{ row: 1, cells: ['姓名', '2018-03-15'] }]);
  });

  it('numbers rows and columns itself when a writer leaves out r, and reads prefixed element names', async () => {
    const bytes = rawXlsx({ sheets: [{ name: '记录', file: 1, rows: '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row/><row><c/><c><v>2</v></c></row>' }] });
    expect(await rowsOf(bytes)).toEqual([
      { row: 1, cells: ['a', 1] },
      { row: 3, cells: [null, 2] },
    ]);
    const xml = '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    const prefixed = rawXlsx({ sheets: [{ name: '记录', file: 1, rows: '' }], override: { 'xl/worksheets/sheet1.xml': xml } });
    expect(await rowsOf(prefixed)).toEqual([{ row: 2, cells: [null, '前缀'] }]);
  });
});

describe('readTable on a damaged XLSX', () => {
  const big = () =>
    exceljsWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('记录');
      for (let i = 0; i < 3000; i++) sheet.addRow([`44010119900101${String(i).padStart(4, '0')}`, `张三${i}`, i]);
    });

  it('fails with a TableReadError when the file was cut off', async () => {
    const bytes = await big();
    await expect(rowsOf(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).rejects.toMatchObject({ name: 'TableReadError', problem: 'corrupt-xlsx' });
  });

  it('fails with a TableReadError when the sheet’s compressed data is garbled', async () => {
    const bytes = Buffer.from(await big());
    const sheet = bytes.indexOf('xl/worksheets/sheet1.xml');
    for (let i = sheet + 100; i < sheet + 300; i++) bytes[i]! ^= 0x5a;
    await expect(rowsOf(bytes)).rejects.toBeInstanceOf(TableReadError);
  });

  it('fails with a TableReadError when the sheet XML is broken or the sheet is missing', async () => {
    const broken = rawXlsx({ sheets: [{ name: '记录', file: 1, rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></row></c>' }] });
    await expect(rowsOf(broken)).rejects.toMatchObject({ name: 'TableReadError', problem: 'corrupt-xlsx' });
    const missing = rawXlsx({ sheets: [{ name: '记录', file: 1, rows: '' }], override: { 'xl/worksheets/sheet1.xml': null } });
    await expect(rowsOf(missing)).rejects.toMatchObject({ problem: 'corrupt-xlsx' });
  });

  it('expands no DTD entities: an entity bomb is refused, not inflated', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
    const bytes = rawXlsx({ sheets: [{ name: '记录', file: 1, rows: '' }], override: { 'xl/worksheets/sheet1.xml': bomb } });
    await expect(rowsOf(bytes)).rejects.toMatchObject({ problem: 'corrupt-xlsx' });
  });

  it('yields the rows before the damage, then fails', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const bytes = rawXlsx({ sheets: [{ name: '记录', file: 1, rows: `${rows}<row r="20001"><c></row>` }] });
    const seen: number[] = [];
    const reading = (async () => {
      for await (const row of readTable(bytes, XLSX)) seen.push(row.row);
    })();
    await expect(reading).rejects.toBeInstanceOf(TableReadError);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual(seen.map((_, i) => i + 1));
  });
});

describe('readTable on XLSX, stopped early', () => {
  it('lets a caller stop at the header and read the same upload again', async () => {
    const bytes = await exceljsWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('记录');
      for (let i = 0; i < 5000; i++) sheet.addRow([`记录${i}`, i]);
    });
    for (let run = 0; run < 3; run++) {
      for await (const row of readTable(bytes, XLSX)) {
        expect(row).toEqual({ row: 1, cells: ['记录0', 0] });
        break;
      }
    }
    expect(await rowsOf(bytes)).toHaveLength(5000);
  });
});

describe('cell references beyond Excel’s own limits', () => {
  it('refuses a column past XFD or a row past 1,048,576 as a damaged file instead of allocating them', async () => {
    for (const rows of ['<row r="1"><c r="HZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row>', '<row r="2000000"><c r="A2000000"><v>1</v></c></row>']) {
      const bytes = rawXlsx({ sheets: [{ name: '表', file: 1, rows }] });
      const sniffed = sniffTable(bytes)!;
      await expect(async () => {
        for await (const _ of readTable(bytes, sniffed)) void _;
      }).rejects.toMatchObject({ name: 'TableReadError', problem: 'corrupt-xlsx' });
    }
  });
});
