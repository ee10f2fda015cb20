// What the class routes answer beyond the shapes in components/api/types.ts (CONTRACT.md extended, not changed): a
// catalogue class carries the person's own enrolment in it, and an enrolment the time of each step. Kept beside the
// class screens that read them until the shared API types take them in.
import type { EnrolmentStatus, MyEnrolment, TrainingClass } from '../api/types.js';

/** When an enrolment left the waiting list and when the institution approved it (null: it did not happen). */
export interface EnrolmentMoments {
  /** A seat freed and the enrolment moved up from the waiting list (waitlisted → pending). */
  promotedAt: string | null;
  /** The institution's approval; kept when the class completes, which moves `decidedAt` to the completion. */
  approvedAt: string | null;
}

/** An item of GET /me/enrolments with its moments. */
export type TimedEnrolment = MyEnrolment & EnrolmentMoments;

export interface TimedEnrolmentPage {
  items: TimedEnrolment[];
  nextCursor?: string | null;
}

/** Where the person stands in a class: their latest enrolment in it. */
export interface OwnEnrolment {
  enrolmentId: string;
  status: EnrolmentStatus;
}

/** An item of GET /classes?available=true for a person: `myEnrolment` is null when they never enrolled in it. */
export interface CatalogueClass extends TrainingClass {
  myEnrolment?: OwnEnrolment | null;
}

export interface CataloguePage {
  items: CatalogueClass[];
  nextCursor?: string | null;
  bound?: boolean;
  regionCode?: string | null;
}
