/**
 * Why an uploaded table could not be read once its format was recognised (an unrecognised file is `sniffTable` →
 * null, a 415). Each is the file's fault, not the system's: the import fails at once with a 400 and this text, and a
 * retry would fail the same way. `row` is where the problem starts, when the reader knows it; `message` adds the
 * library's own words for the log.
 */
import type { Localized } from '../../../events/vocabulary/index.js';

export type TableProblem =
  /** The XLSX is damaged: truncated, bad compression, malformed XML, or a part the reader needs is missing. */
  | 'corrupt-xlsx'
  /** A CSV quoted field opened and never closed: the rest of the file would have become one cell. */
  | 'unclosed-quote'
  /** The bytes do not decode in the encoding the sniffer reported (bytes and sniff result do not belong together). */
  | 'undecodable-text';

export class TableReadError extends Error {
  override readonly name = 'TableReadError';
  readonly row: number | undefined;
  constructor(
    readonly problem: TableProblem,
    readonly text: Localized,
    { row, cause }: { row?: number; cause?: unknown } = {},
  ) {
    super(cause === undefined ? text.en : `${text.en} (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.row = row;
  }
}

export const corruptXlsx = (cause: unknown) =>
  new TableReadError('corrupt-xlsx', { zh: 'XLSX 文件已损坏，无法读取', en: 'the XLSX file is damaged and cannot be read' }, { cause });

export const unclosedQuote = (row: number) =>
  new TableReadError('unclosed-quote', { zh: `第 ${row} 行开始的引号没有闭合`, en: `the quoted field that starts in row ${row} is never closed` }, { row });

export const undecodableText = (encoding: string, cause: unknown) =>
  new TableReadError('undecodable-text', { zh: `文件内容不是有效的 ${encoding} 文本`, en: `the file is not valid ${encoding} text` }, { cause });
