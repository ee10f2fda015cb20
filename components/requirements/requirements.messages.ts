// Texts of <jxjy-requirements> (年度学时要求, set by the HR and social security department). Category labels are
// shared (shared/credit.messages.ts).
import type { Catalog } from '../i18n/messages.js';

const zh = {
  year: '年度',
  yearOption: '{year} 年',
  currentTitle: '{year} 年度学时要求',
  category: '科目类别',
  hours: '要求学时',
  total: '合计',
  defaults: '当前为默认要求：人社部门尚未设置 {year} 年度的学时要求。',
  setAt: '由人社部门设置于 {time}。',
  editTitle: '修改 {year} 年度学时要求',
  hoursHint: '以 0.5 学时为单位，不小于 0',
  totalLine: '合计：{total} 学时',
  totalUnknown: '合计：—（请先更正各类学时）',
  effectHint: '保存后立即生效：各人员该年度能否打印证书按新要求判断；已发放的证书不受影响。',
  save: '保存',
  saving: '保存中…',
  saved: '已保存 {year} 年度学时要求（合计 {total} 学时）。',
  hoursNumber: '{label}应为不小于 0 的数字，如 30 或 7.5',
  hoursStep: '{label}须以 0.5 学时为单位',
  hoursMax: '{label}不能超过 {max} 学时',
} as const;

const en = {
  year: 'Year',
  yearOption: '{year}',
  currentTitle: 'Required hours for {year}',
  category: 'Category',
  hours: 'Required hours',
  total: 'Total',
  defaults: 'These are the defaults: the department has not set requirements for {year}.',
  setAt: 'Set by the department on {time}.',
  editTitle: 'Change the requirements for {year}',
  hoursHint: 'In steps of 0.5 hours, not below 0',
  totalLine: 'Total: {total} hours',
  totalUnknown: 'Total: — (correct the hours first)',
  effectHint: 'Takes effect at once: whether people can print the year’s certificate is judged by the new requirement; certificates already issued are not affected.',
  save: 'Save',
  saving: 'Saving…',
  saved: 'The requirements for {year} are saved ({total} hours in total).',
  hoursNumber: '{label} must be a number not below 0, such as 30 or 7.5',
  hoursStep: '{label} must be in steps of 0.5 hours',
  hoursMax: '{label} must be at most {max} hours',
} satisfies Record<keyof typeof zh, string>;

export type RequirementsKey = keyof typeof zh;
export const requirementsMessages: Catalog<RequirementsKey> = { 'zh-CN': zh, en };
