/**
 * What the clients of one load run know about each other: the organisations, people, records, classes and enrolments
 * they created, where each stands, and who is acting on which right now. Journeys coordinate through it so that every
 * request they send is valid when it arrives — a unit never decides a record its owner is withdrawing, nobody enrols in
 * a class being closed — so any error the report shows is the system's, not a race the driver staged.
 *
 * An entity whose command failed becomes `uncertain`: the command may or may not have taken effect, so nobody acts on
 * it again and nothing is expected of it.
 */
import type { Session } from './session.js';

/** A promise with its resolver outside: one client waits for what another does (an approval, a confirmation). */
export class Awaited<T> {
  readonly promise: Promise<T>;
  settle!: (value: T) => void;
  constructor() {
    this.promise = new Promise<T>((resolve) => (this.settle = resolve));
  }
}

export interface OrgEntry {
  orgId: string;
  kind: 'unit' | 'institution';
  name: string;
  status: 'pending' | 'approved' | 'uncertain';
  /** Settles with the approval's position (or null if the decision failed). */
  approval: Awaited<string | null>;
  /** The newest position of work sent to this organisation's inbox: its reviewer reads with `?after=` it. */
  inboxPosition?: string;
}

export interface BindingEntry {
  bindingId: string;
  personId: string;
  unitId: string;
  taskId: string;
  status: 'pending' | 'confirmed' | 'rejected' | 'uncertain';
  /** The confirmed binding this request would end (a job change). */
  endsBindingId?: string;
  decided: Awaited<BindingEntry['status']>;
}

export interface PersonEntry {
  personId: string;
  accountId: string;
  username: string;
  session: Session;
  /** The confirmed binding, if any. */
  bound?: { unitId: string; bindingId: string };
  /** The newest position of the person's own commands: their lists are read with `?after=` it. */
  position?: string;
  /** The newest position that changed this person's hours (a decision, a revocation, a completion). */
  hoursPosition?: string;
  records: RecordEntry[];
  enrolments: EnrolmentEntry[];
}

export interface RecordEntry {
  recordId: string;
  personId: string;
  year: number;
  category: 'public' | 'professional' | 'elective';
  halfHours: number;
  title: string;
  status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'revoked' | 'uncertain';
  attachments: number;
  /** The open review's task, while submitted. */
  taskId?: string;
  unitId?: string;
  /** Someone is acting on it (deciding, withdrawing, revoking, editing). */
  busy: boolean;
}

export interface ClassEntry {
  classId: string;
  institutionId: string;
  /** `rolling`: starts later, so enrolments may be cancelled; `completable`: started today, so it can complete. */
  kind: 'rolling' | 'completable';
  status: 'accepting' | 'closing' | 'closed' | 'completed' | 'uncertain';
  openPosition: string;
  /** When it opened (ms since the run started). */
  openedAt: number;
  /** Enrolment requests in flight: the institution closes only once none is. */
  enrolling: number;
  category: 'public' | 'professional' | 'elective';
  halfHours: number;
  year: number;
  enrolments: EnrolmentEntry[];
}

export interface EnrolmentEntry {
  enrolmentId: string;
  classId: string;
  personId: string;
  status: 'pending' | 'waitlisted' | 'approved' | 'rejected' | 'cancelled' | 'completed' | 'missed' | 'lapsed' | 'uncertain';
  busy: boolean;
  /** The newest position of a command about it. */
  position?: string;
}

/** The later of two positions (fixed-width text, so they compare as strings). */
export const later = (a: string | undefined, b: string | undefined): string | undefined => (!a ? b : !b ? a : a > b ? a : b);

export class World {
  readonly orgs = new Map<string, OrgEntry>();
  readonly persons = new Map<string, PersonEntry>();
  readonly records = new Map<string, RecordEntry>();
  readonly classes = new Map<string, ClassEntry>();
  readonly enrolments = new Map<string, EnrolmentEntry>();
  readonly bindings = new Map<string, BindingEntry>();
  /** The newest organisation application: admin reads its inbox with `?after=` it. */
  applicationsPosition?: string;
  /** The newest class opening: persons read the catalogue with `?after=` it. */
  classesPosition?: string;

  approvedUnits(): OrgEntry[] {
    return [...this.orgs.values()].filter((org) => org.kind === 'unit' && org.status === 'approved');
  }

  /** Work for `orgId`'s inbox was written at `position`. */
  sentTo(orgId: string, position: string | undefined): void {
    const org = this.orgs.get(orgId);
    if (org) org.inboxPosition = later(org.inboxPosition, position);
  }

  hoursChanged(personId: string, position: string | undefined): void {
    const person = this.persons.get(personId);
    if (person) person.hoursPosition = later(person.hoursPosition, position);
  }
}
