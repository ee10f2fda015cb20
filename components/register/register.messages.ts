// Texts of <jxjy-register> (the captcha's and the field rules' come from shared/).
import { mergeCatalogs, type Catalog } from '../i18n/messages.js';
import { captchaMessages } from '../shared/captcha.messages.js';

const zh = {
  personSection: '个人信息',
  name: '姓名',
  idNumber: '身份证号',
  idNumberHint: '18 位居民身份证号码，末位可为 X',
  phone: '手机号码',
  phoneHint: '选填；11 位手机号或固定电话（如 020-12345678）',
  accountSection: '账号信息',
  username: '用户名',
  password: '密码',
  passwordConfirm: '确认密码',
  registerSubmit: '注册',
  registered: '注册成功',
  registeredDetail: '您的用户名是 {username}。请使用该用户名和刚才设置的密码登录；首次登录须修改密码。',
  goToLogin: '去登录',
} as const;

const en = {
  personSection: 'Personal details',
  name: 'Full name',
  idNumber: 'ID number',
  idNumberHint: 'Your 18-character resident ID number; the last character may be X',
  phone: 'Mobile phone',
  phoneHint: 'Optional; an 11-digit mobile number or a landline such as 020-12345678',
  accountSection: 'Account',
  username: 'Username',
  password: 'Password',
  passwordConfirm: 'Confirm password',
  registerSubmit: 'Register',
  registered: 'Registration complete',
  registeredDetail: 'Your username is {username}. Sign in with it and the password you just set; you will change the password at your first sign-in.',
  goToLogin: 'Go to sign-in',
} satisfies Record<keyof typeof zh, string>;

const own: Catalog<keyof typeof zh> = { 'zh-CN': zh, en };
export const registerMessages = mergeCatalogs(captchaMessages, own);
export type RegisterKey = keyof typeof zh | keyof typeof captchaMessages.en;
