/**
 * Days as people in Guangdong count them: the calendar date in China Standard Time (UTC+8, no daylight saving).
 * A record that ends "on 2026-12-31" stops at midnight in Guangzhou, not at 08:00 the next morning. Pure.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM-DD of an instant (ISO text or Date) in China Standard Time. */
export const chinaDate = (instant: string | Date): string => new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The year of an instant in China Standard Time. */
export const chinaYear = (instant: string | Date): number => Number(chinaDate(instant).slice(0, 4));
