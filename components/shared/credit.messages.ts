// The words of credit records that several screens show (学时申报, 学时汇总, the reviewer's inbox): categories,
// learning modes, statuses, history steps and who took them. Typed by the events' own lists, so a new category or
// mode without a label fails tsc.
import type { CreditCategory, CreditMode, CreditStatus } from '../../events/credit.js';
import type { CreditHistoryEvent } from '../api/types.js';
import type { Catalog, Lang } from '../i18n/messages.js';

type Labels = {
  readonly [K in `category.${CreditCategory}` | `mode.${CreditMode}` | `status.${CreditStatus}` | `history.${CreditHistoryEvent}`]: string;
};

const zh = {
  'category.public': '公需科目',
  'category.professional': '专业科目',
  'category.elective': '选修科目',
  'mode.training': '培训',
  'mode.conference': '学术会议',
  'mode.distance': '远程教育',
  'mode.practice': '实践进修',
  'mode.other': '其他',
  'status.draft': '草稿',
  'status.submitted': '待单位审核',
  'status.approved': '已通过',
  'status.rejected': '已驳回',
  'status.revoked': '已撤销',
  'history.drafted': '填写申报',
  'history.edited': '修改',
  'history.submitted': '确认送审',
  'history.withdrawn': '撤回',
  'history.approved': '单位审核通过',
  'history.rejected': '单位驳回',
  'history.revoked': '人社部门撤销',
  'role.person': '本人',
  'role.unit': '单位审核人',
  'role.institution': '施教机构',
  'role.admin': '人社部门',
  'role.auditor': '审计人员',
  'role.system': '系统',
  hoursValue: '{hours} 学时',
  dateRange: '{start} 至 {end}',
} as const satisfies Labels & Record<string, string>;

const en = {
  'category.public': 'Public',
  'category.professional': 'Professional',
  'category.elective': 'Elective',
  'mode.training': 'Training',
  'mode.conference': 'Conference',
  'mode.distance': 'Distance learning',
  'mode.practice': 'Practice',
  'mode.other': 'Other',
  'status.draft': 'Draft',
  'status.submitted': 'Awaiting the unit',
  'status.approved': 'Approved',
  'status.rejected': 'Rejected',
  'status.revoked': 'Revoked',
  'history.drafted': 'Declared',
  'history.edited': 'Edited',
  'history.submitted': 'Submitted',
  'history.withdrawn': 'Withdrawn',
  'history.approved': 'Approved by the unit',
  'history.rejected': 'Rejected by the unit',
  'history.revoked': 'Revoked by the department',
  'role.person': 'You',
  'role.unit': 'Unit reviewer',
  'role.institution': 'Institution',
  'role.admin': 'Department',
  'role.auditor': 'Auditor',
  'role.system': 'System',
  hoursValue: '{hours} h',
  dateRange: '{start} to {end}',
} satisfies Record<keyof typeof zh, string>;

export type CreditKey = keyof typeof zh;
export const creditMessages: Catalog<CreditKey> = { 'zh-CN': zh, en };

/** A label of the list `prefix` for `value`, or the value itself when the server sends one this build does not know. */
export function creditLabel(lang: Lang, prefix: 'category' | 'mode' | 'status' | 'history' | 'role', value: string | undefined): string {
  const texts: Readonly<Record<string, string>> = creditMessages[lang];
  return (value && texts[`${prefix}.${value}`]) || value || '';
}

/** Hours as people write them: 7.5, never 7.50 or 7.499999. */
export const formatHours = (lang: Lang, hours: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(hours);
