/**
 * What a file is, decided by its first bytes and never by its name or the browser's say-so: a `.pdf` that is really
 * an executable is refused (415). Evidence may be PDF, JPEG or PNG.
 */

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);

export type EvidenceType = 'application/pdf' | 'image/jpeg' | 'image/png';

export function sniffEvidence(bytes: Uint8Array): EvidenceType | null {
  // PDF: "%PDF-" (a few producers put junk before it; the spec allows 1024 bytes of it).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** The extension a downloaded file gets when its original name has none that fits. */
export const EXTENSION: Record<EvidenceType, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };
