/**
 * What kind of table an upload is, decided by its bytes alone: a file name or a Content-Type says what the sender's
 * machine guessed, not what the old system wrote. An XLSX is a ZIP holding a SpreadsheetML workbook; a CSV is text
 * in one of the encodings Chinese Excel writes — UTF-8 (with or without BOM), GB18030 (what "CSV" means on a Chinese
 * Windows), or UTF-16LE with its BOM ("Unicode text", tab-separated). Anything else is null: the caller's 415.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { localHeaderNames, zipDirectory } from './zip-entries.js';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

export type SniffedTable = { format: 'xlsx' } | { format: 'csv'; encoding: TextEncoding; bom: boolean };

const ZIP = Buffer.of(0x50, 0x4b, 0x03, 0x04);
const UTF8_BOM = Buffer.of(0xef, 0xbb, 0xbf);
const UTF16LE_BOM = Buffer.of(0xff, 0xfe);
/** U+FEFF in GB18030: rare, but some converters write it. */
const GB18030_BOM = Buffer.of(0x84, 0x31, 0x95, 0x33);

/** Text formats that are not tables though they decode cleanly: a PDF written without binary streams, an HTML or XML "Excel" export, RTF. */
const NOT_A_TABLE = /^\s*(?:%PDF-|<|\{\\rtf)/;

/**
 * The share of control characters (other than TAB, LF, CR, FF and DOS's end-of-file SUB) a text may hold. A real
 * export carries the odd stray one pasted into a cell; binary data that happens to decode has one in eight.
 */
const MAX_CONTROL_SHARE = 0.01;
const isStrayControl = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1a;

const CHUNK = 1 << 20;

export function sniffTable(bytes: Uint8Array): SniffedTable | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, ZIP)) return isWorkbook(buffer) ? { format: 'xlsx' } : null;
  if (startsWith(buffer, UTF16LE_BOM)) return isUtf16Text(buffer) ? { format: 'csv', encoding: 'utf-16le', bom: true } : null;
  const bom = startsWith(buffer, UTF8_BOM);
  if (!hasTextBytes(buffer) || NOT_A_TABLE.test(buffer.subarray(bom ? 3 : 0, 64).toString('latin1'))) return null;
  if (isUtf8(buffer)) return { format: 'csv', encoding: 'utf-8', bom };
  if (decodesAs('gb18030', buffer)) return { format: 'csv', encoding: 'gb18030', bom: startsWith(buffer, GB18030_BOM) };
  return null;
}

const startsWith = (buffer: Buffer, prefix: Buffer) => buffer.length >= prefix.length && prefix.equals(buffer.subarray(0, prefix.length));

/**
 * Both parts every XLSX has; an .xlsb (xl/workbook.bin), a .docx or any other OOXML package lacks the second. Of a
 * cut-off file only the front survives, and writers put workbook.xml anywhere (exceljs last): any xl/ part will do.
 */
function isWorkbook(buffer: Buffer): boolean {
  const directory = zipDirectory(buffer)?.map((entry) => entry.name);
  const names = directory ?? localHeaderNames(buffer);
  return names.includes('[Content_Types].xml') && (directory ? names.includes('xl/workbook.xml') : names.some((name) => name.startsWith('xl/')));
}

/** In UTF-8 and GB18030 a byte below 0x20 is always that ASCII control (no multi-byte sequence uses one): no decoding needed. */
function hasTextBytes(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  let controls = 0;
  for (let i = 0; i < buffer.length; i++) if (isStrayControl(buffer[i]!)) controls++;
  return controls <= buffer.length * MAX_CONTROL_SHARE;
}

function decodesAs(encoding: TextEncoding, buffer: Buffer, check?: (text: string) => boolean): boolean {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let at = 0; at < buffer.length; at += CHUNK) {
      const text = decoder.decode(buffer.subarray(at, at + CHUNK), { stream: true });
      if (check && !check(text)) return false;
    }
    const rest = decoder.decode();
    return !check || check(rest);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return false;
    throw error;
  }
}

function isUtf16Text(buffer: Buffer): boolean {
  let length = 0;
  let controls = 0;
  let opening = '';
  const decodes = decodesAs('utf-16le', buffer, (chunk) => {
    if (opening.length < 64) opening += chunk.slice(0, 64);
    length += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (code === 0) return false;
      if (isStrayControl(code)) controls++;
    }
    return true;
  });
  return decodes && controls <= length * MAX_CONTROL_SHARE && !NOT_A_TABLE.test(opening);
}
