/**
 * Generic, person-readable messages per HTTP status: used when an error carries no message of its own and for
 * hapi's own errors (missing token, insufficient scope, unknown route, bad JSON), whose English developer
 * texts ('Insufficient scope', 'Missing authentication') are not for portal users.
 */
import type { Localized } from './i18n.js';

const MESSAGES: Record<number, Localized> = {
  400: { zh: '请求参数有误，请检查后重试', en: 'The request is invalid; check it and try again' },
  401: { zh: '未登录或登录已过期', en: 'Not signed in or the session has expired' },
  403: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  404: { zh: '未找到所请求的内容', en: 'Not found' },
  405: { zh: '不支持该请求方法', en: 'Method not allowed' },
  409: {
    zh: '当前状态不允许此操作，或该记录已存在',
    en: 'This conflicts with the current state (not allowed now, or already exists)',
  },
  413: { zh: '提交的内容过大', en: 'The request body is too large' },
  415: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  422: { zh: '提交的内容不符合业务规则', en: 'The input breaks a business rule' },
  429: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  500: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
  503: { zh: '服务暂时不可用，请稍后再试', en: 'The service is temporarily unavailable; please try again later' },
};

export const statusMessage = (statusCode: number): Localized | undefined => MESSAGES[statusCode];
