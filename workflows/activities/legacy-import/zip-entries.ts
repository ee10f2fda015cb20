/**
 * The names of the entries in a ZIP archive, read from its bytes without inflating anything: enough for the sniffer
 * to tell an XLSX from any other ZIP. The central directory is the archive's own listing, so a plain ZIP that happens
 * to store an .xlsx uncompressed is not mistaken for one. A ZIP without a readable central directory (a truncated
 * upload) falls back to the local entry headers that survive, so a damaged workbook is still recognised and then
 * reported as damaged rather than as "not a spreadsheet".
 */
import { Buffer } from 'node:buffer';

const LOCAL_HEADER_BYTES = Buffer.of(0x50, 0x4b, 0x03, 0x04);
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const END_RECORD_MAX_DISTANCE = 22 + 0xffff;

export interface ZipListing {
  names: string[];
  /** From the central directory; false when only the local headers were there to search. */
  complete: boolean;
}

export function zipEntryNames(bytes: Uint8Array): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = centralDirectoryNames(bytes, view);
  return names ? { names, complete: true } : { names: localHeaderNames(bytes, view), complete: false };
}

const decodeName = (bytes: Uint8Array, start: number, length: number) => new TextDecoder().decode(bytes.subarray(start, start + length));

function centralDirectoryNames(bytes: Uint8Array, view: DataView): string[] | null {
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
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    // ZIP64 offsets (0xFFFFFFFF) and damaged listings land here: the local headers are the better witness then.
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const nameLength = view.getUint16(at + 28, true);
    names.push(decodeName(bytes, at + 46, nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}

/** Every local header signature with a name after it. Entries written with data descriptors carry no size, so walking from one header to the next is not possible; searching is. */
function localHeaderNames(bytes: Uint8Array, view: DataView): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  for (let at = buffer.indexOf(LOCAL_HEADER_BYTES); at >= 0 && at + 30 <= bytes.length; at = buffer.indexOf(LOCAL_HEADER_BYTES, at + 4)) {
    const nameLength = view.getUint16(at + 26, true);
    if (at + 30 + nameLength <= bytes.length) names.push(decodeName(bytes, at + 30, nameLength));
  }
  return names;
}
