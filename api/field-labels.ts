/**
 * How validation messages name a field: by its label in the reader's language (「新密码」, "New password"), never by
 * its JSON key. Keyed by the field's last path segment; a route whose field means something else here overrides it
 * with `plugins.jxjy.labels`. A field with no label keeps its key in quotes, as joi writes it.
 */
import type { Localized } from '../events/vocabulary/index.js';

export const FIELD_LABELS: Readonly<Record<string, Localized>> = {
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  name: { zh: '名称', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'Email' },
  gender: { zh: '性别', en: 'Gender' },
  birthDate: { zh: '出生日期', en: 'Birth date' },
  captchaId: { zh: '验证码', en: 'Captcha' },
  captchaAnswer: { zh: '验证码', en: 'Captcha' },
  kind: { zh: '类型', en: 'Kind' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  regionCode: { zh: '行政区划代码', en: 'Region code' },
  contactName: { zh: '联系人', en: 'Contact name' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  reviewerUsername: { zh: '审核员用户名', en: 'Reviewer username' },
  reviewerPassword: { zh: '审核员密码', en: 'Reviewer password' },
  orgId: { zh: '机构编号', en: 'Organisation id' },
  unitId: { zh: '单位', en: 'Unit' },
  taskId: { zh: '待办编号', en: 'Task id' },
  decision: { zh: '审核结果', en: 'Decision' },
  reason: { zh: '原因', en: 'Reason' },
  status: { zh: '状态', en: 'Status' },
  q: { zh: '关键字', en: 'Search text' },
  limit: { zh: '每页条数', en: 'Page size' },
  cursor: { zh: '分页游标', en: 'Cursor' },
  after: { zh: '数据位置', en: 'Position' },
  year: { zh: '年度', en: 'Year' },
  category: { zh: '科目类别', en: 'Category' },
  title: { zh: '标题', en: 'Title' },
  hours: { zh: '学时', en: 'Hours' },
  startDate: { zh: '开始日期', en: 'Start date' },
  endDate: { zh: '结束日期', en: 'End date' },
};
