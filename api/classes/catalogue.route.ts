/**
 * GET /classes — for a person, the classes accepting enrolment that their unit's region can see (DOMAIN.md: the same
 * city, or province-wide), with seats left and where the person already stands in each (`myEnrolment`), and
 * `bound: false` when they have no unit yet (so a screen can say why the list is empty); for an institution, its own
 * classes whatever their status. GET /classes/{id} — one class; its institution also gets the roster. Both take
 * `?after=` and wait for the read models they read.
 */
import type { ServerRoute } from '@hapi/hapi';
import { CREDIT_CATEGORIES, type CreditCategory, toHours } from '../../events/credit.js';
import { type ClassRow, listClasses } from '../../projections/classes.js';
import { type EnrolmentRow, enrolmentsOfPerson, rosterOf } from '../../projections/enrolments.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { loadBinding } from '../persons/person-repository.js';
import { afterQuery, waitForPosition } from '../read-your-writes.js';
import { classBody, loadClass } from './class-access.js';
import { classSchema } from './schemas.js';

interface CatalogueQuery {
  available?: boolean;
  category?: CreditCategory;
  q?: string;
  limit: number;
  cursor?: string;
  after?: string;
}

const rowBody = (row: ClassRow, mine?: Map<string, EnrolmentRow>) => ({
  classId: row.classId, institutionId: row.institutionId, institutionName: row.institutionName, title: row.title, category: row.category,
  hours: toHours(row.halfHours), capacity: row.capacity, seatsTaken: row.seatsTaken, seatsLeft: Math.max(0, row.capacity - row.seatsTaken),
  waitlisted: row.waitlisted, status: row.status, startDate: row.startDate, endDate: row.endDate, regionCode: row.regionCode, description: row.description,
  ...(mine ? { myEnrolment: myEnrolmentOf(mine.get(row.classId)) } : {}),
});

const myEnrolmentOf = (row: EnrolmentRow | undefined) => (row ? { enrolmentId: row.enrolmentId, status: row.status } : null);

/** Who may see a class: its institution, admin and auditors always; a person while it is visible from their unit's region. */
export const visibleFrom = (classRegion: string, personRegion: string) =>
  classRegion.slice(0, 4) === personRegion.slice(0, 4) || classRegion === `${personRegion.slice(0, 2)}0000`;

export const catalogueRoute: ServerRoute<{ Query: CatalogueQuery }> = {
  method: 'GET',
  path: '/classes',
  options: {
    description: 'Training classes (培训班)',
    notes:
      'A person: classes accepting enrolment visible from their unit’s region (same city, or province-wide), with seats left and `myEnrolment` ' +
      '(their latest enrolment in the class, `{enrolmentId, status}`, or null). An institution: its own. Admin, auditors: all.',
    tags: ['api', 'classes'],
    auth: { access: { scope: ['person', 'institution', 'admin', 'auditor'] } },
    validate: {
      query: Joi.object({
        available: Joi.boolean(),
        category: Joi.string().valid(...CREDIT_CATEGORIES),
        q: Joi.string().trim().max(100).allow(''),
        limit: Joi.number().integer().min(1).max(200).default(20),
        cursor: Joi.string().max(300),
        ...afterQuery,
      }),
    },
    response: {
      schema: Joi.object({
        items: Joi.array().items(classSchema).required(),
        nextCursor: Joi.string().allow(null).required(),
        bound: Joi.boolean().description('for a person: false when they have no confirmed unit, so no class can be shown'),
        regionCode: Joi.string().allow(null).description('for a person: the region their classes are chosen by'),
      }).label('ClassPage'),
    },
    handler: async (request) => {
      const { db, store } = request.server.app.deps;
      const { role, orgId, subjectId } = request.auth.credentials;
      await requireApprovedOrg(request);
      await waitForPosition(request, request.query.after, role === 'person' ? ['classes', 'enrolments'] : ['classes']);
      const { category, q, limit, cursor } = request.query;
      const filters = { limit, ...(category ? { category } : {}), ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) };
      if (role === 'person') {
        const unit = (await loadBinding(store, subjectId)).current?.unit;
        if (!unit) return { items: [], nextCursor: null, bound: false, regionCode: null };
        const page = await listClasses(db, { ...filters, visibleFrom: unit.regionCode });
        const mine = await enrolmentsOfPerson(db, subjectId, page.items.map((row) => row.classId));
        return { items: page.items.map((row) => rowBody(row, mine)), nextCursor: page.nextCursor, bound: true, regionCode: unit.regionCode };
      }
      const page = await listClasses(db, { ...filters, ...(role === 'institution' ? { institutionId: orgId! } : {}) });
      return { items: page.items.map((row) => rowBody(row)), nextCursor: page.nextCursor };
    },
  },
};

export const getClassRoute: ServerRoute<{ Params: { classId: string }; Query: { after?: string } }> = {
  method: 'GET',
  path: '/classes/{classId}',
  options: {
    description: 'One training class',
    notes:
      'Its institution (with the roster), admin and auditors; a person when it is visible from their unit’s region. 404 otherwise. ' +
      '`?after=` (a command’s or a task decision’s position) answers once the roster includes it.',
    tags: ['api', 'classes'],
    auth: { access: { scope: ['person', 'institution', 'admin', 'auditor'] } },
    validate: { params: Joi.object({ classId: Joi.string().guid().required() }), query: Joi.object({ ...afterQuery }) },
    response: { schema: classSchema },
    handler: async (request) => {
      const { role, orgId, subjectId } = request.auth.credentials;
      await requireApprovedOrg(request);
      // The class itself is read from its stream, always current; only the roster comes from a read model.
      await waitForPosition(request, request.query.after, ['enrolments']);
      const state = await loadClass(request, request.params.classId);
      const { db, store } = request.server.app.deps;
      if (role === 'institution') {
        if (state.institutionId !== orgId) throw new NotFoundError();
        return classBody(state, { roster: await rosterOf(db, state.classId) });
      }
      if (role === 'person') {
        const unit = (await loadBinding(store, subjectId)).current?.unit;
        if (!unit || !visibleFrom(state.details!.regionCode, unit.regionCode) || state.status === 'draft') throw new NotFoundError();
        return classBody(state);
      }
      return classBody(state, { roster: await rosterOf(db, state.classId) });
    },
  },
};

