/**
 * The verification page for people (证书查验): `/verify/{code}` — where a certificate's QR code leads — and `/verify`
 * with a box to type a code off paper. Plain server-rendered HTML in the reader's language, no script; the same
 * lookup, limit and answers as the JSON route.
 */
import type { Plugin, ReqRef, Request, ResponseToolkit } from '@hapi/hapi';
import { chinaDate } from '../../events/vocabulary/index.js';
import { RateLimitedError } from '../errors.js';
import { escapeHtml } from '../html.js';
import { type Lang, langOf } from '../i18n.js';
import { Joi } from '../joi.js';
import { type Verification, verify } from './verification.js';

const TEXT = {
  'zh-CN': {
    title: '证书查验', lead: '输入证书上的 16 位验证码，或扫描证书上的二维码。', code: '验证码', check: '查验',
    valid: '证书有效', revoked: '证书已撤销', revokedOn: '撤销日期', unknown: '未找到该验证码对应的证书，请核对后重试。',
    limited: '查验过于频繁，请稍后再试。', year: '年度', certificateNo: '证书编号', holder: '姓名', idNumber: '身份证号', unit: '工作单位',
    public: '公需科目', professional: '专业科目', elective: '选修科目', total: '合计', hours: '学时', issuer: '发证机关', issuedAt: '发证日期',
    legacy: '原省继续教育系统颁发的旧系统证书', sha: '电子证书 SHA-256', shaNote: '电子证书（PDF）文件的 SHA-256 应与此一致；不一致说明文件被改动过。', again: '查验其他证书',
  },
  en: {
    title: 'Certificate verification', lead: 'Enter the 16-character code printed on the certificate, or scan its QR code.', code: 'Verification code', check: 'Verify',
    valid: 'This certificate is valid', revoked: 'This certificate has been revoked', revokedOn: 'Revoked on', unknown: 'No certificate has this verification code. Check it and try again.',
    limited: 'Too many lookups; try again in a minute.', year: 'Year', certificateNo: 'Certificate number', holder: 'Name', idNumber: 'ID number', unit: 'Employer unit',
    public: 'Public', professional: 'Professional', elective: 'Elective', total: 'Total', hours: 'hours', issuer: 'Issued by', issuedAt: 'Issued on',
    legacy: 'issued by the old provincial system', sha: 'SHA-256 of the PDF', shaNote: 'The certificate PDF’s SHA-256 must match this; if it does not, the file has been altered.', again: 'Verify another certificate',
  },
} as const;
type Text = (typeof TEXT)[Lang];

const day = chinaDate;

