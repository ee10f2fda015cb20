// Texts of <jxjy-credit-summary>. Category labels are shared (shared/credit.messages.ts).
import type { Catalog } from '../i18n/messages.js';

const zh = {
  year: '年度',
  yearOption: '{year} 年',
  caption: '{year} 年度学时完成情况',
  category: '科目类别',
  required: '要求学时',
  completed: '已完成',
  missing: '尚缺',
  progress: '完成进度',
  progressOf: '{category}完成进度',
  total: '合计',
  eligible: '已完成 {year} 年度各科目的学时要求，可以申请打印年度证书。',
  notEligible: '尚未完成 {year} 年度的学时要求：',
  missingItem: '{category}还差 {hours} 学时',
  listSeparator: '；',
  excessNote: '某一科目超出的学时不能抵充其他科目。',
  asOf: '统计时间：{time}',
} as const;

const en = {
  year: 'Year',
  yearOption: '{year}',
  caption: 'Hours completed in {year}',
  category: 'Category',
  required: 'Required',
  completed: 'Completed',
  missing: 'Missing',
  progress: 'Progress',
  progressOf: 'Progress of {category}',
  total: 'Total',
  eligible: 'Every category of {year} is complete; you can ask for the year’s certificate.',
  notEligible: 'The requirements of {year} are not met yet:',
  missingItem: '{category}: {hours} hours missing',
  listSeparator: '; ',
  excessNote: 'Hours beyond one category never fill another.',
  asOf: 'As of {time}',
} satisfies Record<keyof typeof zh, string>;

export type CreditSummaryKey = keyof typeof zh;
export const creditSummaryMessages: Catalog<CreditSummaryKey> = { 'zh-CN': zh, en };
