/**
 * A person's history in the old system (历史数据, manual 1.5): the records it approved for 2018 and for 2017 and before
 * with totals per year and category, and the certificates it issued, printable — found by the person's ID number,
 * whether they registered before or after the import. Another person's certificate number answers 404.
 */
import type { ReqRef, Request, ServerRoute } from '@hapi/hapi';
import { CREDIT_CATEGORIES, type CreditCategory, toHours } from '../../events/credit.js';
import { maskIdNumber } from '../../events/vocabulary/index.js';
import { legacyCertificatesOf, legacyRecordsOf } from '../../projections/legacy.js';
import { renderOldCertificatePdf } from '../certificates/pdf.js';
import { hoursSchema } from '../certificates/schemas.js';
import { asHours } from '../credits/year-standing.js';
import { NotFoundError } from '../errors.js';
import { contentDisposition } from '../files/filenames.js';
import { Joi } from '../joi.js';
import { loadPerson } from '../persons/person-repository.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { publicUrlOf } from '../public-url.js';

const PERIODS = { '2018': { from: 2018, to: 2018 }, 'before-2018': { to: 2017 } } as const;

const recordSchema = Joi.object({
  year: Joi.number().integer().required(),
  category: Joi.string().valid(...CREDIT_CATEGORIES).required(),
  title: Joi.string().required(),
  hours: Joi.number().required(),
  organizer: Joi.string().allow(null).required(),
  reviewedBy: Joi.string().allow(null).required(),
  reviewedAt: Joi.string().allow(null).required(),
}).label('LegacyRecord');

const certificateSchema = Joi.object({
  certificateNo: Joi.string().required(),
  year: Joi.number().integer().required(),
  hours: hoursSchema.required(),
  issuedAt: Joi.string().required(),
  issuer: Joi.string().allow(null).required(),
  verificationCode: Joi.string().required(),
}).label('LegacyCertificate');

/** The signed-in person, whose ID number their history is found by. */
async function me<R extends ReqRef>(request: Request<R>) {
  const person = await loadPerson(request.server.app.deps.store, request.auth.credentials.subjectId);
  if (!person) throw new NotFoundError();
  return person;
}

export const historyRecordsRoute: ServerRoute<{ Query: { period: keyof typeof PERIODS; after?: string } }> = {
  method: 'GET',
  path: '/me/history/records',
  options: {
    description: 'My records in the old system (历史学时)',
    notes: 'period 2018 or before-2018; totals per year and category.',
    tags: ['api', 'legacy'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { labels: { period: { zh: '时间段', en: 'Period' } } } },
    validate: { query: Joi.object({ period: Joi.string().valid(...Object.keys(PERIODS)).default('2018'), ...afterQuery }) },
    response: {
      schema: Joi.object({ items: Joi.array().items(recordSchema).required(), totals: Joi.object().pattern(/^\d{4}$/, hoursSchema).required() }).label('LegacyRecords'),
    },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['legacy_rows']);
      const person = await me(request);
      const rows = await legacyRecordsOf(request.server.app.deps.db, person.idNumber, PERIODS[request.query.period]);
      const totals: Record<string, Record<CreditCategory, number>> = {};
      for (const row of rows) {
        const year = (totals[row.year] ??= { public: 0, professional: 0, elective: 0 });
        year[row.category as CreditCategory] += row.halfHours;
      }
      return {
        items: rows.map(({ halfHours, ...row }) => ({ ...row, hours: toHours(halfHours) })),
        totals: Object.fromEntries(Object.entries(totals).map(([year, t]) => [year, asHours(t)])),
      };
    },
  },
};

export const historyCertificatesRoute: ServerRoute<{ Query: { after?: string } }> = {
  method: 'GET',
  path: '/me/history/certificates',
  options: {
    description: 'My certificates from the old system (历史证书)',
    tags: ['api', 'legacy'],
    auth: { access: { scope: ['person'] } },
    validate: { query: Joi.object({ ...afterQuery }) },
    response: { schema: Joi.object({ items: Joi.array().items(certificateSchema).required() }).label('LegacyCertificates') },
    handler: async (request) => {
      await waitForPosition(request, request.query.after, ['legacy_rows']);
      const person = await me(request);
      const rows = await legacyCertificatesOf(request.server.app.deps.db, person.idNumber);
      return {
        items: rows.map((row) => ({
          certificateNo: row.certificateNo, year: row.year, hours: asHours(row.halfHours), issuedAt: row.issuedAt, issuer: row.issuer, verificationCode: row.verificationCode,
        })),
      };
    },
  },
};

export const historyCertificatePdfRoute: ServerRoute<{ Params: { certificateNo: string } }> = {
  method: 'GET',
  path: '/me/history/certificates/{certificateNo}/pdf',
  options: {
    description: 'Print one of my old-system certificates (打印旧系统证书)',
    notes: 'Marked 旧系统证书, with its original number and a QR code to its verification page. 404 for a number that is not mine.',
    tags: ['api', 'legacy'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { labels: { certificateNo: { zh: '证书编号', en: 'Certificate number' } } } },
    validate: { params: Joi.object({ certificateNo: Joi.string().max(64).required() }) },
    handler: async (request, h) => {
      const { db, config } = request.server.app.deps;
      const person = await me(request);
      const row = (await legacyCertificatesOf(db, person.idNumber)).find((c) => c.certificateNo === request.params.certificateNo);
      if (!row) throw new NotFoundError();
      const pdf = await renderOldCertificatePdf(
        { ...row, idNumberMasked: maskIdNumber(row.idNumber), verifyUrl: `${publicUrlOf(request)}/verify/${row.verificationCode}` },
        config.certificate.title,
      );
      return h
        .response(pdf)
        .type('application/pdf')
        .header('Content-Disposition', contentDisposition(`${row.year}年度继续教育证书-旧系统-${row.certificateNo}.pdf`))
        .header('Cache-Control', 'private, no-store');
    },
  },
};
