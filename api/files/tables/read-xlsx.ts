/**
 * The rows of an XLSX upload's first tab. Everything is read from the upload in memory, part by part in the order
 * the reader needs them (workbook, shared strings, styles, then the sheet), whatever order the ZIP stores
 * them in, so no part is parked in a temporary file; the sheet, the one part that can be large, is inflated and
 * parsed as it is consumed. Why not exceljs's streaming WorkbookReader: in 4.4.0 it decodes each chunk's UTF-8 on
 * its own (exceljs#2316: a Chinese character split between chunks becomes U+FFFD) and now and then drops the parts
 * after the sheets (exceljs#683: shared strings and styles missing, cells read as indexes) — both seen here.
 */
import { corruptXlsx } from './table-errors.js';
import { cellValue } from './xlsx-cells.js';
import { type SheetRow, sheetRows } from './xlsx-sheet.js';
import { readSharedStrings } from './xlsx-strings.js';
import { readDateStyles } from './xlsx-styles.js';
import { readWorkbookMap } from './xlsx-workbook.js';
import { entryContent, zipDirectory } from './zip-entries.js';

export async function* readXlsx(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  const directory = zipDirectory(bytes);
  if (!directory) throw corruptXlsx(new Error('the ZIP has no central directory: the file was cut off'));
  const entries = new Map(directory.map((entry) => [entry.name, entry]));
  const open = (path: string | null) => {
    const entry = path === null ? undefined : entries.get(path);
    return entry ? entryContent(bytes, entry) : null;
  };

  const workbook = await readWorkbookMap(open);
  if (!workbook.firstSheet) return;
  const sheet = open(workbook.firstSheet);
  if (!sheet) throw corruptXlsx(new Error(`${workbook.firstSheet} is missing`));
  const strings = open(workbook.sharedStrings);
  const styles = open(workbook.styles);
  const context = {
    sharedStrings: strings ? await readSharedStrings(strings) : [],
    dateStyles: styles ? await readDateStyles(styles) : new Set<number>(),
    date1904: workbook.date1904,
  };
  yield* sheetRows(sheet, (raw) => cellValue(raw, context));
}
