/**
 * RFC 4180 records from text that arrives in pieces: fields separated by a comma (or a tab), records by CRLF or LF,
 * a field in double quotes may hold separators, line breaks and "" for a quote. Where the RFC is silent this follows
 * Excel, whose files these are: a quote inside an unquoted field is text, text after a closing quote joins the field,
 * a CR alone is text. A record's row is the row Excel shows it on: the records before it plus one, however many lines
 * its quoted fields span. Nothing is trimmed but the CR of a CRLF (and of a last line that ends in a CR).
 */
import { unclosedQuote } from './table-errors.js';

export type Delimiter = ',' | '\t';

export interface CsvRecord {
  row: number;
  fields: string[];
}

type State =
  /** At the start of a field. */
  | 'field'
  | 'unquoted'
  | 'quoted'
  /** A quote inside a quoted field: "" if another quote follows, else the field's end. */
  | 'quote';

export class CsvRecords {
  private state: State = 'field';
  private fields: string[] = [];
  private text = '';
  /** A CR outside quotes, held until the next character tells a line end (CRLF) from text. */
  private carriageReturn = false;
  /** Whether anything of the current record has been read: a file's last line needs no line break. */
  private started = false;
  private row = 1;

  constructor(private readonly delimiter: Delimiter) {}

  /** The records the text completes. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (this.carriageReturn) {
        this.carriageReturn = false;
        if (char === '\n') {
          records.push(this.endRecord());
          continue;
        }
        this.text += '\r';
        if (this.state === 'field' || this.state === 'quote') this.state = 'unquoted';
      }
      this.started = true;
      switch (this.state) {
        case 'quoted':
          if (char === '"') this.state = 'quote';
          else this.text += char;
          break;
        case 'quote':
          if (char === '"') {
            this.text += '"';
            this.state = 'quoted';
          } else this.outside(char, records);
          break;
        case 'field':
          if (char === '"') this.state = 'quoted';
          else this.outside(char, records);
          break;
        case 'unquoted':
          this.outside(char, records);
          break;
        default:
          this.state satisfies never;
      }
    }
    return records;
  }

  /** The last record, when the text does not end with a line break. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') throw unclosedQuote(this.row);
    this.carriageReturn = false;
    return this.started ? [this.endRecord()] : [];
  }

  /** A character outside quotes. */
  private outside(char: string, records: CsvRecord[]): void {
    if (char === this.delimiter) {
      this.fields.push(this.text);
      this.text = '';
      this.state = 'field';
    } else if (char === '\n') {
      records.push(this.endRecord());
    } else if (char === '\r') {
      this.carriageReturn = true;
    } else {
      this.text += char;
      this.state = 'unquoted';
    }
  }

  private endRecord(): CsvRecord {
    this.fields.push(this.text);
    const record = { row: this.row++, fields: this.fields };
    this.fields = [];
    this.text = '';
    this.state = 'field';
    this.started = false;
    return record;
  }
}