function page(lang: Lang, body: string): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)}</title>
<style>
  body { margin: 0; font: 14px/1.6 "Helvetica Neue", Helvetica, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Arial, sans-serif; color: #303133; background: #f5f7fa; }
  main { max-width: 640px; margin: 32px auto; padding: 24px; background: #fff; border: 1px solid #dcdfe6; border-radius: 4px; }
  h1 { font-size: 20px; margin: 0 0 16px; }
  .status { padding: 12px 16px; border-radius: 4px; font-size: 16px; font-weight: 600; margin-bottom: 16px; }
  .valid { background: #f0f9eb; color: #2b7a0b; border: 1px solid #c2e7b0; }
  .revoked, .unknown { background: #fef0f0; color: #b42318; border: 1px solid #fbc4c4; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 16px; }
  th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid #ebeef5; vertical-align: top; }
  th { width: 9em; color: #606266; font-weight: normal; background: #f5f7fa; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
  .note { color: #606266; font-size: 13px; }
  form { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; }
  label { display: flex; flex-direction: column; gap: 4px; flex: 1; min-width: 14em; }
  input { font: inherit; padding: 6px 10px; border: 1px solid #dcdfe6; border-radius: 4px; letter-spacing: 0.05em; }
  button { font: inherit; padding: 7px 18px; color: #fff; background: #1764d1; border: 0; border-radius: 4px; cursor: pointer; }
  a { color: #1764d1; }
</style>
</head>
<body><main>
<h1>${escapeHtml(TEXT[lang].title)}</h1>
${body}
</main></body>
</html>`;
}

const lookupForm = (t: Text, value = '') => `<p>${escapeHtml(t.lead)}</p>
<form method="get" action="/verify">
<label>${escapeHtml(t.code)}<input name="code" value="${escapeHtml(value)}" autocomplete="off" spellcheck="false" maxlength="40" required></label>
<button type="submit">${escapeHtml(t.check)}</button>
</form>`;

function result(t: Text, v: Verification): string {
  const row = (label: string, value: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`;
  const status = v.valid
    ? `<p class="status valid" role="status">✓ ${escapeHtml(t.valid)}${v.legacy ? `（${escapeHtml(t.legacy)}）` : ''}</p>`
    : `<p class="status revoked" role="status">✗ ${escapeHtml(t.revoked)}（${escapeHtml(t.revokedOn)} ${escapeHtml(day(v.revokedAt!))}）</p>`;
  const hours = (n: number) => `${escapeHtml(String(n))} ${escapeHtml(t.hours)}`;
  return `${status}
<table>
${row(t.year, escapeHtml(String(v.year)))}
${row(t.certificateNo, escapeHtml(v.certificateNo))}
${row(t.holder, escapeHtml(v.holderName))}
${row(t.idNumber, escapeHtml(v.idNumber))}
${row(t.unit, escapeHtml(v.unitName ?? '—'))}
${row(t.public, hours(v.hours.public))}
${row(t.professional, hours(v.hours.professional))}
${row(t.elective, hours(v.hours.elective))}
${row(t.total, hours(v.hours.total))}
${row(t.issuer, escapeHtml(v.issuer))}
${row(t.issuedAt, escapeHtml(day(v.issuedAt)))}
${row(t.sha, `<code>${escapeHtml(v.pdfSha256)}</code>`)}
</table>
<p class="note">${escapeHtml(t.shaNote)}</p>
<p><a href="/verify">${escapeHtml(t.again)}</a></p>`;
}

async function answer<R extends ReqRef>(request: Request<R>, h: ResponseToolkit, code: string) {
  const lang = langOf(request);
  const t = TEXT[lang];
  const html = (body: string, status: number) => h.response(page(lang, body)).type('text/html; charset=utf-8').code(status).header('Cache-Control', 'no-store');
  try {
    const verification = await verify(request, code);
    if (!verification) return html(`<p class="status unknown" role="alert">${escapeHtml(t.unknown)}</p>${lookupForm(t, code)}`, 404);
    return html(result(t, verification), 200);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return html(`<p class="status unknown" role="alert">${escapeHtml(t.limited)}</p>`, 429).header('Retry-After', String(error.retryAfterSeconds));
  }
}

export const verifyPagePlugin: Plugin<void> = {
  name: 'jxjy-verify-page',
  register(server) {
    server.route({
      method: 'GET',
      path: '/verify',
      options: {
        auth: false,
        plugins: { jxjy: { documented: false } },
        validate: { query: Joi.object({ code: Joi.string().max(64).allow('') }) },
        handler: (request, h) => {
          const typed = (request.query as { code?: string }).code?.trim();
          if (typed) return h.redirect(`/verify/${encodeURIComponent(typed.replace(/[\s-]+/g, ''))}`).code(303);
          return h.response(page(langOf(request), lookupForm(TEXT[langOf(request)]))).type('text/html; charset=utf-8');
        },
      },
    });
    server.route({
      method: 'GET',
      path: '/verify/{code}',
      options: {
        auth: false,
        plugins: { jxjy: { documented: false } },
        validate: { params: Joi.object({ code: Joi.string().max(64).required() }) },
        handler: (request, h) => answer(request, h, (request.params as { code: string }).code),
      },
    });
  },
};
