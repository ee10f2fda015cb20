/**
 * The rows of an XLSX upload's first worksheet, streamed by exceljs's WorkbookReader so a 200,000-row sheet never
 * becomes a workbook in memory. Two habits of that reader shape this file. It reads the ZIP front to back, and Excel
 * stores the shared strings after the sheets, so it parks every sheet in a temporary file until the strings are in;
 * it deletes a file only when its own iteration moves past that sheet, and a parked sheet nobody starts reading keeps
 * its descriptor open for good. So every sheet but the first tab is opened and closed unread, and on any exit — a
 * caller that stops at a bad header, a damaged sheet — the remaining sheets are walked past the same way. And its
 * errors are plain Errors from unzipper or saxes: each becomes a TableReadError, since a damaged file fails the same
 * way on every try.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { corruptXlsx } from './table-errors.js';
import { type Cell, cellValue, dateStyles } from './xlsx-cells.js';

export interface XlsxRow {
  row: number;
  cells: Cell[];
}

const SLICE = 64 * 1024;

/** Tab order and visibility from xl/workbook.xml, which exceljs keeps but does not type. */
interface WorkbookModel {
  model?: { sheets?: Array<{ name: string; state?: string }> };
}

interface Sheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

export async function* readXlsx(bytes: Uint8Array): AsyncGenerator<XlsxRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(slices(bytes)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles are what tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<Sheet>;
  const nextSheet = () =>
    sheets.next().catch((error: unknown) => {
      throw corruptXlsx(error);
    });
  try {
    let read = false;
    for (let sheet = await nextSheet(); !sheet.done; sheet = await nextSheet()) {
      if (read || !isFirstTab(reader, sheet.value)) {
        await closeUnread(sheet.value);
      } else {
        read = true;
        yield* rows(sheet.value, reader);
      }
    }
  } finally {
    await walkPastRemainingSheets(sheets);
  }
}

/** Views of the upload, copied nowhere: one 20 MB chunk would be copied whole by unzipper's first concat. */
function* slices(bytes: Uint8Array): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE) yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(SLICE, bytes.length - at));
}

/**
 * The tab a person sees first: the first visible sheet in xl/workbook.xml. The ZIP may store the sheets in another
 * order (sheet2.xml can be the first tab). Without workbook.xml read yet, the first sheet stored is the best guess.
 */
function isFirstTab(reader: WorkbookModel, sheet: Sheet): boolean {
  const tabs = reader.model?.sheets ?? [];
  const first = tabs.find((tab) => (tab.state ?? 'visible') === 'visible') ?? tabs[0];
  return !first || first.name === sheet.name;
}

async function* rows(sheet: Sheet, reader: unknown): AsyncGenerator<XlsxRow> {
  // Built as the sheet starts: exceljs has then parsed every part stored before it, and Excel stores the styles
  // before the shared strings the sheet waited for.
  const dates = dateStyles(reader);
  const iterator = sheet[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next().catch((error: unknown) => {
        throw corruptXlsx(error);
      });
      if (next.done) return;
      const cells: Cell[] = [];
      next.value.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = cellValue(cell, dates);
      });
      yield { row: next.value.number, cells: Array.from(cells, (cell) => cell ?? null) };
    }
  } finally {
    // Closes the sheet's file stream when the caller stops before the end.
    await iterator.return?.();
  }
}

/** Starting a sheet's iteration and ending it closes the stream exceljs opened for it. */
async function closeUnread(sheet: Sheet): Promise<void> {
  const iterator = sheet[Symbol.asyncIterator]();
  try {
    await iterator.next().catch((error: unknown) => {
      throw corruptXlsx(error);
    });
  } finally {
    await iterator.return?.();
  }
}

async function walkPastRemainingSheets(sheets: AsyncIterator<Sheet>): Promise<void> {
  try {
    for (let sheet = await sheets.next(); !sheet.done; sheet = await sheets.next()) await closeUnread(sheet.value);
  } catch {
    // The caller has stopped reading, or the file has already failed with the error that matters: damage further on
    // answers nobody, and exceljs, once it has thrown, holds nothing this loop could release.
  }
}
