/**
 * One row of an old-system export, checked and normalised (CONTRACT.md Old-system history): the ID number's GB 11643
 * checksum, a year before the first declarable one, the old system's category names, hours above zero in half-hour
 * steps, a certificate's total equal to its parts, dates as Excel serial numbers or written out. A row that fails is
 * refused alone, with the column and the reason; a row that passes gets its row key — a hash of what it says — so the
 * same row imported again is recognised.
 */
import crypto from 'node:crypto';
import type { CreditCategory } from '../../events/credit.js';
import type { LegacyCertificate, LegacyKind, LegacyRecord, LegacyRowError } from '../../events/legacy.js';
import { PERSON_NAME, idNumberProblem, nameProblem, normalizeIdNumber, textProblem } from '../../events/vocabulary/index.js';
import { labelOf } from './columns.js';

export type Cell = string | number | null;

/** A data row as read: its number in the file, and its cells by field. */
export interface RawRow {
  row: number;
  values: Record<string, Cell>;
}

export type CheckedRow<T> = { ok: true; value: T } | { ok: false; error: LegacyRowError };

class RowProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: { zh: string; en: string },
  ) {
    super(problem.en);
  }
}

const CATEGORY_NAMES: Record<string, CreditCategory> = {
  公需科目: 'public', 公需: 'public', public: 'public',
  专业科目: 'professional', 专业: 'professional', 专业技术科目: 'professional', professional: 'professional',
  选修科目: 'elective', 选修: 'elective', elective: 'elective',
};

const text = (cell: Cell): string => (cell === null ? '' : String(cell)).trim();

function required(kind: LegacyKind, values: Record<string, Cell>, field: string): string {
  const value = text(values[field] ?? null);
  if (!value) {
    const { zh, en } = labelOf(kind, field);
    throw new RowProblem(field, { zh: `缺少${zh}`, en: `${en} is missing` });
  }
  return value;
}

function freeText(kind: LegacyKind, values: Record<string, Cell>, field: string, max: number, mandatory: boolean): string | null {
  const value = mandatory ? required(kind, values, field) : text(values[field] ?? null);
  if (!value) return null;
  const { zh, en } = labelOf(kind, field);
  if (textProblem(value)) throw new RowProblem(field, { zh: `${zh}含有控制字符或文字方向控制符`, en: `${en} contains control or text-direction characters` });
  if ([...value].length > max) throw new RowProblem(field, { zh: `${zh}不能超过 ${max} 个字`, en: `${en} may be at most ${max} characters` });
  return value;
}

function idNumber(kind: LegacyKind, values: Record<string, Cell>): string {
  const value = normalizeIdNumber(required(kind, values, 'idNumber'));
  const problem = idNumberProblem(value);
  if (problem === 'checksum') throw new RowProblem('idNumber', { zh: '身份证号校验位不正确', en: 'the ID number’s check digit is wrong' });
  if (problem) throw new RowProblem('idNumber', { zh: '身份证号不是有效的 18 位号码', en: 'the ID number is not a valid 18-character number' });
  return value;
}

function personName(kind: LegacyKind, values: Record<string, Cell>): string {
  const value = required(kind, values, 'name');
  const length = [...value].length;
  if (nameProblem(value) || length < PERSON_NAME.min || length > PERSON_NAME.max) {
    throw new RowProblem('name', { zh: '姓名不正确', en: 'the name is not a valid name' });
  }
  return value;
}

function year(kind: LegacyKind, values: Record<string, Cell>, firstDeclarableYear: number): number {
  const raw = required(kind, values, 'year').replace(/年$/, '');
  const value = Number(raw);
  if (!/^\d{4}$/.test(raw) || value < 1980) throw new RowProblem('year', { zh: '年度应为四位数字，如 2018', en: 'the year must be four digits, such as 2018' });
  if (value >= firstDeclarableYear) {
    throw new RowProblem('year', {
      zh: `年度须早于 ${firstDeclarableYear} 年：此后的学时在本系统申报`,
      en: `the year must be before ${firstDeclarableYear}: later hours are declared in this system`,
    });
  }
  return value;
}

