/**
 * `npm run bench` (third part): certificate PDFs. Renders certificates for different holders (a different name is a
 * different font subset) and reports time per PDF (p50/p99) and size, beside a raw baseline in the same run: the
 * same printer, font and text set as one plain paragraph — no tables, border or QR code — so the ratio is the cost of
 * the certificate's layout. Also the first PDF of a process (the fonts read from disk) and the determinism check.
 * Figures, never pass/fail.
 */
import crypto from 'node:crypto';
import type { IssuedCertificate } from '../events/certificate.js';
import { certificateDefinition, renderCertificatePdf, renderPdf } from '../api/certificates/pdf.js';
import { percentile } from './http-actor.js';

const COUNT = Number(process.env.BENCH_CERTIFICATES ?? 200);
const SURNAMES = ['欧阳', '司马', '张', '王', '李', '赵', '钱', '孙', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨'];
const GIVEN = ['明', '伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '超', '霞', '平'];

function certificate(i: number): IssuedCertificate {
  const code = crypto.randomBytes(8).toString('hex').toUpperCase().slice(0, 16);
  return {
    certificateId: crypto.randomUUID(), personId: crypto.randomUUID(), year: 2026, certificateNo: `JX2026${code.slice(0, 10)}`, verificationCode: code,
    verifyUrl: `https://jxjy.example.gov.cn/verify/${code}`, title: '广东省专业技术人员继续教育证书', issuer: '广东省人力资源和社会保障厅',
    holder: { name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`, idNumberMasked: '4401**********123X' },
    unit: { unitId: 'u', name: `广州市第${i + 1}人民医院` }, halfHours: { public: 60, professional: 84 + (i % 5), elective: 36 }, required: { public: 60, professional: 84, elective: 36 },
    issuedAt: '2026-11-30T03:00:00.000Z', issuedBy: 'b', revokedAt: null, revokeReason: null,
  };
}

/** The baseline: every string the certificate prints, as one paragraph in the same font. */
function plainDefinition(c: IssuedCertificate): object {
  const definition = certificateDefinition(c) as { content: unknown[]; info: object };
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') texts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) if (key !== 'qr') walk(key === 'text' || typeof value === 'object' ? value : undefined);
  };
  walk(definition.content);
  return { pageSize: 'A4', info: definition.info, defaultStyle: { font: 'NotoSansSC' }, content: [texts.join(' ')] };
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function main() {
  const first = await time(() => renderCertificatePdf(certificate(0)));
  const certificates = Array.from({ length: COUNT }, (_, i) => certificate(i));
  const layout: number[] = [];
  const plain: number[] = [];
  const sizes: number[] = [];
  const plainSizes: number[] = [];
  // Alternate so both see the same machine load.
  for (const c of certificates) {
    const a = await time(() => renderCertificatePdf(c));
    layout.push(a.ms);
    sizes.push(a.result.length);
    const b = await time(() => renderPdf(plainDefinition(c)));
    plain.push(b.ms);
    plainSizes.push(b.result.length);
  }
  const again = await renderCertificatePdf(certificates[0]!);
  const firstAgain = await renderCertificatePdf(certificates[0]!);
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const p = (values: number[], q: number) => percentile(values, q).toFixed(1);
  const kb = (values: number[], q: number) => (percentile(values, q) / 1024).toFixed(1);
  console.log(`\ncertificate PDFs (${COUNT}, A4, Noto Sans SC subset, QR):`);
  console.log(`  first PDF of the process (fonts read): ${first.ms.toFixed(0)} ms`);
  console.log(`  certificate: p50 ${p(layout, 50)} ms, p99 ${p(layout, 99)} ms; size p50 ${kb(sizes, 50)} KiB, max ${(Math.max(...sizes) / 1024).toFixed(1)} KiB`);
  console.log(`  raw baseline (same text, one paragraph): p50 ${p(plain, 50)} ms, p99 ${p(plain, 99)} ms; size p50 ${kb(plainSizes, 50)} KiB`);
  console.log(`  certificate / baseline at p50: ${((percentile(layout, 50) / percentile(plain, 50)) * 100).toFixed(0)}%`);
  console.log(`  same bytes when rendered again: ${sha(again) === sha(firstAgain) ? 'yes' : 'NO'}`);
}

await main();
