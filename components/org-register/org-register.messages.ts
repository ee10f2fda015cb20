// Texts of <jxjy-org-register> (the captcha's and the field rules' come from shared/).
import { mergeCatalogs, type Catalog } from '../i18n/messages.js';
import { captchaMessages } from '../shared/captcha.messages.js';

const zh = {
  orgKind: '注册类型',
  orgKindUnit: '法人单位',
  orgKindInstitution: '施教机构',
  orgSection: '单位信息',
  orgName: '单位名称',
  institutionName: '机构名称',
  uscc: '统一社会信用代码',
  usccHint: '18 位，由数字和大写字母组成',
  regionCode: '行政区划代码',
  regionCodeHint: '广东省内的 6 位代码，如 440100（广州市）',
  contactSection: '联系人',
  contactName: '联系人姓名',
  contactPhone: '联系电话',
  reviewerSection: '审核人账号',
  reviewerUsername: '审核人用户名',
  reviewerPassword: '审核人密码',
  reviewerPasswordConfirm: '确认密码',
  orgRegisterSubmit: '提交注册',
  orgSubmitted: '已提交，等待人社部门审核',
  orgSubmittedDetail: '申请编号：{orgId}。审核通过后，请使用审核人账号 {username} 登录办理业务。',
  backToLogin: '返回登录',
} as const;

const en = {
  orgKind: 'Registering as',
  orgKindUnit: 'Employer unit',
  orgKindInstitution: 'Teaching institution',
  orgSection: 'Organisation',
  orgName: 'Unit name',
  institutionName: 'Institution name',
  uscc: 'Unified social credit code',
  usccHint: '18 characters: digits and capital letters',
  regionCode: 'Region code',
  regionCodeHint: 'A 6-digit Guangdong code, e.g. 440100 (Guangzhou)',
  contactSection: 'Contact',
  contactName: 'Contact name',
  contactPhone: 'Contact phone',
  reviewerSection: 'Reviewer account',
  reviewerUsername: 'Reviewer username',
  reviewerPassword: 'Reviewer password',
  reviewerPasswordConfirm: 'Confirm password',
  orgRegisterSubmit: 'Submit registration',
  orgSubmitted: 'Submitted; awaiting approval',
  orgSubmittedDetail: 'Application number: {orgId}. Once approved, sign in with the reviewer account {username}.',
  backToLogin: 'Back to sign-in',
} satisfies Record<keyof typeof zh, string>;

const own: Catalog<keyof typeof zh> = { 'zh-CN': zh, en };
export const orgRegisterMessages = mergeCatalogs(captchaMessages, own);
export type OrgRegisterKey = keyof typeof zh | keyof typeof captchaMessages.en;
