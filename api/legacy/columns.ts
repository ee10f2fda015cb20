/**
 * The old system's columns (CONTRACT.md Old-system history): each field by its Chinese or English header name, as
 * the old system's exports and people retyping them write it — 身份证号 or idNumber, 公需 or 公需科目 or public. Header
 * cells are matched trimmed, without spaces, case-insensitively; a header may name a field once.
 */
import type { LegacyKind } from '../../events/legacy.js';

export interface Column {
  field: string;
  /** The name people know it by, for messages (the first of its Chinese names). */
  label: { zh: string; en: string };
  names: string[];
  required: boolean;
}

const column = (field: string, zh: string, en: string, names: string[], required = true): Column => ({ field, label: { zh, en }, names: [zh, field, ...names], required });

export const COLUMNS: Record<LegacyKind, Column[]> = {
  records: [
    column('idNumber', '身份证号', 'ID number', ['身份证号码', '证件号码', 'id_number', 'idno']),
    column('name', '姓名', 'Name', []),
    column('year', '年度', 'Year', ['年份', '学时年度']),
    column('category', '类别', 'Category', ['科目类别', '学时类别', '科目']),
    column('title', '项目名称', 'Title', ['课程名称', '培训项目', '名称']),
    column('hours', '学时', 'Hours', ['学时数', '认定学时']),
    column('organizer', '主办单位', 'Organizer', ['举办单位', '施教机构'], false),
    column('reviewedBy', '审核单位', 'Reviewed by', ['审核机构', '认定单位'], false),
    column('reviewedAt', '审核日期', 'Reviewed on', ['审核时间', '认定日期'], false),
  ],
  certificates: [
    column('idNumber', '身份证号', 'ID number', ['身份证号码', '证件号码', 'id_number', 'idno']),
    column('name', '姓名', 'Name', []),
    column('year', '年度', 'Year', ['年份', '证书年度']),
    column('certificateNo', '证书编号', 'Certificate number', ['证书号', '证书号码', 'certificate_no']),
    column('public', '公需', 'Public', ['公需科目', '公需学时', '公需科目学时']),
    column('professional', '专业', 'Professional', ['专业科目', '专业学时', '专业科目学时']),
    column('elective', '选修', 'Elective', ['选修科目', '选修学时', '选修科目学时']),
    column('total', '总学时', 'Total', ['合计', '合计学时', '学时合计', '总计']),
    column('issuedAt', '发证日期', 'Issued on', ['发证时间', '颁发日期']),
    column('issuer', '发证机构', 'Issuer', ['发证单位', '发证机关'], false),
  ],
};

const squash = (text: string) => text.replace(/[\s\u3000_]/g, '').toLowerCase();

export interface HeaderMap {
  /** field → the cell index it is read from. */
  at: Record<string, number>;
  missing: Column[];
}

/** Which cell holds each field; the required fields no header cell names. */
export function mapHeader(kind: LegacyKind, header: Array<string | number | null>): HeaderMap {
  const cells = header.map((cell) => (typeof cell === 'string' ? squash(cell.replace(/^\uFEFF/, '')) : ''));
  const at: Record<string, number> = {};
  for (const col of COLUMNS[kind]) {
    const wanted = new Set(col.names.map(squash));
    const index = cells.findIndex((cell) => wanted.has(cell));
    if (index >= 0) at[col.field] = index;
  }
  return { at, missing: COLUMNS[kind].filter((col) => col.required && at[col.field] === undefined) };
}

export const labelOf = (kind: LegacyKind, field: string) => COLUMNS[kind].find((c) => c.field === field)?.label ?? { zh: field, en: field };
