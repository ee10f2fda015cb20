// The core of the UI texts: the two languages and how a `lang` value resolves to one, the shape every
// component's own `<name>.messages.ts` follows (a zh-CN source map, English checked by tsc to cover it), and
// the few words every screen shares. A typed map instead of @lit/localize: two languages, no translation vendor
// (reference/lit.md §3).

export type Lang = 'zh-CN' | 'en';

/** One language's texts; `{name}` marks a placeholder. */
export type Texts<K extends string> = Readonly<Record<K, string>>;
/** A component's texts in both languages. */
export type Catalog<K extends string> = Readonly<Record<Lang, Texts<K>>>;
export type Params = Readonly<Record<string, string | number>>;

export const zh = {
  loading: '加载中…',
  error: '出错了',
  retry: '重试',
  submit: '提交',
  cancel: '取消',
  required: '此项为必填项',
  optional: '选填',
  networkError: '网络连接失败，请检查网络后重试',
  sessionExpired: '登录已过期，请重新登录',
  requestFailed: '请求失败（{status}）',
  requiredField: '请输入{label}',
  formInvalid: '提交失败，请修正以下问题',
  submitting: '提交中…',
  none: '无',
  signInRequired: '请先登录后再使用此功能。',
} as const;

export type CoreKey = keyof typeof zh;

export const en = {
  loading: 'Loading…',
  error: 'Something went wrong',
  retry: 'Retry',
  submit: 'Submit',
  cancel: 'Cancel',
  required: 'This field is required',
  optional: 'Optional',
  networkError: 'Network connection failed. Check your connection and try again.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  requestFailed: 'Request failed ({status})',
  requiredField: 'Enter {label}',
  formInvalid: 'Please correct the following and submit again',
  submitting: 'Submitting…',
  none: 'None',
  signInRequired: 'Please sign in to use this.',
} satisfies Record<CoreKey, string>;

/** The words every screen shares; a component's own catalog adds to them. */
export const coreMessages: Catalog<CoreKey> = { 'zh-CN': zh, en };

/** Anything English-like ('en', 'en-GB', 'EN') is English; everything else, including nothing, is zh-CN. */
export function resolveLang(raw: string | null | undefined): Lang {
  return raw?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so they get noticed. */
export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Looks up `key` in `catalog` for `lang` and fills its placeholders. */
export function translate<K extends string>(catalog: Catalog<K>, lang: Lang, key: K, params?: Params): string {
  return fill(catalog[lang][key], params);
}

/** A core word in `lang`, placeholders filled. */
export function format(lang: Lang, key: CoreKey, params?: Params): string {
  return translate(coreMessages, lang, key, params);
}

/** Two catalogs as one (used for the pieces a screen shares, e.g. the captcha's texts with the login's). */
export function mergeCatalogs<A extends string, B extends string>(a: Catalog<A>, b: Catalog<B>): Catalog<A | B> {
  return { 'zh-CN': { ...a['zh-CN'], ...b['zh-CN'] }, en: { ...a.en, ...b.en } };
}
