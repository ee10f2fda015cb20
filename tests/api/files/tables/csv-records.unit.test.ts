import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvRecords, type Delimiter } from '../../../../api/files/tables/csv-records.js';
import { TableReadError } from '../../../../api/files/tables/table-errors.js';

/** Parses text fed in the pieces given, as the decoder hands it over. */
function parse(pieces: string[], delimiter: Delimiter = ','): CsvRecord[] {
  const records = new CsvRecords(delimiter);
  return [...pieces.flatMap((piece) => records.push(piece)), ...records.end()];
}

/** Every way of cutting the text in two: a record must not depend on where a slice ends. */
function everySplit(text: string, delimiter: Delimiter = ','): CsvRecord[][] {
  return Array.from({ length: text.length + 1 }, (_, at) => parse([text.slice(0, at), text.slice(at)], delimiter));
}

describe('CsvRecords', () => {
  it('splits on commas and on CRLF or LF, and keeps a last line without a line break', () => {
    expect(parse(['身份证号,姓名\r\n440101199001011234,张三\n440101199001011235,李四'])).toEqual([
      { row: 1, fields: ['身份证号', '姓名'] },
      { row: 2, fields: ['440101199001011234', '张三'] },
      { row: 3, fields: ['440101199001011235', '李四'] },
    ]);
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes, and counts a record once whatever it spans', () => {
    const text = '项目名称,主办单位\r\n"讲座,第一期","广东省""继续教育""协会"\r\n"多行\r\n标题\n第三行",单位\r\n末行,x';
    expect(parse([text])).toEqual([
      { row: 1, fields: ['项目名称', '主办单位'] },
      { row: 2, fields: ['讲座,第一期', '广东省"继续教育"协会'] },
      { row: 3, fields: ['多行\r\n标题\n第三行', '单位'] },
      { row: 4, fields: ['末行', 'x'] },
    ]);
  });

  it('gives the same records however the text is cut into pieces', () => {
    const text = 'a,"b ""q"", c"\r\n"x\r\ny",\r\n\r\nlast\r';
    const whole = parse([text]);
    expect(whole).toEqual([
      { row: 1, fields: ['a', 'b "q", c'] },
      { row: 2, fields: ['x\r\ny', ''] },
      { row: 3, fields: [''] },
      { row: 4, fields: ['last'] },
    ]);
    for (const records of everySplit(text)) expect(records).toEqual(whole);
  });

  it('keeps empty lines and empty fields as records (the reader skips them, their numbers still count)', () => {
    expect(parse(['a,b\n\n,\n"",""\nc,d\n'])).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: [''] },
      { row: 3, fields: ['', ''] },
      { row: 4, fields: ['', ''] },
      { row: 5, fields: ['c', 'd'] },
    ]);
  });

  it('trims nothing but the CR of a line end: spaces, a lone CR, a CR inside quotes all stay', () => {
    expect(parse([' a , b \r\nx\ry,"z\r"\r\n'])).toEqual([
      { row: 1, fields: [' a ', ' b '] },
      { row: 2, fields: ['x\ry', 'z\r'] },
    ]);
  });

  it('reads stray quotes as Excel does: inside an unquoted field they are text, after a closing quote the rest joins the field', () => {
    expect(parse(['5" 寸,"引用"后缀,"a"\r"b"\n'])).toEqual([{ row: 1, fields: ['5" 寸', '引用后缀', 'a\r"b"'] }]);
  });

  it('splits on tabs when told to, leaving commas as text', () => {
    expect(parse(['身份证号\t项目名称\r\n440101199001011234\t讲座,第一期\r\n'], '\t')).toEqual([
      { row: 1, fields: ['身份证号', '项目名称'] },
      { row: 2, fields: ['440101199001011234', '讲座,第一期'] },
    ]);
  });

  it('refuses a quote that never closes, naming the row it opened in, rather than swallow the rest of the file', () => {
    const records = new CsvRecords(',');
    expect(records.push('a,b\r\nc,"d\r\ne,f\r\n')).toEqual([{ row: 1, fields: ['a', 'b'] }]);
    const error = (() => {
      try {
        records.end();
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(TableReadError);
    expect(error).toMatchObject({ problem: 'unclosed-quote', row: 2, text: { zh: '第 2 行开始的引号没有闭合' } });
  });

  it('reads nothing from nothing', () => {
    expect(parse([''])).toEqual([]);
    expect(parse([])).toEqual([]);
  });
});
