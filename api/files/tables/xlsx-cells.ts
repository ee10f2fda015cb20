/**
 * One XLSX cell as the plain value a row check reads: text as text, numbers as numbers, a date cell (a number in a
 * date format, or an ISO date) as `YYYY-MM-DD`, a formula as the result Excel saved with it, TRUE/FALSE and error
 * codes (#N/A) as Excel shows them. A serial typed into a cell without a date format stays a number.
 */
import { unescapeOoxml } from './xlsx-strings.js';

export type Cell = string | number | null;

/** A `<c>` element as written: its type (`t`), style index (`s`), `<v>` text and inline string. */
export interface RawCell {
  type: string | undefined;
  style: number;
  value: string | undefined;
  inline: string | undefined;
}

export interface CellContext {
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

export function cellValue({ type, style, value, inline }: RawCell, context: CellContext): Cell {
  switch (type) {
    case 's':
      return value === undefined ? null : (context.sharedStrings[Number(value)] ?? null);
    case 'inlineStr':
      return inline ?? (value === undefined ? null : unescapeOoxml(value));
    case 'str':
      return value === undefined ? null : unescapeOoxml(value);
    case 'b':
      return value === undefined ? null : Number(value) ? 'TRUE' : 'FALSE';
    case 'e':
      return value ?? null;
    case 'd':
      return value === undefined ? null : (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value);
    default:
      return number(value, context.dateStyles.has(style), context.date1904);
  }
}

function number(value: string | undefined, dateStyled: boolean, date1904: boolean): Cell {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return dateStyled ? serialToDate(n, date1904) : n;
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 system is 1899-12-30 (its phantom 1900-02-29 absorbs the difference from 12-31). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A serial inside the years Excel can show as `YYYY-MM-DD`; anything else (a time of day, an overflow) stays the number. */
function serialToDate(serial: number, date1904: boolean): string | number {
  const date = new Date(Math.round(serial * DAY_MS) + (date1904 ? EPOCH_1904 : EPOCH_1900));
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? date.toISOString().slice(0, 10) : serial;
}
