// The words of training classes and enrolments that several screens show (培训班报名, 我的报名, 培训班管理, the
// institution's inbox): class and enrolment statuses, seats, and which region a class is offered to. Typed by the
// events' own lists, so a new status without a label fails tsc.
import type { ClassStatus } from '../../events/class.js';
import type { EnrolmentStatus } from '../../events/enrolment.js';
import { fill, type Catalog, type Lang, type Params } from '../i18n/messages.js';
import { cityName } from './regions.js';

type Labels = { readonly [K in `class.${ClassStatus}` | `enrolment.${EnrolmentStatus}`]: string };

const zh = {
  'class.draft': '未发布',
  'class.accepting': '接受报名',
  'class.closed': '报名截止',
  'class.completed': '已结业',
  'enrolment.waitlisted': '候补中',
  'enrolment.pending': '待机构审核',
  'enrolment.approved': '报名成功',
  'enrolment.rejected': '未通过',
  'enrolment.cancelled': '已取消',
  'enrolment.completed': '已结业',
  'enrolment.missed': '缺勤',
  'enrolment.lapsed': '已失效',
  seatsLeft: '剩余 {left} 个名额',
  seatsFull: '名额已满',
  seatsOf: '共 {capacity} 个名额',
  waitlistCount: '候补 {count} 人',
  regionProvince: '全省',
  regionDistrict: '{city}（{code}）',
  regionWithCode: '{label}（{code}）',
} as const satisfies Labels & Record<string, string>;

const en = {
  'class.draft': 'Not published',
  'class.accepting': 'Accepting enrolment',
  'class.closed': 'Enrolment closed',
  'class.completed': 'Completed',
  'enrolment.waitlisted': 'On the waiting list',
  'enrolment.pending': 'Awaiting the institution',
  'enrolment.approved': 'Enrolled',
  'enrolment.rejected': 'Not accepted',
  'enrolment.cancelled': 'Cancelled',
  'enrolment.completed': 'Completed',
  'enrolment.missed': 'Absent',
  'enrolment.lapsed': 'Lapsed',
  seatsLeft: '{left} seat(s) left',
  seatsFull: 'Full',
  seatsOf: '{capacity} seats',
  waitlistCount: '{count} waiting',
  regionProvince: 'Whole province',
  regionDistrict: '{city} ({code})',
  regionWithCode: '{label} ({code})',
} satisfies Record<keyof typeof zh, string>;

export type ClassKey = keyof typeof zh;
export const classMessages: Catalog<ClassKey> = { 'zh-CN': zh, en };

/** A class or enrolment status in `lang`, or the value itself when the server sends one this build does not know. */
export function statusLabel(lang: Lang, kind: 'class' | 'enrolment', status: string): string {
  const texts: Readonly<Record<string, string>> = classMessages[lang];
  return texts[`${kind}.${status}`] ?? status;
}

const word = (lang: Lang, key: ClassKey, params?: Params) => fill(classMessages[lang][key], params);

/**
 * Who a class is offered to (DOMAIN.md): `XX0000` the whole province; any other code its whole city (the first four
 * digits), named when it is a Guangdong city's, with the code when it names a district.
 */
export function regionLabel(lang: Lang, code: string): string {
  if (/^\d{2}0000$/.test(code)) return word(lang, 'regionProvince');
  const city = cityName(lang, code);
  if (!city) return code;
  return code.endsWith('00') ? city : word(lang, 'regionDistrict', { city, code });
}

/** A region as people read it, always with its code (for whoever needs the exact code: the institution, a person's own unit). */
export function regionWithCode(lang: Lang, code: string): string {
  const label = regionLabel(lang, code);
  return label.includes(code) ? label : word(lang, 'regionWithCode', { label, code });
}

/** "剩余 3 个名额 · 共 30 个名额", or full, plus the waiting line when there is one. */
export function seatsText(lang: Lang, c: { capacity: number; seatsLeft: number; waitlisted: number }): string {
  const parts = [c.seatsLeft > 0 ? word(lang, 'seatsLeft', { left: c.seatsLeft }) : word(lang, 'seatsFull'), word(lang, 'seatsOf', { capacity: c.capacity })];
  if (c.waitlisted > 0) parts.push(word(lang, 'waitlistCount', { count: c.waitlisted }));
  return parts.join(' · ');
}
