/**
 * The rows of one worksheet part, handed on as each inflated chunk is parsed: a row is its number (`r`, or the one
 * after the last when a writer leaves it out) and its cells by column, null where a column has no cell. Cells are
 * turned into values by the caller's `cellOf`; inline strings are read here, with the same rules as shared ones.
 */
import type { Cell, RawCell } from './xlsx-cells.js';
import { StringText } from './xlsx-strings.js';
import { parseXml } from './xml-parts.js';

/** Excel's own limits (XFD and row 1,048,576): anything beyond them is not a workbook Excel wrote. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

export interface SheetRow {
  row: number;
  cells: Cell[];
}

export function sheetRows(content: AsyncIterable<Uint8Array>, cellOf: (raw: RawCell) => Cell): AsyncGenerator<SheetRow> {
  const done: SheetRow[] = [];
  let row = 0;
  let cells: Cell[] = [];
  let column = 0;
  let cell: RawCell | null = null;
  let inValue = false;
  let inline: StringText | null = null;

  return parseXml<SheetRow>(content, {
    open(name, attributes) {
      if (name === 'row') {
        const r = Number(attributes.r);
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        if (row > MAX_ROWS) throw new Error(`row ${row} is beyond Excel's last row`);
        cells = [];
        column = 0;
      } else if (name === 'c') {
        column = (attributes.r && columnOf(attributes.r)) || column + 1;
        // A crafted reference (HZZZZZ1) would otherwise make one row of a hundred million cells.
        if (column > MAX_COLUMNS) throw new Error(`column ${column} is beyond Excel's last column (XFD)`);
        cell = { type: attributes.t, style: Number(attributes.s ?? 0), value: undefined, inline: undefined };
      } else if (cell) {
        if (name === 'v') {
          inValue = true;
          cell.value = '';
        } else if (name === 'is') {
          inline = new StringText();
        } else {
          inline?.open(name);
        }
      }
    },
    text(text) {
      if (inValue) cell!.value += text;
      else inline?.append(text);
    },
    close(name) {
      if (name === 'v') {
        inValue = false;
      } else if (name === 'is') {
        cell!.inline = inline!.take();
        inline = null;
      } else if (name === 'c') {
        if (cell) cells[column - 1] = cellOf(cell);
        cell = null;
      } else if (name === 'row') {
        done.push({ row, cells: Array.from(cells, (value) => value ?? null) });
      } else {
        inline?.close(name);
      }
    },
    take: () => done.splice(0),
  });
}

/** The column number of a cell reference: A1 → 1, AB12 → 28. */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}
