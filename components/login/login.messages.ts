// Texts of <jxjy-login> (the captcha's come from shared/captcha.messages.ts).
import { mergeCatalogs, type Catalog } from '../i18n/messages.js';
import { captchaMessages } from '../shared/captcha.messages.js';

const zh = {
  username: '用户名',
  password: '密码',
  login: '登录',
  loginBusy: '登录中…',
  loginLocked: '登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试',
  registerPerson: '个人注册',
  registerOrg: '单位注册',
} as const;

const en = {
  username: 'Username',
  password: 'Password',
  login: 'Sign in',
  loginBusy: 'Signing in…',
  loginLocked: 'Too many failed sign-ins. The account is locked; try again in {minutes} minutes.',
  registerPerson: 'Register as an individual',
  registerOrg: 'Register an organisation',
} satisfies Record<keyof typeof zh, string>;

const own: Catalog<keyof typeof zh> = { 'zh-CN': zh, en };
export const loginMessages = mergeCatalogs(captchaMessages, own);
export type LoginKey = keyof typeof zh | keyof typeof captchaMessages.en;
