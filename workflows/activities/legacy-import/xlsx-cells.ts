/**
 * One XLSX cell as the plain value a row check reads: text as text, numbers as numbers, a date as `YYYY-MM-DD`, a
 * formula as the result Excel saved with it. exceljs decides dates by the cell's number format but knows no Chinese
 * built-in format (ids 27–36 and 50–58, e.g. 31 = yyyy"年"m"月"d"日", which WPS and Chinese Excel write) and never
 * looks at a formula's format; `dateStyles` fills both gaps from the workbook's style table. Time-only cells are not
 * dates: they stay the fraction of a day Excel stores.
 */
import type ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** The cell styles (exceljs's shared style objects) whose number format shows a date. */
export interface DateStyles {
  has(style: unknown): boolean;
  date1904: boolean;
}

/**
 * What exceljs 4.4.0's stream reader holds but does not type: the parsed style table (cellXfs and custom formats by
 * id), the one style object it hands every cell of a style, and workbookPr's 1904 flag. Absent parts leave the set empty.
 */
interface ReaderInternals {
  styles?: {
    model?: { styles?: Array<{ numFmtId?: number }> };
    index?: { numFmt?: Record<number, string | undefined> };
    getStyleModel?(id: number): unknown;
  };
  properties?: { model?: { date1904?: boolean } };
}

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function dateStyles(reader: unknown): DateStyles {
  const { styles, properties } = reader as ReaderInternals;
  const found = new Set<unknown>();
  (styles?.model?.styles ?? []).forEach(({ numFmtId = 0 }, id) => {
    const code = styles?.index?.numFmt?.[numFmtId];
    if (code === undefined ? BUILT_IN_DATES.has(numFmtId) : isDateFormat(code)) found.add(styles?.getStyleModel?.(id));
  });
  found.delete(undefined);
  found.delete(null);
  return { has: (style) => found.has(style), date1904: properties?.model?.date1904 === true };
}

/**
 * A format shows a date when, outside quoted text, escapes, fill characters and [colour]/[$locale] blocks, it has a
 * year or a day (an `m` alone may be minutes). Lower-case `e` is the era year of zh-TW formats; `E` is an exponent.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|[_*].|\[[^\]]*\]|general/gi, '');
  return /[yYdDe]/.test(bare) || /[bB]{2}/.test(bare);
}

export function cellValue(cell: ExcelJS.Cell, dates: DateStyles): Cell {
  return plain(cell.value, dates.has(cell.style), dates.date1904);
}

function plain(value: ExcelJS.CellValue, dateStyled: boolean, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null; // a formula whose cached result is an error (#DIV/0!): exceljs parses it as NaN
    return dateStyled ? serialToDate(value, date1904) : value;
  }
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateToText(value, date1904);
  if ('richText' in value) return unescapeOoxml(value.richText.map((run) => run.text ?? '').join(''));
  if ('formula' in value || 'sharedFormula' in value) return plain(value.result, dateStyled, date1904);
  if ('error' in value) return value.error;
  if ('text' in value) return unescapeOoxml(String(value.text));
  return null;
}

const DAY_MS = 86_400_000;
/** Excel's day 0 of the 1900 system is 1899-12-30 in JavaScript terms (its phantom 1900-02-29 absorbs the rest). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A serial inside the years Excel can show as `YYYY-MM-DD`; anything else (a time of day, an overflow) stays the number. */
function serialToDate(serial: number, date1904: boolean): string | number {
  const date = new Date(Math.round(serial * DAY_MS) + (date1904 ? EPOCH_1904 : EPOCH_1900));
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? date.toISOString().slice(0, 10) : serial;
}

/** exceljs turns a date serial into a UTC Date; a time-only cell becomes a Date in 1899, which goes back to its serial. */
function dateToText(date: Date, date1904: boolean): string | number | null {
  if (Number.isNaN(date.getTime())) return null;
  return serialToDate((date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS, date1904);
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (Excel: a CR is _x000D_); _x005F_ escapes a literal underscore. */
const unescapeOoxml = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);
