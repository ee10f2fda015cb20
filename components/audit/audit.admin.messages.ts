// Texts of <jxjy-audit>'s admin parts: 访问记录 (who read what through the audit routes) and 审计账号 (creating an
// auditor or another admin, with the one-time password shown once).
import type { Catalog } from '../i18n/messages.js';

const zh = {
  'access.intro': '审计人员和管理员通过审计接口的每一次读取（查看日志、校验、重放、记录时间线）都记录在此，最新在前。',
  'access.accountId': '账号编号',
  'access.accountIdHint': '只看这一个账号的读取',
  'access.apply': '筛选',
  'access.applying': '筛选中…',
  'access.clear': '清除筛选',
  'access.caption': '访问记录（最新在前，已显示 {count} 条）',
  'access.empty': '没有访问记录。',
  'access.account': '账号',
  'access.role': '角色',
  'access.request': '读取内容',
  'access.query': '查询参数',
  'staff.intro': '为审计人员（或另一位管理员）创建账号。系统生成一次性初始密码，只显示一次；账号首次登录时须修改密码。',
  'staff.formTitle': '创建审计账号',
  'staff.username': '用户名',
  'staff.name': '姓名',
  'staff.role': '角色',
  'staff.role.auditor': '审计人员',
  'staff.role.admin': '人社部门管理员',
  'staff.create': '创建账号',
  'staff.creating': '创建中…',
  'staff.createdTitle': '已创建账号 {username}（{role}）',
  'staff.password': '初始密码',
  'staff.copyPassword': '复制初始密码',
  'staff.once': '此初始密码只显示这一次，关闭后无法再次查看。请通过安全渠道交给本人；首次登录须修改密码。',
  'staff.dismiss': '我已转交，关闭',
} as const;

export type AuditAdminKey = keyof typeof zh;

const en = {
  'access.intro': 'Every read an auditor or administrator made through the audit routes (the log, checks, replays, timelines) is kept here, newest first.',
  'access.accountId': 'Account id',
  'access.accountIdHint': 'Only this account’s reads',
  'access.apply': 'Filter',
  'access.applying': 'Filtering…',
  'access.clear': 'Clear the filter',
  'access.caption': 'Access log, newest first ({count} shown)',
  'access.empty': 'No reads recorded.',
  'access.account': 'Account',
  'access.role': 'Role',
  'access.request': 'What was read',
  'access.query': 'Query',
  'staff.intro': 'Creates an account for an auditor (or another administrator). The system makes a one-time password, shown once; the account changes it at first sign-in.',
  'staff.formTitle': 'Create a staff account',
  'staff.username': 'Username',
  'staff.name': 'Name',
  'staff.role': 'Role',
  'staff.role.auditor': 'Auditor',
  'staff.role.admin': 'Administrator',
  'staff.create': 'Create the account',
  'staff.creating': 'Creating…',
  'staff.createdTitle': 'Account {username} created ({role})',
  'staff.password': 'One-time password',
  'staff.copyPassword': 'Copy the one-time password',
  'staff.once': 'This password is shown only this once and cannot be seen again after closing. Hand it over safely; it must be changed at first sign-in.',
  'staff.dismiss': 'Handed over — close',
} satisfies Record<AuditAdminKey, string>;

export const auditAdminMessages: Catalog<AuditAdminKey> = { 'zh-CN': zh, en };
