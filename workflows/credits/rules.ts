/**
 * The declaration rules (DOMAIN.md Credit categories and hours), judged on the workflow clock: a year not in the
 * future and not before the first declarable year; dates inside the year, start ≤ end; hours > 0 in steps of 0.5 and
 * at most 8 per calendar day of the range. Pure; each broken rule names its field.
 */
import type { CreditDeclaration } from '../../events/credit.js';
import { invalidInput } from '../kit/domain-errors.js';
import type { DeclarationRules } from './messages.js';
import { chinaDate, chinaYear } from '../../events/vocabulary/calendar.js';

const DAY_MS = 86_400_000;
export const MAX_HALF_HOURS_PER_DAY = 16;

export function checkDeclaration(declaration: CreditDeclaration, rules: DeclarationRules, now: string): void {
  const { year, startDate, endDate, halfHours } = declaration;
  const thisYear = chinaYear(now);
  if (!Number.isInteger(year) || year > thisYear) {
    throw invalidInput('year', { zh: `年度不能晚于今年（${thisYear}）`, en: `the year cannot be later than this year (${thisYear})` });
  }
  if (year < rules.firstYear) {
    throw invalidInput('year', {
      zh: `${rules.firstYear} 年以前的学时请在“历史数据”中查询，不能在本系统申报`,
      en: `years before ${rules.firstYear} come from the old system's history and cannot be declared here`,
    });
  }
  if (!startDate.startsWith(`${year}-`)) throw invalidInput('startDate', { zh: `开始日期必须在 ${year} 年内`, en: `the start date must be in ${year}` });
  if (!endDate.startsWith(`${year}-`)) throw invalidInput('endDate', { zh: `结束日期必须在 ${year} 年内`, en: `the end date must be in ${year}` });
  if (endDate < startDate) throw invalidInput('endDate', { zh: '结束日期不能早于开始日期', en: 'the end date cannot be before the start date' });
  if (endDate > chinaDate(now)) throw invalidInput('endDate', { zh: '结束日期不能晚于今天', en: 'the end date cannot be in the future' });
  if (!Number.isInteger(halfHours) || halfHours <= 0) {
    throw invalidInput('hours', { zh: '学时必须大于 0，且以 0.5 为单位', en: 'hours must be more than 0, in steps of 0.5' });
  }
  const days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS) + 1;
  if (halfHours > days * MAX_HALF_HOURS_PER_DAY) {
    throw invalidInput('hours', {
      zh: `每天最多 8 学时：${days} 天最多 ${days * 8} 学时`,
      en: `at most 8 hours a day: ${days} day(s) allow at most ${days * 8} hours`,
    });
  }
}
