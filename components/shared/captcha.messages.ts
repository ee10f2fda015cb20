// Texts of the captcha field (shared/captcha.ts), merged into the catalogs of the screens that show it.
import type { Catalog } from '../i18n/messages.js';

const zh = {
  captcha: '验证码',
  captchaImageAlt: '验证码图片',
  captchaRefresh: '换一张',
  captchaLoadFailed: '验证码加载失败，请点击“换一张”重试',
} as const;

const en = {
  captcha: 'Verification code',
  captchaImageAlt: 'Verification code image',
  captchaRefresh: 'Refresh',
  captchaLoadFailed: 'The verification code could not be loaded. Choose “Refresh” to try again.',
} satisfies Record<keyof typeof zh, string>;

export type CaptchaKey = keyof typeof zh;
export const captchaMessages: Catalog<CaptchaKey> = { 'zh-CN': zh, en };
