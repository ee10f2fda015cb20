/**
 * Which cell styles show a date, from xl/styles.xml: a cell is a date cell when its style's number format is one.
 * Built-in formats have ids and no code in the file; the Chinese ones (27–36, 50–58, e.g. 31 = yyyy"年"m"月"d"日",
 * which WPS and Chinese Excel write) are dates in every East Asian locale, and exceljs 4.4.0 knows none of them.
 * Time-only formats are left out: a time of day in a date column is a number for the row check to refuse.
 */
import { readXml } from './xml-parts.js';

/** 14–17 and 22 are the dates of every locale; the East Asian ids vary by locale but all show a date or a date and time. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The indexes (a cell's `s`) of the cell styles whose number format shows a date. */
export async function readDateStyles(content: AsyncIterable<Uint8Array>): Promise<Set<number>> {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await readXml(content, {
    open: (name, attributes) => {
      if (name === 'numFmt') codes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  formatIds.forEach((id, style) => {
    const code = codes.get(id);
    if (code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code)) dates.add(style);
  });
  return dates;
}

/**
 * A format code shows a date when, outside quoted text, escaped characters, fill characters and [colour]/[$-804]
 * blocks, it has a year or a day (`m` alone may be minutes). Lower-case `e` is the era year of zh-TW formats, `bb`
 * the Buddhist year; upper-case `E` is an exponent.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|[_*].|\[[^\]]*\]|general/gi, '');
  return /[yde]|bb/i.test(bare.replace(/E[+-]/gi, ''));
}
