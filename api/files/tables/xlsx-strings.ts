/**
 * The text of SpreadsheetML strings, shared (xl/sharedStrings.xml) or inline (`<is>` in a cell). A string is the
 * text of its `<t>` elements, directly or in rich-text runs (`<r>`), in order; phonetic guides (`<rPh>`, the furigana
 * a Japanese IME adds) are not part of it. OOXML writes characters XML cannot carry as _xHHHH_ (Excel: a CR in a cell
 * becomes _x000D_), and a literal "_x" as _x005F_x.
 */
import { readXml } from './xml-parts.js';

/** Collects one string's text from the elements inside its `<si>` or `<is>`. */
export class StringText {
  private text = '';
  private inT = false;
  private inPhonetic = false;

  open(name: string): void {
    if (name === 't') this.inT = !this.inPhonetic;
    else if (name === 'rPh') this.inPhonetic = true;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic = false;
  }

  append(text: string): void {
    if (this.inT) this.text += text;
  }

  /** The string so far, and a fresh start for the next one. */
  take(): string {
    const text = unescapeOoxml(this.text);
    this.text = '';
    return text;
  }
}

export async function readSharedStrings(content: AsyncIterable<Uint8Array>): Promise<string[]> {
  const strings: string[] = [];
  const current = new StringText();
  await readXml(content, {
    open: (name) => current.open(name),
    close: (name) => {
      if (name === 'si') strings.push(current.take());
      else current.close(name);
    },
    text: (text) => current.append(text),
  });
  return strings;
}

export const unescapeOoxml = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);
