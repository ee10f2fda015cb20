// UI strings: zh-CN is the source map, English must cover every key (checked by tsc through `satisfies`).
// A typed map instead of @lit/localize: ~150 strings, two languages, no translation vendor (reference/lit.md §3).

export type Lang = 'zh-CN' | 'en';

export const zh = {
  loading: '加载中…',
  empty: '暂无数据',
  error: '出错了',
  retry: '重试',
  submit: '提交',
  cancel: '取消',
  confirm: '确定',
  save: '保存',
  close: '关闭',
  required: '此项为必填项',
  networkError: '网络连接失败，请检查网络后重试',
  sessionExpired: '登录已过期，请重新登录',
  requestFailed: '请求失败（{status}）',
} as const;

export type MessageKey = keyof typeof zh;

export const en = {
  loading: 'Loading…',
  empty: 'No data',
  error: 'Something went wrong',
  retry: 'Retry',
  submit: 'Submit',
  cancel: 'Cancel',
  confirm: 'OK',
  save: 'Save',
  close: 'Close',
  required: 'This field is required',
  networkError: 'Network connection failed. Check your connection and try again.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  requestFailed: 'Request failed ({status})',
} satisfies Record<MessageKey, string>;

export const messages: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': zh, en };

/** Anything English-like ('en', 'en-GB', 'EN') is English; everything else, including nothing, is zh-CN. */
export function resolveLang(raw: string | null | undefined): Lang {
  return raw?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Looks up `key` and fills `{name}` placeholders; unknown placeholders stay visible so they get noticed. */
export function format(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = messages[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
