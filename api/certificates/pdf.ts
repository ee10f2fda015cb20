/**
 * The certificate PDF (继续教育证书), A4 portrait, printable: title with the year, certificate number, holder, masked ID
 * number, unit, hours per category against the requirement, the issuer and date, and a QR code to the public
 * verification page. Chinese text is set in Noto Sans SC from an npm package (no system font needed), embedded as a
 * subset of the glyphs used, so a certificate is a few tens of kilobytes. Rendering is a pure function of the
 * certificate's snapshot — the metadata dates are its issue time — so the same certificate is always the same bytes
 * and its SHA-256 identifies it on the verification page.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PrinterModule from 'pdfmake/js/Printer.js';
import type { IssuedCertificate } from '../../events/certificate.js';
import type { HoursByCategory } from '../../events/requirements.js';
import { toHours } from '../../events/credit.js';
import { chinaDate } from '../../events/vocabulary/index.js';

type PdfKitDocument = NodeJS.ReadableStream & { end(): void };
interface PdfPrinter {
  createPdfKitDocument(definition: object, options?: object): Promise<PdfKitDocument>;
}
type PrinterClass = new (fonts: object, vfs: object, urls: object, localAccess: (path: string) => boolean) => PdfPrinter;
// A CommonJS module compiled from ES: Node's loader hands over `exports`, a bundler its `default`.
const Printer = ((PrinterModule as { default?: PrinterClass }).default ?? PrinterModule) as PrinterClass;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  'regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
const FONTS = { NotoSansSC: { normal: 'regular.ttf', bold: 'bold.ttf', italics: 'regular.ttf', bolditalics: 'bold.ttf' } };

let fontData: Map<string, Buffer> | undefined;
/** The fonts, read once per process (about 20 MB; each PDF embeds only the glyphs it uses). */
function fonts(): Map<string, Buffer> {
  fontData ??= new Map(Object.entries(FONT_FILES).map(([name, module]) => [name, fs.readFileSync(require.resolve(module))]));
  return fontData;
}

/** pdfmake reads fonts through a virtual file system; this one holds the two fonts and nothing else. */
const fontsOnly = {
  existsSync: (name: string) => fonts().has(name),
  readFileSync: (name: string) => fonts().get(name),
};
/** Nothing to fetch: a certificate has no remote images or fonts. */
const noUrls = { resolve() {}, resolved: async () => {} };

const hours = (halfHours: number) => `${toHours(halfHours)}`;
const CATEGORY_ROWS = [
  ['public', '公需科目'],
  ['professional', '专业科目'],
  ['elective', '选修科目'],
] as const;

