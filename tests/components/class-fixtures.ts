// Classes, roster entries, enrolments and pages as the API answers them, for the class screens' tests
// (<jxjy-class-catalog>, <jxjy-enrolments>, <jxjy-class-manage>, the inbox's enrolment rows).
import type { CatalogueClass, RosterEntry, TimedEnrolment } from '../../components/api/types.js';
import { json } from './fetch-stub.js';

/** A date `offset` days from today, far enough from midnight in any time zone for "before the start" to be clear. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const P1 = '00000000000000000201:00000000000000000201';
export const P2 = '00000000000000000202:00000000000000000202';

/** A class; a catalogue item also says where the person stands in it (`myEnrolment`, given by the test). */
export const klass = (n: number, over: Partial<CatalogueClass> = {}): CatalogueClass => ({
  classId: `c-${n}`,
  institutionId: 'inst-1',
  institutionName: '广东省专业技术人员继续教育基地',
  title: `人工智能应用专题培训班${n}`,
  category: 'professional',
  hours: 12,
  capacity: 30,
  seatsTaken: 12,
  seatsLeft: 18,
  waitlisted: 0,
  status: 'accepting',
  startDate: day(10),
  endDate: day(11),
  regionCode: '440100',
  description: '面向全市工程技术人员，讲授人工智能在工程中的应用。',
  ...over,
});

export const entry = (n: number, over: Partial<RosterEntry> = {}): RosterEntry => ({
  enrolmentId: `e-${n}`,
  personId: `p-${n}`,
  name: `学员${n}`,
  idNumberMasked: `4401**********12${String(n).padStart(2, '0')}`,
  status: 'approved',
  requestedAt: '2026-03-01T02:00:00.000Z',
  decidedAt: '2026-03-02T03:00:00.000Z',
  reason: null,
  ...over,
});

export const enrolment = (n: number, over: Partial<TimedEnrolment> = {}, classOver: Partial<TimedEnrolment['class']> = {}): TimedEnrolment => ({
  enrolmentId: `e-${n}`,
  class: {
    classId: `c-${n}`,
    title: `人工智能应用专题培训班${n}`,
    institutionName: '广东省专业技术人员继续教育基地',
    category: 'professional',
    hours: 12,
    startDate: day(10),
    endDate: day(11),
    ...classOver,
  },
  status: 'pending',
  requestedAt: '2026-03-01T02:00:00.000Z',
  promotedAt: null,
  approvedAt: null,
  decidedAt: null,
  reason: null,
  ...over,
});

export const page = <T>(items: T[], nextCursor: string | null = null, extra: Record<string, unknown> = {}) => json(200, { items, nextCursor, ...extra });

export const problem = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  json(status, { statusCode: status, error: status === 409 ? 'Conflict' : status === 422 ? 'Unprocessable Entity' : 'Error', message, ...extra });
