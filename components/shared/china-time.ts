// Moments as auditors and people in Guangdong read them: the date and time in China Standard Time (UTC+8, no daylight
// saving) whatever the reader's computer is set to, and a date-time typed in China time as the instant it names.
// Arithmetic on the offset, as events/vocabulary/calendar.ts counts days, so every browser shows the same text.
import { html } from 'lit';
import type { Lang } from '../i18n/messages.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const ZONE: Readonly<Record<Lang, string>> = { 'zh-CN': '北京时间', en: 'China time' };

/** `YYYY-MM-DD HH:mm:ss` of an instant in China Standard Time; undefined when it is no instant. */
export function chinaDateTime(iso: string): string | undefined {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The zone's name in the reader's language, for a caption or a label ("时间（北京时间）"). */
export const chinaZone = (lang: Lang): string => ZONE[lang];

/** A `<time>` with the instant as its datetime and the China time as its text (the raw value if it is no instant). */
export function chinaMoment(iso: string) {
  return html`<time datetime=${iso}>${chinaDateTime(iso) ?? iso}</time>`;
}

/** The instant a `datetime-local` value (`YYYY-MM-DDTHH:mm[:ss]`) names in China time, as ISO; undefined if malformed. */
export function fromChinaLocal(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const at = Date.parse(`${match[1]}T${match[2]}${match[3] ?? ':00'}+08:00`);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}