function chineseDate(iso: string): string {
  const [y, m, d] = chinaDate(iso).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Groups of four, as people read a code off paper. */
export const groupedCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/** What one page of the certificate family prints; a new certificate and an old system's one fill it differently. */
interface CertificatePage {
  year: number;
  title: string;
  /** A stamp beside the title (旧系统证书). */
  mark?: string;
  /** e.g. 证书编号 or 原证书编号. */
  numberLabel: string;
  certificateNo: string;
  holder: { name: string; idNumberMasked: string };
  /** Label and value rows under the holder (工作单位…). */
  rows: Array<[string, string]>;
  /** Column headings and one row per category, then the total row. */
  hours: { headings: string[]; rows: string[][]; total: string[] };
  statement: string;
  issuer: string;
  /** An ISO instant or a YYYY-MM-DD date. */
  issuedOn: string;
  verificationCode: string;
  verifyUrl: string;
  /** The PDF's metadata dates: fixed, so the same certificate is always the same bytes. */
  fixedDate: Date;
}

function pageDefinition(page: CertificatePage): object {
  const cell = (text: string, extra: object = {}) => ({ text, margin: [6, 4, 6, 4], ...extra });
  const label = (text: string) => cell(text, { fillColor: '#f5f7fa', color: '#303133' });
  const right = (text: string, extra: object = {}) => cell(text, { alignment: 'right', ...extra });
  const widths = ['*', ...page.hours.headings.slice(1).map(() => 100)];
  return {
    pageSize: 'A4',
    pageMargins: [64, 64, 64, 56],
    language: 'zh-CN',
    info: {
      title: `${page.year}年度${page.title}${page.mark ? `（${page.mark}）` : ''}`,
      subject: `${page.certificateNo} ${page.holder.name}`,
      author: page.issuer,
      creator: 'jxjy',
      producer: 'jxjy',
      creationDate: page.fixedDate,
      modDate: page.fixedDate,
    },
    defaultStyle: { font: 'NotoSansSC', fontSize: 12, lineHeight: 1.2, color: '#303133' },
    background: (_page: number, size: { width: number; height: number }) => ({
      canvas: [
        { type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 2, lineColor: '#a8071a' },
        { type: 'rect', x: 30, y: 30, w: size.width - 60, h: size.height - 60, lineWidth: 0.75, lineColor: '#a8071a' },
      ],
    }),
    // One page, always: the longest unit name (two lines) still leaves room below the QR code.
    content: [
      { text: `${page.year}年度`, alignment: 'center', fontSize: 16, margin: [0, 8, 0, 4] },
      { text: page.title, alignment: 'center', fontSize: 22, bold: true, color: '#a8071a', margin: [0, 0, 0, 6] },
      ...(page.mark
        ? [{ table: { widths: ['*', 'auto', '*'], body: [['', { text: page.mark, bold: true, color: '#a8071a', margin: [10, 2, 10, 2] }, '']] }, layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 1 || i === 2 ? 1.5 : 0), vLineColor: '#a8071a' }, margin: [0, 0, 0, 4] }]
        : []),
      { text: `${page.numberLabel}：${page.certificateNo}`, alignment: 'right', fontSize: 10, margin: [0, 0, 0, 18] },
      {
        table: {
          widths: [90, '*'],
          body: [[label('姓名'), cell(page.holder.name)], [label('身份证号'), cell(page.holder.idNumberMasked)], ...page.rows.map(([name, value]) => [label(name), cell(value)])],
        },
        layout: { hLineColor: '#dcdfe6', vLineColor: '#dcdfe6' },
        margin: [0, 0, 0, 18],
      },
      {
        table: {
          headerRows: 1,
          widths,
          body: [
            page.hours.headings.map(label),
            ...page.hours.rows.map(([name, ...values]) => [cell(name!), ...values.map((v) => right(v))]),
            [cell(page.hours.total[0]!, { bold: true }), ...page.hours.total.slice(1).map((v) => right(v, { bold: true }))],
          ],
        },
        layout: { hLineColor: '#dcdfe6', vLineColor: '#dcdfe6' },
        margin: [0, 0, 0, 18],
      },
      { text: page.statement, margin: [0, 0, 0, 28] },
      {
        columns: [
          { width: 'auto', stack: [{ qr: page.verifyUrl, fit: 110, margin: [0, 0, 0, 6] }, { text: '扫码查验', fontSize: 9, color: '#606266' }] },
          {
            width: '*',
            stack: [
              { text: page.issuer, alignment: 'right', fontSize: 13, margin: [0, 24, 0, 6] },
              { text: `发证日期：${chineseDate(page.issuedOn)}`, alignment: 'right' },
              { text: `验证码：${groupedCode(page.verificationCode)}`, alignment: 'right', fontSize: 10, margin: [0, 18, 0, 2] },
              { text: page.verifyUrl, alignment: 'right', fontSize: 8, color: '#606266' },
            ],
          },
        ],
      },
    ],
  };
}

const sum = (h: HoursByCategory) => h.public + h.professional + h.elective;

