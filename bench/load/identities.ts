/**
 * Made-up but valid people and organisations for a load run: usernames, GB 11643 ID numbers and GB 32100 credit codes
 * with their check characters, Chinese names, dates a declaration accepts, and a distinct small PDF per record (a
 * record refuses the same file twice). Random enough that runs against the same system never collide.
 */
import crypto from 'node:crypto';
import { chinaDate } from '../../events/vocabulary/calendar.js';
import { idNumberCheckChar } from '../../events/vocabulary/index.js';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '欧阳'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];

export const username = (prefix: string) => `${prefix}_${crypto.randomBytes(5).toString('hex')}`;

export const personName = () => `${SURNAMES[crypto.randomInt(SURNAMES.length)]}${GIVEN[crypto.randomInt(GIVEN.length)]}`;

export function uscc(): string {
  const body = Array.from(crypto.randomBytes(17), (b) => USCC_CHARS[b % 31]).join('');
  const sum = [...body].reduce((acc, c, i) => acc + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i]!, 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Guangzhou districts, a birth date between 1960 and 2000, a random sequence: about 10^8 possibilities. */
export function idNumber(): string {
  const district = ['440103', '440104', '440105', '440106', '440111', '440112'][crypto.randomInt(6)]!;
  const day = new Date(Date.UTC(1960, 0, 1) + crypto.randomInt(0, 14_600) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `${district}${day}${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** Today in Guangzhou (declarations and classes are judged on China Standard Time). */
export const chinaToday = () => chinaDate(new Date());

/** A day of `year` that a declaration accepts: inside the year and not after today. */
export function declarableDay(year: number): string {
  const today = chinaToday();
  const last = year === Number(today.slice(0, 4)) ? Date.parse(`${today}T00:00:00Z`) : Date.UTC(year, 11, 31);
  const first = Date.UTC(year, 0, 1);
  return new Date(first + crypto.randomInt(0, Math.floor((last - first) / 86_400_000) + 1) * 86_400_000).toISOString().slice(0, 10);
}

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A minimal PDF whose bytes are unique, so each record's evidence is a file of its own. */
export function evidencePdf(): { bytes: Uint8Array<ArrayBuffer>; sha256: string } {
  const text = `%PDF-1.4\n% jxjy load ${crypto.randomUUID()}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  const bytes = Uint8Array.from(Buffer.from(text, 'latin1'));
  return { bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** Half-hours from 1 (0.5 学时) to 16 (8 学时): one day's worth at most. */
export const oneDayHalfHours = () => crypto.randomInt(1, 17);
