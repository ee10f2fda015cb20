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

export function certificateDefinition(certificate: IssuedCertificate): object {
  const { year, holder, unit, halfHours, required } = certificate;
  const total = (h: typeof halfHours) => h.public + h.professional + h.elective;
  const issued = new Date(certificate.issuedAt);
  const cell = (text: string, extra: object = {}) => ({ text, margin: [6, 4, 6, 4], ...extra });
  const label = (text: string) => cell(text, { fillColor: '#f5f7fa', color: '#303133' });
  return {
    pageSize: 'A4',
    pageMargins: [64, 64, 64, 56],
    language: 'zh-CN',
    info: {
      title: `${year}年度${certificate.title}`,
      subject: `${certificate.certificateNo} ${holder.name}`,
      author: certificate.issuer,
      creator: 'jxjy',
      producer: 'jxjy',
      creationDate: issued,
      modDate: issued,
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
      { text: `${year}年度`, alignment: 'center', fontSize: 16, margin: [0, 8, 0, 4] },
      { text: certificate.title, alignment: 'center', fontSize: 22, bold: true, color: '#a8071a', margin: [0, 0, 0, 6] },
      { text: `证书编号：${certificate.certificateNo}`, alignment: 'right', fontSize: 10, margin: [0, 0, 0, 18] },
      {
        table: {
          widths: [90, '*'],
          body: [
            [label('姓名'), cell(holder.name)],
            [label('身份证号'), cell(holder.idNumberMasked)],
            [label('工作单位'), cell(unit?.name ?? '—')],
            [label('年度'), cell(`${year}`)],
          ],
        },
        layout: { hLineColor: '#dcdfe6', vLineColor: '#dcdfe6' },
        margin: [0, 0, 0, 18],
      },
      {
        table: {
          headerRows: 1,
          widths: ['*', 100, 100],
          body: [
            [label('科目类别'), label('要求学时'), label('完成学时')],
            ...CATEGORY_ROWS.map(([key, name]) => [cell(name), cell(hours(required[key]), { alignment: 'right' }), cell(hours(halfHours[key]), { alignment: 'right' })]),
            [cell('合计', { bold: true }), cell(hours(total(required)), { alignment: 'right', bold: true }), cell(hours(total(halfHours)), { alignment: 'right', bold: true })],
          ],
        },
        layout: { hLineColor: '#dcdfe6', vLineColor: '#dcdfe6' },
        margin: [0, 0, 0, 18],
      },
      {
        text: `兹证明 ${holder.name} 已完成${year}年度专业技术人员继续教育，公需科目、专业科目和选修科目学时均达到要求，特发此证。`,
        margin: [0, 0, 0, 28],
      },
      {
        columns: [
          {
            width: 'auto',
            stack: [
              { qr: certificate.verifyUrl, fit: 110, margin: [0, 0, 0, 6] },
              { text: '扫码查验', fontSize: 9, color: '#606266' },
            ],
          },
          {
            width: '*',
            stack: [
              { text: certificate.issuer, alignment: 'right', fontSize: 13, margin: [0, 24, 0, 6] },
              { text: `发证日期：${chineseDate(certificate.issuedAt)}`, alignment: 'right' },
              { text: `验证码：${groupedCode(certificate.verificationCode)}`, alignment: 'right', fontSize: 10, margin: [0, 18, 0, 2] },
              { text: certificate.verifyUrl, alignment: 'right', fontSize: 8, color: '#606266' },
            ],
          },
        ],
      },
    ],
  };
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

/** The SHA-256 of a certificate's PDF (hex), remembered for the most recently asked certificates. */
export async function certificateDigest(certificate: IssuedCertificate): Promise<string> {
  const known = digests.get(certificate.certificateId);
  if (known) return known;
  const digest = crypto.createHash('sha256').update(await renderCertificatePdf(certificate)).digest('hex');
  if (digests.size >= DIGESTS_KEPT) digests.delete(digests.keys().next().value!);
  digests.set(certificate.certificateId, digest);
  return digest;
}