export function certificateDefinition(certificate: IssuedCertificate): object {
  const { year, holder, unit, halfHours, required } = certificate;
  return pageDefinition({
    year, title: certificate.title, numberLabel: '证书编号', certificateNo: certificate.certificateNo, holder,
    rows: [['工作单位', unit?.name ?? '—'], ['年度', `${year}`]],
    hours: {
      headings: ['科目类别', '要求学时', '完成学时'],
      rows: CATEGORY_ROWS.map(([key, name]) => [name, hours(required[key]), hours(halfHours[key])]),
      total: ['合计', hours(sum(required)), hours(sum(halfHours))],
    },
    statement: `兹证明 ${holder.name} 已完成${year}年度专业技术人员继续教育，公需科目、专业科目和选修科目学时均达到要求，特发此证。`,
    issuer: certificate.issuer, issuedOn: certificate.issuedAt, verificationCode: certificate.verificationCode, verifyUrl: certificate.verifyUrl,
    fixedDate: new Date(certificate.issuedAt),
  });
}

/** An old system's certificate (旧系统证书), printed from what was imported: marked as such, with its original number. */
export interface OldCertificate {
  certificateNo: string;
  name: string;
  idNumberMasked: string;
  year: number;
  halfHours: HoursByCategory;
  /** YYYY-MM-DD */
  issuedAt: string;
  issuer: string | null;
  verificationCode: string;
  verifyUrl: string;
}

export const OLD_CERTIFICATE_MARK = '旧系统证书';

export function oldCertificateDefinition(certificate: OldCertificate, title: string): object {
  const { year, halfHours } = certificate;
  return pageDefinition({
    year, title, mark: OLD_CERTIFICATE_MARK, numberLabel: '原证书编号', certificateNo: certificate.certificateNo,
    holder: { name: certificate.name, idNumberMasked: certificate.idNumberMasked },
    rows: [['年度', `${year}`]],
    hours: { headings: ['科目类别', '学时'], rows: CATEGORY_ROWS.map(([key, name]) => [name, hours(halfHours[key])]), total: ['合计', hours(sum(halfHours))] },
    statement: `此件据原广东省专业技术人员继续教育管理系统颁发的证书打印：${certificate.name} ${year}年度继续教育学时如上，原证书编号 ${certificate.certificateNo}。`,
    issuer: certificate.issuer ?? '—', issuedOn: certificate.issuedAt, verificationCode: certificate.verificationCode, verifyUrl: certificate.verifyUrl,
    fixedDate: new Date(`${certificate.issuedAt}T00:00:00Z`),
  });
}

export function renderOldCertificatePdf(certificate: OldCertificate, title: string): Promise<Buffer> {
  return renderPdf(oldCertificateDefinition(certificate, title));
}

export function renderCertificatePdf(certificate: IssuedCertificate): Promise<Buffer> {
  return renderPdf(certificateDefinition(certificate));
}

/** Any pdfmake document definition in the certificate fonts (the bench's baseline uses it too). */
export async function renderPdf(definition: object): Promise<Buffer> {
  const printer = new Printer(FONTS, fontsOnly, noUrls, () => false);
  const doc = await printer.createPdfKitDocument(definition);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const digests = new Map<string, string>();
const DIGESTS_KEPT = 1_000;

async function remembered(key: string, render: () => Promise<Buffer>): Promise<string> {
  const known = digests.get(key);
  if (known) return known;
  const digest = crypto.createHash('sha256').update(await render()).digest('hex');
  if (digests.size >= DIGESTS_KEPT) digests.delete(digests.keys().next().value!);
  digests.set(key, digest);
  return digest;
}

/** The SHA-256 of a certificate's PDF (hex), remembered for the most recently asked certificates. */
export const certificateDigest = (certificate: IssuedCertificate): Promise<string> =>
  remembered(certificate.certificateId, () => renderCertificatePdf(certificate));

/** The same for an old system's certificate (its print depends on the configured title and address too). */
export const oldCertificateDigest = (certificate: OldCertificate, title: string): Promise<string> =>
  remembered(`old:${certificate.verificationCode}:${title}:${certificate.verifyUrl}`, () => renderOldCertificatePdf(certificate, title));
