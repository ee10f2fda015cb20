// The file name a download's `Content-Disposition` header gives (RFC 6266): the server names certificates and
// attachments, so a saved file keeps the name the server chose rather than one each screen rebuilds.
// `filename*` (RFC 8187: charset'language'percent-encoded bytes) wins over `filename`, which older clients read
// and which the server fills with an ASCII stand-in for a Chinese name.

/** The header's parameters, names lower-cased; a quoted value unescaped. The first of a repeated name counts. */
function parameters(header: string): Map<string, string> {
  const found = new Map<string, string>();
  // The disposition type comes first and takes no `=`; every parameter follows a `;`.
  for (const [, name, raw] of header.matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const key = name!.toLowerCase();
    if (found.has(key)) continue;
    const value = raw!.startsWith('"') ? raw!.slice(1, -1).replace(/\\(.)/g, '$1') : raw!.trim();
    found.set(key, value);
  }
  return found;
}

/** An RFC 8187 ext-value (`UTF-8''%E8%AF%81.pdf`) decoded; undefined when malformed or in a charset we cannot read. */
function extValue(value: string): string | undefined {
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const [, charset, encoded] = match;
  // Visible ASCII and %XX only: a raw non-ASCII character means the sender did not encode it. Lenient beyond RFC
  // 8187's attr-chars, since encodeURIComponent (what many servers use) leaves ! ' ( ) * as they are.
  if (!/^(?:[\x21-\x24\x26-\x7e]|%[0-9a-fA-F]{2})*$/.test(encoded!)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < encoded!.length; i++) {
    if (encoded![i] === '%') {
      bytes.push(parseInt(encoded!.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(encoded!.charCodeAt(i));
    }
  }
  try {
    return new TextDecoder(charset!, { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined; // an unknown charset, or bytes that are not valid in it: fall back to `filename`
  }
}

/**
 * The file name in a `Content-Disposition` header: `filename*` when it decodes, else `filename`; only its last path
 * segment (RFC 6266 §4.3: a recipient never uses the path a sender put there). undefined when the header names none.
 */
export function filenameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const params = parameters(header);
  const extended = params.get('filename*');
  const name = (extended === undefined ? undefined : extValue(extended)) ?? params.get('filename');
  const base = name?.split(/[/\\]/).pop()?.trim();
  return base ? base : undefined;
}
