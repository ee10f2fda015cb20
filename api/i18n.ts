/**
 * The API speaks zh-CN by default and English on request (`Accept-Language`), so a portal user reads error
 * messages in their language. Every piece of text a person may see goes through `t()` with both languages.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import type { Localized } from '../events/vocabulary/index.js';
import { requestHeader } from './headers.js';

export type Lang = 'zh-CN' | 'en';

/** A text in both languages (the shared vocabulary's type); routes write these inline next to the rule they explain. */
export type { Localized } from '../events/vocabulary/index.js';

export const DEFAULT_LANG: Lang = 'zh-CN';

declare module '@hapi/hapi' {
  interface RequestApplicationState {
    /** Chosen once in onRequest (request-context.ts) so every message of one response is in one language. */
    lang: Lang;
  }
}

/**
 * Picks zh-CN or English from an `Accept-Language` header by q-value. Languages we do not speak are skipped,
 * so `fr, en;q=0.5` answers in English; no header (or only unknown languages) answers in zh-CN.
 */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { primary } of ranked) {
    if (primary === 'en') return 'en';
    if (primary === 'zh' || primary === '*') return 'zh-CN';
  }
  return DEFAULT_LANG;
}

export const pick = (lang: Lang, text: Localized): string => (lang === 'en' ? text.en : text.zh);

/** The request's language: set once per request by the request-context extension, parsed here as a fallback. */
export const langOf = <R extends ReqRef>(request: Request<R>): Lang =>
  request.app.lang ?? languageOf(requestHeader(request, 'accept-language'));

/** A route's own text in the caller's language: `t(request, { zh: '…', en: '…' })`. */
export const t = <R extends ReqRef>(request: Request<R>, text: Localized): string => pick(langOf(request), text);
