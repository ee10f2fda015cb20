import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sniffTable } from '../../../../api/files/tables/sniff-table.js';
import { NOT_TABLES, encodeGb18030, noise, rawXlsx, utf16le, utf8, zip } from './table-fixtures.js';

const HEADER = '身份证号,姓名,年度,类别,项目名称,学时\r\n440101199001011234,张三,2018,公需科目,法治讲座,6\r\n';

async function exceljsXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('记录').addRow(['身份证号', '姓名']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sniffTable', () => {
  it('recognises an XLSX by its parts, whoever wrote it', async () => {
    expect(sniffTable(await exceljsXlsx())).toEqual({ format: 'xlsx' });
    expect(sniffTable(rawXlsx({ sheets: [{ name: 'S', file: 1, rows: '' }] }))).toEqual({ format: 'xlsx' });
  });

  it('still recognises an XLSX whose end was cut off, so the reader can call it damaged', async () => {
    for (const whole of [await exceljsXlsx(), rawXlsx({ sheets: [{ name: 'S', file: 1, rows: '' }] })]) {
      expect(sniffTable(whole.subarray(0, Math.floor(whole.length * 0.7)))).toEqual({ format: 'xlsx' });
    }
  });

  it('refuses ZIPs that are not workbooks: a plain archive, one holding an .xlsx, a .docx, an .xlsb', async () => {
    expect(sniffTable(zip([['记录.csv', HEADER]]))).toBeNull();
    expect(sniffTable(zip([['导出.xlsx', await exceljsXlsx()]]))).toBeNull();
    expect(sniffTable(zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']]))).toBeNull();
    expect(sniffTable(zip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.bin', 'binary']]))).toBeNull();
  });

  it('goes by the central directory: a plain ZIP storing an .xlsx uncompressed is not one', async () => {
    const outer = zip([['导出.xlsx', await exceljsXlsx()]], { store: true });
    expect(outer.includes('xl/workbook.xml')).toBe(true);
    expect(sniffTable(outer)).toBeNull();
  });

  it('tells UTF-8 with and without BOM from GB18030', () => {
    expect(sniffTable(utf8(HEADER, { bom: true }))).toEqual({ format: 'csv', encoding: 'utf-8', bom: true });
    expect(sniffTable(utf8(HEADER))).toEqual({ format: 'csv', encoding: 'utf-8', bom: false });
    expect(sniffTable(encodeGb18030(HEADER))).toEqual({ format: 'csv', encoding: 'gb18030', bom: false });
    expect(sniffTable(Buffer.concat([Buffer.of(0x84, 0x31, 0x95, 0x33), encodeGb18030(HEADER)]))).toEqual({ format: 'csv', encoding: 'gb18030', bom: true });
  });

  it('takes pure ASCII and an empty file as UTF-8 text (the header check then speaks)', () => {
    expect(sniffTable(utf8('idNumber,name\r\n'))).toEqual({ format: 'csv', encoding: 'utf-8', bom: false });
    expect(sniffTable(new Uint8Array(0))).toEqual({ format: 'csv', encoding: 'utf-8', bom: false });
  });

  it('recognises UTF-16LE "Unicode text" by its BOM', () => {
    expect(sniffTable(utf16le('身份证号\t姓名\r\n440101199001011234\t张三\r\n'))).toEqual({ format: 'csv', encoding: 'utf-16le', bom: true });
  });

  it('refuses images, PDFs, .xls files and noise, whatever name they came with', () => {
    for (const bytes of Object.values(NOT_TABLES)) expect(sniffTable(bytes)).toBeNull();
    expect(sniffTable(noise(4096, 7))).toBeNull();
    expect(sniffTable(noise(4096, 11, { noNul: true }))).toBeNull();
    expect(sniffTable(noise(64, 13, { noNul: true }))).toBeNull();
  });

  it('refuses HTML and XML "Excel" exports, which are text but not a table it can read', () => {
    expect(sniffTable(utf8('<html><body><table><tr><td>身份证号</td></tr></table></body></html>'))).toBeNull();
    expect(sniffTable(utf8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', { bom: true }))).toBeNull();
  });

  it('refuses text with a NUL, and bytes that are neither UTF-8 nor GB18030', () => {
    expect(sniffTable(utf8('身份证号,姓名\r\n\u0000'))).toBeNull();
    expect(sniffTable(Buffer.concat([utf8('身份证号,'), Buffer.of(0xff, 0xff, 0x0a)]))).toBeNull();
    expect(sniffTable(Buffer.concat([encodeGb18030('身份证号,'), Buffer.of(0xb9)]))).toBeNull(); // a lead byte with no trail
  });

  it('tolerates a stray control character in a large export', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `44010119900101123${i % 10},张三${i},2018\r\n`).join('');
    expect(sniffTable(utf8(`身份证号,姓名,年度\r\n${rows}440101199001011234,李\u000b四,2018\r\n`))).toEqual({ format: 'csv', encoding: 'utf-8', bom: false });
  });
});
