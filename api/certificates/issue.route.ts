/**
 * A person's certificates (打印证书, manual 3.3.4): `GET /me/certificates` lists every declarable year — required,
 * completed and missing hours per category, whether a dishonesty record blocks it, and its certificate if issued;
 * `POST /me/certificates/{year}` issues one when each category is met and nothing blocks it. Both decisions read a
 * caught-up model (read-your-writes.ts `waitForHead`): a person is never refused on totals a moment behind.
 */
import crypto from 'node:crypto';
import type { ServerRoute } from '@hapi/hapi';
import { CREDIT_CATEGORIES, toHours } from '../../events/credit.js';
import { chinaDate, chinaYear, maskIdNumber } from '../../events/vocabulary/index.js';
import { certificatesOf } from '../../projections/certificates.js';
import { blockingDishonesty } from '../../projections/dishonesty-records.js';
import { certificateWorkflowId, issueCertificateUpdate } from '../../workflows/certificates/messages.js';
import { nowOf } from '../clock.js';
import { asHours, type YearStanding, yearStanding, yearStandings } from '../credits/year-standing.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { loadBinding, loadPerson } from '../persons/person-repository.js';
import { waitForHead } from '../read-your-writes.js';
import { eventMetadata } from '../request-context.js';
import { certificateNumber, certificateSeriesId, newVerificationCode } from './codes.js';
import { certificateBody, certificateSchema, hoursSchema } from './schemas.js';
import { publicUrlOf } from '../public-url.js';

const CATEGORY_NAMES = { public: { zh: '公需科目', en: 'Public' }, professional: { zh: '专业科目', en: 'Professional' }, elective: { zh: '选修科目', en: 'Elective' } };
const DECISION_MODELS = ['credit_totals', 'dishonesty_records', 'certificates'];

const yearSchema = Joi.object({
  year: Joi.number().integer().required(),
  required: hoursSchema.required(),
  completed: hoursSchema.required(),
  missing: hoursSchema.required(),
  eligible: Joi.boolean().required(),
  blocked: Joi.boolean().required().description('an active dishonesty record blocks certificates'),
  certificate: certificateSchema.allow(null).required(),
}).label('CertificateYear');

const standingBody = (standing: YearStanding) => ({
  year: standing.year,
  required: asHours(standing.required),
  completed: asHours(standing.completed),
  missing: asHours(standing.missing),
  eligible: standing.eligible,
});

/** The years a person may hold a certificate for here: from the first declarable year to this one, newest first. */
function declarableYears(first: number, now: Date): number[] {
  const years: number[] = [];
  for (let year = chinaYear(now); year >= first; year--) years.push(year);
  return years;
}

export const myCertificatesRoute: ServerRoute = {
  method: 'GET',
  path: '/me/certificates',
  options: {
    description: 'My certificates by year (证书打印)',
    notes: 'Every year from the first declarable year to this one, newest first; `certificate` is the one standing (a revoked one shows until issued anew).',
    tags: ['api', 'certificates'],
    auth: { access: { scope: ['person'] } },
    response: { schema: Joi.object({ items: Joi.array().items(yearSchema).required(), blockedBy: Joi.array().items(Joi.object({ recordId: Joi.string(), reason: Joi.string(), endDate: Joi.string().allow(null) })).required() }).label('MyCertificates') },
    handler: async (request) => {
      const { db, store, config } = request.server.app.deps;
      const personId = request.auth.credentials.subjectId;
      await waitForHead(request, DECISION_MODELS);
      const now = nowOf(request);
      const years = declarableYears(config.firstDeclarableYear, now);
      const [standings, certificates, blocking] = await Promise.all([
        yearStandings(db, store, personId, years),
        certificatesOf(db, personId),
        blockingDishonesty(db, personId, chinaDate(now)),
      ]);
      const latest = new Map(certificates.map((row) => [row.year, row.certificate]));
      return {
        items: standings.map((standing) => {
          const certificate = latest.get(standing.year);
          return { ...standingBody(standing), blocked: blocking.length > 0, certificate: certificate ? certificateBody(certificate) : null };
        }),
        blockedBy: blocking.map((record) => ({ recordId: record.recordId, reason: record.reason, endDate: record.endDate })),
      };
    },
  },
};

