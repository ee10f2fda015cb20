// Shared pieces of the <jxjy-certificate> tests: years and certificates as GET /me/certificates answers them, a
// rendered element on a stubbed fetch, and catching the saved file's link instead of letting the browser save it.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/certificate/certificate.js';
import type { JxjyCertificate } from '../../../components/certificate/certificate.component.js';
import type { Certificate, CertificateYear, MyCertificates } from '../../../components/api/types.js';
import { json, stubFetch, type FetchStub } from '../fetch-stub.js';

export const LIST = 'GET /api/v1/me/certificates';
export const THIS_YEAR = new Date().getFullYear();
/** This year: hours still missing. */
export const Y0 = THIS_YEAR;
/** Last year: every category met, no certificate yet. */
export const Y1 = THIS_YEAR - 1;
/** Two years ago: a valid certificate. */
export const Y2 = THIS_YEAR - 2;
/** Three years ago: a revoked certificate, the hours still met. */
export const Y3 = THIS_YEAR - 3;
export const CODE = '7K3MXQ9TB2HDRW4P';

const met = { public: 30, professional: 42, elective: 18, total: 90 };
const none = { public: 0, professional: 0, elective: 0, total: 0 };

export const certificate = (year: number, over: Partial<Certificate> = {}): Certificate => ({
  certificateId: `c0000000-0000-4000-8000-00000000${year}`,
  year,
  certificateNo: `JX${year}AB12CD34EF`,
  verificationCode: CODE,
  verifyUrl: `https://jxjy.example.gov.cn/verify/${CODE}`,
  status: 'valid',
  holderName: '欧阳明',
  idNumber: '4401**********123X',
  unitName: '广州市第一人民医院',
  hours: met,
  // 17:30 UTC is already the next day in Guangzhou: the date shown is China's.
  issuedAt: `${year + 1}-01-14T17:30:00.000Z`,
  revokedAt: null,
  revokeReason: null,
  ...over,
});

export const year = (y: number, over: Partial<CertificateYear> = {}): CertificateYear => ({
  year: y,
  required: met,
  completed: met,
  missing: none,
  eligible: true,
  blocked: false,
  certificate: null,
  ...over,
});

export const short = (y: number) =>
  year(y, {
    completed: { public: 12.5, professional: 40, elective: 20, total: 72.5 },
    missing: { public: 17.5, professional: 2, elective: 0, total: 19.5 },
    eligible: false,
  });

export const revoked = (y: number) =>
  certificate(y, { status: 'revoked', revokedAt: `${y + 1}-03-01T02:00:00.000Z`, revokeReason: '学时材料经核查不实' });

export const years = (over: Partial<MyCertificates> = {}): MyCertificates => ({
  items: [short(Y0), year(Y1), year(Y2, { certificate: certificate(Y2) }), year(Y3, { certificate: revoked(Y3) })],
  blockedBy: [],
  ...over,
});

/** The stub of the element rendered last; the test file restores it after each test. */
export let stub: FetchStub | undefined;

export async function render(routes: Parameters<typeof stubFetch>[0], { lang = 'zh-CN', year: shown }: { lang?: string; year?: number } = {}) {
  const s = stubFetch(routes);
  stub = s;
  const el = await fixture<JxjyCertificate>(
    shown === undefined
      ? html`<jxjy-certificate lang=${lang} .token=${'person-jwt'}></jxjy-certificate>`
      : html`<jxjy-certificate lang=${lang} year=${shown} .token=${'person-jwt'}></jxjy-certificate>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('table, .load-error, .empty'), 'years settled');
  return { el, stub: s };
}

export const list = (body: MyCertificates = years()) => json(200, body);

/** Resolves with the temporary download link the element clicks, keeping the browser from saving the file. */
export function savedLink(el: JxjyCertificate): Promise<HTMLAnchorElement> {
  return new Promise((resolve) => {
    const root = el.shadowRoot!;
    const onClick = (e: Event) => {
      const link = e.target;
      if (link instanceof HTMLAnchorElement && link.download) {
        e.preventDefault();
        root.removeEventListener('click', onClick);
        resolve(link);
      }
    };
    root.addEventListener('click', onClick);
  });
}

/** A PDF answer as the server sends it: the bytes and its Content-Disposition (RFC 6266, UTF-8 name). */
export function pdfResponse(bytes: Uint8Array<ArrayBuffer>, filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_');
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}` },
  });
}

/** Some bytes no text decoding would keep intact. */
export const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x00, 0xff, 0x80]);
