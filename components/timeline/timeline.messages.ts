// Texts of <jxjy-timeline> (操作记录: one subject's tamper-evident history). The entries' summaries come from the
// server, already in the reader's language.
import type { Catalog } from '../i18n/messages.js';

const zh = {
  toggle: '查看记录',
  toggleOf: '查看记录：{label}',
  listLabel: '操作记录',
  listLabelOf: '{label}的操作记录',
  intro: '每条记录都与前一条以哈希相连，事后的任何改动都会在此显示。',
  chainValid: '链完整',
  chainValidDetail: '共 {count} 条记录，哈希链校验通过。',
  chainBroken: '链已被篡改（修订号 {revision}）',
  chainBrokenUnknown: '链已被篡改',
  chainBrokenDetail: '此记录的存储内容与其哈希不符，下列内容可能已被改动，请联系审计人员核查。',
  empty: '暂无可显示的记录。',
  notFound: '没有可显示的记录。',
  when: '时间：',
  who: '操作人：',
  reason: '理由：',
  'role.person': '专业技术人员',
  'role.unit': '法人单位',
  'role.institution': '施教机构',
  'role.admin': '人社部门',
  'role.auditor': '审计人员',
  'role.system': '系统',
  'role.public': '本人',
} as const;

export type TimelineKey = keyof typeof zh;

const en = {
  toggle: 'History',
  toggleOf: 'History: {label}',
  listLabel: 'History',
  listLabelOf: 'History of {label}',
  intro: 'Each entry is hash-chained to the one before it: any later change would show here.',
  chainValid: 'Chain intact',
  chainValidDetail: '{count} entries; the hash chain checks out.',
  chainBroken: 'Chain tampered with at revision {revision}',
  chainBrokenUnknown: 'Chain tampered with',
  chainBrokenDetail: 'What is stored no longer matches its hashes: the entries below may have been altered. Ask an auditor to look into it.',
  empty: 'Nothing to show yet.',
  notFound: 'There is no history to show.',
  when: 'When: ',
  who: 'By: ',
  reason: 'Reason: ',
  'role.person': 'Professional',
  'role.unit': 'Unit',
  'role.institution': 'Institution',
  'role.admin': 'HR department',
  'role.auditor': 'Auditor',
  'role.system': 'System',
  'role.public': 'The person',
} satisfies Record<TimelineKey, string>;

export const timelineMessages: Catalog<TimelineKey> = { 'zh-CN': zh, en };
