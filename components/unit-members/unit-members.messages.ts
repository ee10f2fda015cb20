// Texts of <jxjy-unit-members>.
import type { Catalog } from '../i18n/messages.js';

const zh = {
  tabsLabel: '人员类别',
  tabConfirmed: '已确认人员',
  tabPending: '待确认申请',
  confirmedCaption: '本单位已确认人员（已显示 {count} 人）',
  pendingCaption: '待本单位确认的绑定申请（已显示 {count} 条）',
  name: '姓名',
  idNumber: '身份证号',
  requestedAt: '申请时间',
  boundSince: '绑定日期',
  progress: '本年度学时',
  progressValue: '共 {total}（公需 {public}，专业 {professional}，选修 {elective}）',
  noConfirmed: '本单位暂无已确认人员',
  noPending: '暂无待确认的绑定申请',
  notAUnit: '本单位人员仅供法人单位审核人查看。',
  loadMore: '加载更多',
} as const;

const en = {
  tabsLabel: 'Kind of member',
  tabConfirmed: 'Confirmed members',
  tabPending: 'Pending requests',
  confirmedCaption: 'Confirmed members of this unit ({count} shown)',
  pendingCaption: 'Binding requests awaiting this unit ({count} shown)',
  name: 'Name',
  idNumber: 'ID number',
  requestedAt: 'Requested',
  boundSince: 'Bound since',
  progress: 'Hours this year',
  progressValue: '{total} in all (general {public}, professional {professional}, elective {elective})',
  noConfirmed: 'This unit has no confirmed members yet',
  noPending: 'No binding requests are waiting',
  notAUnit: 'A unit’s members are shown to that unit’s reviewers only.',
  loadMore: 'Load more',
} satisfies Record<keyof typeof zh, string>;

export type UnitMembersKey = keyof typeof zh;
export const unitMembersMessages: Catalog<UnitMembersKey> = { 'zh-CN': zh, en };
