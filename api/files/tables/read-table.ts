/**
 * An uploaded table as rows of cells, whatever the old system or the admin's Excel saved it as: the format comes from
 * `sniffTable`, the cells stay as the file has them (no trimming, no header handling — mapping and checking columns
 * is the import's). A row carries the number Excel shows beside it, so a rejected row can be found in the file;
 * completely empty rows are left out but keep their numbers counted. CSV cells are text ('' when empty); XLSX cells
 * are text, numbers, `YYYY-MM-DD` for date cells, or null when empty (see xlsx-cells.ts).
 */
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { SniffedTable, TextEncoding } from './sniff-table.js';
import type { Cell } from './xlsx-cells.js';

export type { Cell } from './xlsx-cells.js';

export interface TableRow {
  /** 1-based, as Excel numbers it: the header is row 1. A CSV record spanning lines (a quoted line break) is one row. */
  row: number;
  cells: Cell[];
}

/** Rows in file order, read as they are consumed. Throws TableReadError for a damaged file, after the rows before the damage. */
export async function* readTable(bytes: Uint8Array, sniffed: SniffedTable): AsyncGenerator<TableRow> {
  const rows = sniffed.format === 'xlsx' ? readXlsx(bytes) : csvRows(bytes, sniffed.encoding);
  for await (const row of rows) {
    if (row.cells.some((cell) => cell !== null && cell !== '')) yield row;
  }
}

async function* csvRows(bytes: Uint8Array, encoding: TextEncoding): AsyncGenerator<TableRow> {
  for await (const { row, fields } of readCsv(bytes, encoding)) yield { row, cells: fields };
}
