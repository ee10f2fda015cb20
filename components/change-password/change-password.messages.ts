// Texts of <jxjy-change-password> (the password rules' come from shared/rules.messages.ts).
import type { Catalog } from '../i18n/messages.js';

const zh = {
  currentPassword: '当前密码',
  newPassword: '新密码',
  confirmPassword: '确认新密码',
  firstLoginNotice: '为了您的账户安全，首次登录须修改密码后才能继续使用系统。',
  changePasswordSubmit: '确认修改',
  passwordChanged: '密码已修改',
} as const;

const en = {
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
  firstLoginNotice: 'For your account’s security, change your password before using the system for the first time.',
  changePasswordSubmit: 'Change password',
  passwordChanged: 'Your password has been changed',
} satisfies Record<keyof typeof zh, string>;

export type ChangePasswordKey = keyof typeof zh;
export const changePasswordMessages: Catalog<ChangePasswordKey> = { 'zh-CN': zh, en };
