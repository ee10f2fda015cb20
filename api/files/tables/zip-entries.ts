/**
 * The entries of a ZIP archive held in memory: their names, for the sniffer to tell an XLSX from any other ZIP, and
 * their contents, inflated as they are read so a sheet of 200,000 rows is never whole in memory. The central
 * directory is the archive's own listing, so a plain ZIP that stores an .xlsx uncompressed is not mistaken for one.
 * Without it (a cut-off upload) only the local headers that survive can be searched: enough to recognise a damaged
 * workbook and report it as damaged, not as "not a spreadsheet", but not to read one.
 */
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; nothing else is read. */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const END_RECORD_MAX_DISTANCE = 22 + 0xffff;
/** Compressed bytes handed to the inflater at a time: zlib inflates a whole input chunk at once, whatever the reader's pace. */
const SLICE = 16 * 1024;

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const decodeName = (bytes: Uint8Array, start: number, length: number) => new TextDecoder().decode(bytes.subarray(start, start + length));

/** The central directory's entries, or null when there is none to read (cut off, ZIP64, damaged). */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = viewOf(bytes);
  const lowest = Math.max(0, bytes.length - END_RECORD_MAX_DISTANCE);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decodeName(bytes, at + 46, nameLength),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Every local header signature with a name after it. Entries written with data descriptors carry no size, so walking from one header to the next is not possible; searching is. */
export function localHeaderNames(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const view = viewOf(bytes);
  const signature = Buffer.of(0x50, 0x4b, 0x03, 0x04);
  const names: string[] = [];
  for (let at = buffer.indexOf(signature); at >= 0 && at + 30 <= bytes.length; at = buffer.indexOf(signature, at + 4)) {
    const nameLength = view.getUint16(at + 26, true);
    if (at + 30 + nameLength <= bytes.length) names.push(decodeName(bytes, at + 30, nameLength));
  }
  return names;
}

/** An entry's content, inflated as it is consumed. Fails (as the iteration's error) when the entry is damaged. */
export async function* entryContent(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Buffer> {
  const view = viewOf(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new Error(`${entry.name}: no local header where the directory puts it`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new Error(`${entry.name}: its data is cut off`);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
  if (entry.method === 0) {
    yield data;
  } else if (entry.method === 8) {
    yield* Readable.from(slices(data)).pipe(zlib.createInflateRaw());
  } else {
    throw new Error(`${entry.name}: compression method ${entry.method} is not deflate`);
  }
}

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += SLICE) yield data.subarray(at, at + SLICE);
}
