// Texts for the problems the shared vocabulary (events/vocabulary) finds in a field: one wording per problem code,
// used by every form that checks that kind of field (shared/rules.ts).
import type { Catalog } from '../i18n/messages.js';

const zh = {
  usernameRules: '{min}–{max} 位字母、数字或 _ . -',
  usernameLength: '用户名应为 {min}–{max} 位',
  usernameCharacters: '用户名只能包含字母、数字及 _ . -',
  passwordRules: '至少 {min} 位，须同时包含字母和数字，不能与用户名相同，也不能是常见密码',
  passwordShort: '密码至少 {min} 位',
  passwordLong: '密码不能超过 {max} 位',
  passwordLettersDigits: '密码须同时包含字母和数字',
  passwordSameAsUsername: '密码不能与用户名相同',
  passwordSameAsCurrent: '新密码不能与当前密码相同',
  passwordCommon: '该密码过于常见，请换一个',
  passwordMismatch: '两次输入的密码不一致',
  idNumberFormat: '身份证号应为 18 位：前 17 位为数字，末位为数字或 X',
  idNumberBirthDate: '身份证号中的出生日期无效，请核对',
  idNumberChecksum: '身份证号校验位不正确，请核对',
  phoneInvalid: '{label}应为 11 位手机号或固定电话（如 020-12345678）',
  usccLength: '统一社会信用代码应为 18 位',
  usccChecksum: '统一社会信用代码校验位不正确，请核对',
  regionCodeInvalid: '行政区划代码应为 6 位数字',
  nameLength: '{label}应为 {min}–{max} 个字符',
  nameCharacters: '{label}不能包含控制字符、不可见字符或文字方向控制符',
  textCharacters: '{label}不能包含控制字符',
} as const;

const en = {
  usernameRules: '{min}–{max} letters, digits or _ . -',
  usernameLength: 'The username must be {min}–{max} characters',
  usernameCharacters: 'The username may contain only letters, digits, _ . and -',
  passwordRules: 'At least {min} characters with both letters and digits; not the username and not a common password',
  passwordShort: 'The password must be at least {min} characters',
  passwordLong: 'The password must be at most {max} characters',
  passwordLettersDigits: 'The password must contain both letters and digits',
  passwordSameAsUsername: 'The password must not be the username',
  passwordSameAsCurrent: 'The new password must differ from the current one',
  passwordCommon: 'This password is too common; choose another',
  passwordMismatch: 'The passwords do not match',
  idNumberFormat: 'The ID number must be 18 characters: 17 digits, then a digit or X',
  idNumberBirthDate: 'The birth date in the ID number is not a valid date',
  idNumberChecksum: 'The ID number’s check character is wrong; please check it',
  phoneInvalid: '{label} must be an 11-digit mobile number or a landline such as 020-12345678',
  usccLength: 'The unified social credit code must be 18 characters',
  usccChecksum: 'The unified social credit code’s check character is wrong; please check it',
  regionCodeInvalid: 'The region code must be 6 digits',
  nameLength: '{label} must be {min}–{max} characters',
  nameCharacters: '{label} must not contain control characters, invisible characters or text-direction overrides',
  textCharacters: '{label} must not contain control characters',
} satisfies Record<keyof typeof zh, string>;

export type RuleKey = keyof typeof zh;
export const ruleMessages: Catalog<RuleKey> = { 'zh-CN': zh, en };