/** Hours in half-hour steps as half-hours; `positive` refuses zero. */
function halfHours(kind: LegacyKind, values: Record<string, Cell>, field: string, positive: boolean): number {
  const cell = values[field] ?? null;
  const raw = typeof cell === 'number' ? cell : Number(required(kind, values, field));
  const { zh, en } = labelOf(kind, field);
  if (!Number.isFinite(raw) || raw < 0 || (positive && raw === 0)) {
    throw new RowProblem(field, { zh: `${zh}应为${positive ? '大于 0 ' : '不小于 0 '}的数字`, en: `${en} must be a number ${positive ? 'above' : 'of at least'} 0` });
  }
  if (!Number.isInteger(raw * 2) || raw > 10_000) throw new RowProblem(field, { zh: `${zh}应以 0.5 学时为单位`, en: `${en} must be in steps of 0.5` });
  return raw * 2;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as an Excel serial number (1900 date system) or written out: 2018-06-01, 2018/6/1, 2018.6.1, 2018年6月1日. */
export function legacyDate(cell: Cell): string | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return null;
    return new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10);
  }
  const value = text(cell);
  if (/^\d+(\.\d+)?$/.test(value)) return legacyDate(Number(value));
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

function date(kind: LegacyKind, values: Record<string, Cell>, field: string, mandatory: boolean): string | null {
  const cell = values[field] ?? null;
  if (text(cell) === '') return mandatory ? required(kind, values, field) : null; // required() throws: it is missing
  const value = legacyDate(cell);
  if (!value) {
    const { zh, en } = labelOf(kind, field);
    throw new RowProblem(field, { zh: `${zh}不是有效日期`, en: `${en} is not a valid date` });
  }
  return value;
}

const rowKey = (kind: LegacyKind, parts: Array<string | number | null>) => crypto.createHash('sha256').update(JSON.stringify([kind, ...parts])).digest('hex');

function checked<T>(raw: RawRow, check: () => T): CheckedRow<T> {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { ok: false, error: { row: raw.row, field: error.field, message: error.problem } };
  }
}

export function checkRecordRow(raw: RawRow, firstDeclarableYear: number): CheckedRow<LegacyRecord> {
  return checked(raw, () => {
    const v = raw.values;
    const record = {
      idNumber: idNumber('records', v),
      name: personName('records', v),
      year: year('records', v, firstDeclarableYear),
      category: (() => {
        const name = required('records', v, 'category').replace(/\s/g, '');
        const category = CATEGORY_NAMES[name] ?? CATEGORY_NAMES[name.toLowerCase()];
        if (!category) throw new RowProblem('category', { zh: '类别应为公需科目、专业科目或选修科目', en: 'the category must be 公需科目, 专业科目 or 选修科目 (public, professional, elective)' });
        return category;
      })(),
      title: freeText('records', v, 'title', 200, true)!,
      halfHours: halfHours('records', v, 'hours', true),
      organizer: freeText('records', v, 'organizer', 100, false),
      reviewedBy: freeText('records', v, 'reviewedBy', 100, false),
      reviewedAt: date('records', v, 'reviewedAt', false),
    };
    const key = rowKey('records', [record.idNumber, record.year, record.category, record.title, record.halfHours, record.organizer, record.reviewedAt]);
    return { rowKey: key, ...record };
  });
}

/** A certificate row, without the verification code jxjy gives it when it is imported. */
export function checkCertificateRow(raw: RawRow, firstDeclarableYear: number): CheckedRow<Omit<LegacyCertificate, 'verificationCode'>> {
  return checked(raw, () => {
    const v = raw.values;
    const idNo = idNumber('certificates', v);
    const name = personName('certificates', v);
    const y = year('certificates', v, firstDeclarableYear);
    const certificateNo = freeText('certificates', v, 'certificateNo', 64, true)!;
    const parts = {
      public: halfHours('certificates', v, 'public', false),
      professional: halfHours('certificates', v, 'professional', false),
      elective: halfHours('certificates', v, 'elective', false),
    };
    const total = halfHours('certificates', v, 'total', true);
    if (parts.public + parts.professional + parts.elective !== total) {
      throw new RowProblem('total', {
        zh: `总学时 ${total / 2} 不等于公需、专业、选修之和 ${(parts.public + parts.professional + parts.elective) / 2}`,
        en: `the total ${total / 2} is not the sum of public, professional and elective (${(parts.public + parts.professional + parts.elective) / 2})`,
      });
    }
    const issuedAt = date('certificates', v, 'issuedAt', true)!;
    const issuer = freeText('certificates', v, 'issuer', 100, false);
    return { rowKey: rowKey('certificates', [idNo, certificateNo]), idNumber: idNo, name, year: y, certificateNo, halfHours: parts, issuedAt, issuer };
  });
}
