/**
 * The records of a CSV (or tab-separated "Unicode text") upload, decoded a slice at a time so a large file never
 * exists as one string, and handing the event loop back after each slice so a worker reading 200,000 rows still
 * answers its heartbeats. The separator is the header's: a tab when the first non-blank line has tabs and no commas.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvRecords, type CsvRecord, type Delimiter } from './csv-records.js';
import type { TextEncoding } from './sniff-table.js';
import { undecodableText } from './table-errors.js';

const SLICE = 64 * 1024;

export async function* readCsv(bytes: Uint8Array, encoding: TextEncoding): AsyncGenerator<CsvRecord> {
  let records: CsvRecords | undefined;
  let head = '';
  for (const { text, last } of decode(bytes, encoding)) {
    if (!records) {
      head += text;
      const delimiter = headerDelimiter(head, last);
      if (!delimiter) continue;
      records = new CsvRecords(delimiter);
      yield* records.push(head);
    } else {
      yield* records.push(text);
    }
    if (last) yield* records.end();
    else await nextTurn();
  }
}

function* decode(bytes: Uint8Array, encoding: TextEncoding): Generator<{ text: string; last: boolean }> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += SLICE) {
      let text = decoder.decode(bytes.subarray(at, at + SLICE), { stream: true });
      // The decoder drops a UTF-8 or UTF-16 BOM itself; GB18030 has one too (84 31 95 33), which it keeps.
      if (at === 0 && text.startsWith('\uFEFF')) text = text.slice(1);
      yield { text, last: false };
    }
    yield { text: decoder.decode(), last: true };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw undecodableText(encoding, error);
    throw error;
  }
}

/** The separator the header line uses, or null while that line has not been read whole. */
function headerDelimiter(head: string, complete: boolean): Delimiter | null {
  const line = /^[\r\n]*([^\n]*)(\n)?/.exec(head)!;
  if (!line[2] && !complete) return null;
  return line[1]!.includes('\t') && !line[1]!.includes(',') ? '\t' : ',';
}