function notEligible(standing: YearStanding): ConflictError {
  const short = CREDIT_CATEGORIES.filter((c) => standing.missing[c] > 0);
  const zh = short.map((c) => `${CATEGORY_NAMES[c].zh}还差 ${toHours(standing.missing[c])} 学时`).join('，');
  const en = short.map((c) => `${CATEGORY_NAMES[c].en} ${toHours(standing.missing[c])} h`).join(', ');
  return new ConflictError(
    { zh: `${standing.year}年度学时未达到要求：${zh}`, en: `the ${standing.year} requirements are not met yet; still missing: ${en}` },
    {
      code: 'not_eligible',
      details: short.map((c) => ({ field: c, message: { zh: `还差 ${toHours(standing.missing[c])} 学时`, en: `${toHours(standing.missing[c])} hours missing` } })),
      facts: { missing: asHours(standing.missing), required: asHours(standing.required), completed: asHours(standing.completed) },
    },
  );
}

export const issueCertificateRoute: ServerRoute<{ Params: { year: number } }> = {
  method: 'POST',
  path: '/me/certificates/{year}',
  options: {
    description: 'Issue my certificate for a year (打印证书)',
    notes:
      '201 with the new certificate; 200 with the one already standing for the year. 409 `not_eligible` with `missing` hours per category; 409 `dishonesty_blocks` while an active dishonesty record blocks certificates; 422 for a year before the first declarable one or still to come.',
    tags: ['api', 'certificates'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { successStatus: 201 } },
    validate: { params: Joi.object({ year: Joi.number().integer().min(1990).max(2100).required() }) },
    response: { status: { 200: certificateSchema, 201: certificateSchema } },
    handler: async (request, h) => {
      const { db, store, config } = request.server.app.deps;
      const personId = request.auth.credentials.subjectId;
      const { year } = request.params;
      const now = nowOf(request);
      if (year < config.firstDeclarableYear || year > chinaYear(now)) {
        const message =
          year < config.firstDeclarableYear
            ? { zh: `${config.firstDeclarableYear}年以前的证书请在“历史数据”中查看`, en: `certificates before ${config.firstDeclarableYear} are in the old system's history` }
            : { zh: '该年度尚未开始', en: 'that year has not begun' };
        throw new UnprocessableError(message, { details: [{ field: 'year', message }] });
      }
      await waitForHead(request, DECISION_MODELS);
      const standing = (await certificatesOf(db, personId)).filter((row) => row.year === year).at(-1)?.certificate;
      if (standing && !standing.revokedAt) return h.response(certificateBody(standing)).code(200);

      const [eligibility, blocking, person, binding] = await Promise.all([
        yearStanding(db, store, personId, year),
        blockingDishonesty(db, personId, chinaDate(now)),
        loadPerson(store, personId),
        loadBinding(store, personId),
      ]);
      if (!person) throw new NotFoundError();
      if (blocking.length > 0) {
        throw new ConflictError(
          { zh: '您有尚在有效期内的失信记录，暂不能打印证书', en: 'an active dishonesty record blocks certificates for now' },
          { code: 'dishonesty_blocks', facts: { blockedBy: blocking.map((r) => ({ recordId: r.recordId, reason: r.reason, endDate: r.endDate })) } },
        );
      }
      if (!eligibility.eligible) throw notEligible(eligibility);

      const certificateId = crypto.randomUUID();
      const verificationCode = newVerificationCode();
      const unit = binding.current?.unit;
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: certificateWorkflowId(certificateSeriesId(personId, year)),
        update: issueCertificateUpdate,
        args: {
          snapshot: {
            certificateId, personId, year, certificateNo: certificateNumber(year, certificateId), verificationCode,
            verifyUrl: `${publicUrlOf(request)}/verify/${verificationCode}`, title: config.certificate.title, issuer: config.certificate.issuer,
            holder: { name: person.name, idNumberMasked: maskIdNumber(person.idNumber) },
            unit: unit ? { unitId: unit.unitId, name: unit.name } : null,
            halfHours: eligibility.completed, required: eligibility.required,
          },
          actor: metadata.actor,
          correlationId: metadata.correlationId,
        },
      });
      return h.response(certificateBody(view.current!, view.position)).code(view.issuedNow ? 201 : 200);
    },
  },
};
