/**
 * SAX over one part of an XLSX, as its bytes come out of the inflater: the bytes are decoded with a streaming UTF-8
 * decoder, so a character split between two chunks arrives whole (exceljs 4.4.0 decodes each chunk on its own and
 * turns such characters into U+FFFD, about one Chinese row in 400). saxes refuses malformed XML and expands no DTD
 * entities. Any failure — inflating, decoding, parsing — is the file's: it becomes a corrupt-xlsx TableReadError.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TableReadError, corruptXlsx } from './table-errors.js';

export interface XmlHandlers<T> {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
  /** Called after each chunk: what the chunk completed, handed on before the next chunk is read. */
  take?(): T[];
}

/** An element's name without its namespace prefix: some writers spell `<x:row>` where Excel writes `<row>`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

export async function* parseXml<T = never>(content: AsyncIterable<Uint8Array>, handlers: XmlHandlers<T>): AsyncGenerator<T> {
  const parser = new SaxesParser({ position: false, xmlns: false });
  const { open, close, text, take } = handlers;
  if (open) parser.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes));
  if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(local(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of content) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (take) yield* take();
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    throw error instanceof TableReadError ? error : corruptXlsx(error);
  }
  if (take) yield* take();
}

/** Parses a part for what its handlers gather, when nothing needs to be handed on early. */
export async function readXml(content: AsyncIterable<Uint8Array>, handlers: Omit<XmlHandlers<never>, 'take'>): Promise<void> {
  for await (const _ of parseXml(content, handlers));
}
