/**
 * Bytes of the files admins upload, built in the test instead of committed as binaries: text in the encodings Chinese
 * Excel writes, XLSX packages written part by part (so a test controls what exceljs's own writer never produces —
 * Excel's entry order, inline strings, Chinese built-in date formats, tab order unlike file order), and files that
 * are not tables at all.
 */
import { Buffer } from 'node:buffer';
import zlib from 'node:zlib';

/**
 * GB18030 for the BMP characters GBK covers, from the decoder Node ships: every two-byte sequence decoded once. Node
 * has no GB18030 encoder; the well-known bytes in the tests (身份证号 = C9ED B7DD D6A4 BAC5) pin this table to the standard.
 */
let gbk: Map<string, number[]> | undefined;
export function encodeGb18030(text: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && !gbk.has(char)) gbk.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const pair = gbk.get(char);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export const utf8 = (text: string, { bom = false } = {}) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');

/** Excel's "Unicode text": UTF-16LE with its BOM. */
export const utf16le = (text: string) => Buffer.from('\uFEFF' + text, 'utf16le');

/** A ZIP with a central directory, entries in the order given, deflated unless `store`. */
export function zip(entries: Array<[name: string, content: string | Uint8Array]>, { store = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = store ? data : zlib.deflateRawSync(data);
    const method = store ? 0 : 8;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface RawSheet {
  /** The tab's name. */
  name: string;
  /** The part's number: xl/worksheets/sheet<file>.xml. */
  file: number;
  /** `<row>` elements as Excel writes them. */
  rows: string;
  state?: 'hidden';
}

export interface RawWorkbook {
  /** In tab order. */
  sheets: RawSheet[];
  sharedStrings?: string[];
  /** Custom number formats by id (164 and up). */
  numFmts?: Record<number, string>;
  /** The numFmtId of each cell style, by style index (`s="…"`); index 0 is General. */
  cellStyles?: number[];
  date1904?: boolean;
  /** Store the parts back to front: shared strings and styles first, workbook.xml last. */
  reversed?: boolean;
  /** Parts written as given instead (null: left out), for XML no other option produces. */
  override?: Record<string, string | null>;
}

/** An XLSX in Excel's own entry order (workbook first, then the sheets, then styles and shared strings) or reversed. */
export function rawXlsx({ sheets, sharedStrings = [], numFmts = {}, cellStyles = [0], date1904 = false, reversed = false, override = {} }: RawWorkbook): Buffer {
  const sheetRels = sheets.map((s) => `<Relationship Id="rIdSheet${s.file}" Type="${RELS}/worksheet" Target="worksheets/sheet${s.file}.xml"/>`).join('');
  const formats = Object.entries(numFmts)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join('');
  const parts: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.file}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ],
    ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdSheet${s.file}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rIdStyles" Type="${RELS}/styles" Target="styles.xml"/><Relationship Id="rIdStrings" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ...[...sheets]
      .sort((a, b) => a.file - b.file)
      .map((s): [string, string] => [`xl/worksheets/sheet${s.file}.xml`, `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetData>${s.rows}</sheetData></worksheet>`]),
    [
      'xl/styles.xml',
      `${XML}<styleSheet xmlns="${MAIN}">${formats ? `<numFmts count="${Object.keys(numFmts).length}">${formats}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${cellStyles.length}">${cellStyles.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs></styleSheet>`,
    ],
    ['xl/sharedStrings.xml', `${XML}<sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>`],
  ];
  const written = parts.flatMap(([name, xml]): Array<[string, string]> => {
    const replaced = name in override ? override[name] : xml;
    return replaced === null || replaced === undefined ? [] : [[name, replaced]];
  });
  return zip(reversed ? written.reverse() : written);
}

export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The first bytes of files that are not tables, enough for any content sniffer. */
export const NOT_TABLES = {
  png: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), Buffer.alloc(64, 0x41)]),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  /** An Excel 97–2003 .xls: an OLE compound file. */
  xls: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504, 0)]),
  jpeg: Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(32, 0x20)]),
};

/** Deterministic noise (xorshift32), so a failure reproduces. `noNul` leaves out 0x00 to reach the text checks. */
export function noise(length: number, seed: number, { noNul = false } = {}): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = noNul ? (x % 255) + 1 : x & 0xff;
  }
  return bytes;
}
