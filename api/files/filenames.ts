/**
 * Filenames people upload, made safe to keep and to send back: no path, no control or direction characters, a
 * bounded length; and the download header of RFC 6266 — an ASCII fallback plus the UTF-8 name (`filename*`), so
 * 继续教育证明.pdf arrives with its Chinese name intact and nothing in it can break the header.
 */
import { nameProblem } from '../../events/vocabulary/index.js';

const MAX_LENGTH = 120;

export function cleanFilename(raw: string | undefined, fallbackExtension: string): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = [...base].filter((char) => nameProblem(char) === null && char !== '"').join('').trim();
  const limited = [...cleaned].slice(-MAX_LENGTH).join('');
  return limited && limited !== '.' && limited !== '..' ? limited : `attachment${fallbackExtension}`;
}

export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
