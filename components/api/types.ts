// Shapes of the API bodies the screens read (CONTRACT.md), kept beside the client that fetches them, grouped by the
// contract's sections: sessions and organisations, tasks, profile and binding, credit records, classes and enrolment,
// certificates, dishonesty records and requirements, the old-system history. Only what the components use; the server
// may send more. Roles, kinds, statuses and decisions are the events' and the shared vocabulary's own lists.
import type { ClassStatus } from '../../events/class.js';
import type { CreditCategory, CreditMode, CreditStatus } from '../../events/credit.js';
import type { DishonestyStatus } from '../../events/dishonesty.js';
import type { EnrolmentStatus } from '../../events/enrolment.js';
import type { LegacyKind } from '../../events/legacy.js';
import type { EducationLevel, Gender } from '../../events/person.js';
import type { OrgKind, Role, TaskDecisionValue, TaskKind } from '../../events/vocabulary/index.js';

export type {
  ClassStatus,
  CreditCategory,
  CreditMode,
  CreditStatus,
  DishonestyStatus,
  EducationLevel,
  EnrolmentStatus,
  Gender,
  LegacyKind,
  OrgKind,
  Role,
  TaskKind,
};

/** What POST /sessions and PUT /accounts/me/password answer, and what the host page stores. */
export interface Session {
  accessToken: string;
  expiresIn: number;
  mustChangePassword: boolean;
  role: Role;
  subjectId: string;
  orgId?: string;
}

/** Copies only the contract's fields, so an event detail never carries whatever else the server adds. */
export function toSession(body: Session): Session {
  const { accessToken, expiresIn, mustChangePassword, role, subjectId, orgId } = body;
  return orgId === undefined
    ? { accessToken, expiresIn, mustChangePassword, role, subjectId }
    : { accessToken, expiresIn, mustChangePassword, role, subjectId, orgId };
}

export interface CaptchaChallenge {
  captchaId: string;
  svg: string;
  expiresAt: string;
  /** Only when the server runs with JXJY_CAPTCHA=reveal (automated tests). */
  answer?: string;
}

export type OrgStatus = 'pending' | 'approved' | 'rejected';

export interface OrgRegistered {
  orgId: string;
  status: OrgStatus;
}

export type Decision = TaskDecisionValue;

/** What POST /accounts (个人注册) answers. */
export interface PersonRegistered {
  accountId: string;
  personId: string;
  username: string;
  position: string;
}

export interface TaskSubject {
  type: string;
  id: string;
  title: string;
}

export interface TaskItem {
  taskId: string;
  kind: TaskKind | (string & {});
  status: 'open' | 'closed';
  subject: TaskSubject;
  requestedBy: { id: string; name: string };
  createdAt: string;
  dueAt?: string | null;
  /** When a reminder went out because the due date passed undecided; null or absent when none did. */
  remindedAt?: string | null;
  escalated: boolean;
  /** Kind-specific facts about the subject (for `binding-confirmation`: BindingTaskDetails). */
  details?: Record<string, unknown>;
  decision?: Decision;
  reason?: string;
  decidedAt?: string;
}

export interface TaskPage {
  items: TaskItem[];
  nextCursor?: string | null;
}

/** What POST /tasks/{taskId}/decision answers. */
export interface DecisionResult {
  taskId: string;
  status: 'closed';
  decision: Decision;
  subject: TaskSubject;
  /** The last event the decision caused, the subject's own outcome included: reads with `?after=` see it. */
  position: string;
}

/** What a `binding-confirmation` task tells the unit about the person (the ID number masked). */
export interface BindingTaskDetails {
  personName: string;
  idNumberMasked: string;
  /** The person is bound to another unit now: confirming ends that binding (工作单位变更). */
  jobChange: boolean;
}

/** A person's basic information (人员基本信息); the ID number is whole only in the owner's own answers. */
export interface Profile {
  personId: string;
  name: string;
  idNumber: string;
  gender?: Gender;
  birthDate?: string;
  education?: EducationLevel;
  title?: string;
  specialty?: string;
  phone?: string;
  email?: string;
}

/** PUT /me/profile: the whole profile; an empty optional field is cleared. */
export type ProfileUpdate = { [K in Exclude<keyof Profile, 'personId' | 'idNumber'>]: string };

/** What PUT /me/profile answers. */
export interface ProfileSaved extends Profile {
  position: string;
}

export interface BindingUnit {
  unitId: string;
  name: string;
  regionCode: string;
}

export type BindingStatus = 'pending' | 'confirmed' | 'rejected' | 'cancelled' | 'ended';

/** GET /me/binding (and `binding` in GET /me). */
export interface Binding {
  current: { bindingId: string; unit: BindingUnit; since: string } | null;
  pending: { bindingId: string; unit: BindingUnit; requestedAt: string; previousUnitId?: string } | null;
  lastRejection: { unit: BindingUnit; reason: string; rejectedAt: string } | null;
  latest: { bindingId: string; unit: BindingUnit; status: BindingStatus; at: string; reason?: string } | null;
}

/** POST /me/binding (202). */
export interface BindingRequested {
  bindingId: string;
  unitId: string;
  status: 'pending';
  taskId: string;
  position: string;
}

/** DELETE /me/binding/pending. */
export interface BindingCancelled {
  bindingId: string;
  status: 'cancelled';
  position: string;
}

/** An item of GET /orgs (approved organisations, public fields only). */
export interface OrgListItem {
  orgId: string;
  kind: OrgKind;
  name: string;
  regionCode: string;
  status: OrgStatus;
}

export interface OrgPage {
  items: OrgListItem[];
  nextCursor?: string | null;
}

/** An item of GET /units/{unitId}/members (本单位人员). */
export interface UnitMember {
  personId: string;
  name: string;
  idNumberMasked: string;
  status: 'pending' | 'confirmed';
  requestedAt: string;
  boundSince: string | null;
  /** This year's approved hours per category (null when the server has none to tell). */
  progress: { year: number; public: number; professional: number; elective: number; total: number } | null;
}

export interface UnitMemberPage {
  items: UnitMember[];
  nextCursor?: string | null;
}

export interface Me {
  accountId: string;
  username: string;
  role: Role;
  subjectId: string;
  orgId?: string;
  name: string;
  mustChangePassword: boolean;
  /** A person's own profile (their ID number whole). */
  profile?: Profile;
  /** A person's unit binding. */
  binding?: Binding | null;
  org?: { orgId: string; name: string; status: OrgStatus; reason?: string; regionCode?: string };
}

// 学时记录 (CONTRACT.md Credit records): categories, modes and statuses are the events' own lists.

/** A piece of evidence on a record, as the record lists it. */
export interface CreditAttachment {
  attachmentId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256?: string;
}

/** What POST /credit-records/{id}/attachments answers (201). */
export interface CreditAttachmentAdded extends CreditAttachment {
  sha256: string;
  position: string;
}

/** Another record of the same person whose dates overlap (or that looks the same: `duplicate`). */
export interface CreditOverlap {
  recordId: string;
  title: string;
  startDate: string;
  endDate: string;
  status: CreditStatus;
  duplicate: boolean;
}

export type CreditHistoryEvent = 'drafted' | 'edited' | 'submitted' | 'withdrawn' | 'approved' | 'rejected' | 'revoked';

export interface CreditHistoryEntry {
  event: CreditHistoryEvent | (string & {});
  at: string;
  by: { id?: string; role?: Role | (string & {}) };
  reason?: string;
}

/** The fields a person declares (POST /credit-records; PATCH takes any of them). */
export interface CreditDeclarationBody {
  year: number;
  category: CreditCategory;
  title: string;
  mode: CreditMode;
  /** '' clears it on PATCH. */
  organizer?: string;
  startDate: string;
  endDate: string;
  hours: number;
}

/** A record (GET /credit-records/{id} and every command's answer). */
export interface CreditRecord {
  recordId: string;
  personId: string;
  year: number;
  category: CreditCategory;
  title: string;
  mode: CreditMode;
  organizer?: string;
  startDate: string;
  endDate: string;
  hours: number;
  status: CreditStatus;
  reason: string | null;
  unitId: string | null;
  attachments: CreditAttachment[];
  overlaps: CreditOverlap[];
  taskId?: string | null;
  updatedAt: string | null;
  /** Only in GET /credit-records/{id}. */
  history?: CreditHistoryEntry[];
  position?: string;
}

/** An item of GET /credit-records. */
export interface CreditRecordItem {
  recordId: string;
  year: number;
  category: CreditCategory;
  title: string;
  mode: CreditMode;
  organizer: string | null;
  startDate: string;
  endDate: string;
  hours: number;
  status: CreditStatus;
  reason: string | null;
  unitId: string | null;
  attachmentCount: number;
  updatedAt: string;
}

export interface CreditRecordPage {
  items: CreditRecordItem[];
  nextCursor?: string | null;
}

export interface CreditHours {
  public: number;
  professional: number;
  elective: number;
  total: number;
}

/** GET /me/credit-summary?year= (学时完成情况). */
export interface CreditSummary {
  year: number;
  required: CreditHours;
  completed: CreditHours;
  missing: CreditHours;
  eligible: boolean;
  asOf: string | null;
}

/** What a `credit-review` task tells the unit about the record (the ID number masked). */
export interface CreditTaskDetails {
  personName: string;
  idNumberMasked: string;
  year: number;
  category: CreditCategory | (string & {});
  mode: CreditMode | (string & {});
  startDate: string;
  endDate: string;
  hours: number;
  attachments: CreditAttachment[];
  overlaps: CreditOverlap[];
}

// 培训班与报名 (CONTRACT.md Classes and enrolment): class and enrolment statuses are the events' own lists.

/** One person's enrolment on a class's roster, as its institution sees it (the ID number masked). */
export interface RosterEntry {
  enrolmentId: string;
  personId: string;
  name: string;
  idNumberMasked: string;
  status: EnrolmentStatus;
  requestedAt: string;
  decidedAt: string | null;
  reason: string | null;
}

/** A class (GET /classes items, GET /classes/{id}, and every class command's answer). */
export interface TrainingClass {
  classId: string;
  institutionId: string;
  institutionName: string;
  title: string;
  category: CreditCategory;
  hours: number;
  capacity: number;
  /** Seats held: pending and approved enrolments. */
  seatsTaken: number;
  seatsLeft: number;
  /** People waiting in line for a seat. */
  waitlisted: number;
  status: ClassStatus;
  startDate: string;
  endDate: string;
  regionCode: string;
  description: string | null;
  /** Only for the class's own institution (and admin, auditors), in GET /classes/{id} and on completion. */
  roster?: RosterEntry[];
  position?: string;
}

/** GET /classes: for a person, `bound` says whether they have a unit whose region (`regionCode`) chooses the classes. */
export interface ClassPage {
  items: TrainingClass[];
  nextCursor?: string | null;
  bound?: boolean;
  regionCode?: string | null;
}

/** POST /classes. */
export interface ClassCreationBody {
  title: string;
  category: CreditCategory;
  hours: number;
  capacity: number;
  startDate: string;
  endDate: string;
  description?: string;
  regionCode?: string;
}

/** POST /classes/{id}/enrolments (201): a seat for the institution to review, or a place in line. */
export interface Enrolled {
  enrolmentId: string;
  status: 'pending' | 'waitlisted';
  position: string;
}

/** POST /enrolments/{id}/cancel. */
export interface EnrolmentCancelled {
  enrolmentId: string;
  status: 'cancelled';
  position: string;
}

/** An item of GET /me/enrolments (培训班报名情况): `decidedAt` is the time of the latest decision or ending. */
export interface MyEnrolment {
  enrolmentId: string;
  class: { classId: string; title: string; institutionName: string; category: CreditCategory; hours: number; startDate: string; endDate: string };
  status: EnrolmentStatus;
  requestedAt: string;
  decidedAt: string | null;
  reason: string | null;
}

export interface MyEnrolmentPage {
  items: MyEnrolment[];
  nextCursor?: string | null;
}

/** What an `enrolment-review` task tells the institution (the ID number masked). */
export interface EnrolmentTaskDetails {
  personName: string;
  idNumberMasked: string;
  classId: string;
  classTitle: string;
  startDate: string;
}

// What the class routes add for a person: a catalogue class carries their own enrolment in it, an enrolment the time
// of each step.

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

// 证书与查验, 失信记录, 学时要求 (CONTRACT.md Certificates and verification, Dishonesty records, Requirements).

/** An issued certificate (POST /me/certificates/{year}, and each year's `certificate` in GET /me/certificates). */
export interface Certificate {
  certificateId: string;
  year: number;
  /** 证书编号, as printed. */
  certificateNo: string;
  /** 16 characters (Crockford base32), printed and in the QR code. */
  verificationCode: string;
  /** The public page that verifies it (where the QR code leads). */
  verifyUrl: string;
  status: 'valid' | 'revoked';
  holderName: string;
  /** Masked, as printed. */
  idNumber: string;
  unitName: string | null;
  hours: CreditHours;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  position?: string;
}

/** One declarable year of GET /me/certificates: its hours against its requirement, and its certificate if any. */
export interface CertificateYear {
  year: number;
  required: CreditHours;
  completed: CreditHours;
  missing: CreditHours;
  /** Every category met (hours beyond one never fill another). */
  eligible: boolean;
  /** An active dishonesty record blocks certificates today. */
  blocked: boolean;
  /** The one standing for the year: a revoked one shows until the year is issued anew. */
  certificate: Certificate | null;
}

/** A dishonesty record that blocks certificates today, as GET /me/certificates names it. */
export interface CertificateBlock {
  recordId: string;
  reason: string;
  /** YYYY-MM-DD; null = until revoked. */
  endDate: string | null;
}

/** GET /me/certificates: every year from the first declarable one to this one, newest first. */
export interface MyCertificates {
  items: CertificateYear[];
  blockedBy: CertificateBlock[];
}

/** A dishonesty record (失信记录) on the wire; the person is a snapshot of when it was recorded. */
export interface DishonestyRecord {
  recordId: string;
  personId: string;
  personName: string;
  idNumberMasked: string;
  reason: string;
  /** 法律依据. */
  basis: string;
  startDate: string;
  /** null = until revoked. */
  endDate: string | null;
  blocksCertificate: boolean;
  status: DishonestyStatus;
  recordedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  position?: string;
}

export interface DishonestyPage {
  items: DishonestyRecord[];
  nextCursor: string | null;
}

/** POST /dishonesty-records: the person by `personId` or by `idNumber` (exactly one). */
export interface DishonestyRecordBody {
  personId?: string;
  idNumber?: string;
  reason: string;
  basis: string;
  startDate: string;
  endDate?: string;
  blocksCertificate: boolean;
}

/** GET / PUT /requirements/{year}: hours per category and their total; `setAt` null = the defaults in force. */
export interface Requirements {
  year: number;
  public: number;
  professional: number;
  elective: number;
  total: number;
  setAt: string | null;
  position?: string;
}

// 历史数据 (CONTRACT.md Old-system history): a person's history (<jxjy-history>) and admin's imports (<jxjy-legacy-import>).

/** GET /me/history/records?period=: the old system's two tabs (历史数据, manual 1.5.2). */
export type HistoryPeriod = '2018' | 'before-2018';

/** A record the old system approved. Dates are `YYYY-MM-DD`; absent columns are null. */
export interface HistoryRecord {
  year: number;
  category: CreditCategory;
  title: string;
  hours: number;
  organizer: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** The records of a period, and their hours per year and category (keys are years, e.g. "2016"). */
export interface HistoryRecords {
  items: HistoryRecord[];
  totals: Record<string, CreditHours>;
}

/** A certificate the old system issued; it verifies at `/verify/{verificationCode}` like a new one. */
export interface HistoryCertificate {
  /** The old system's own number, as printed. */
  certificateNo: string;
  year: number;
  hours: CreditHours;
  /** YYYY-MM-DD. */
  issuedAt: string;
  issuer: string | null;
  verificationCode: string;
}

export interface HistoryCertificates {
  items: HistoryCertificate[];
}

/** POST /legacy/imports → 202: the import runs in the background; follow it by its id. */
export interface LegacyImportAccepted {
  importId: string;
  status: 'running';
  position: string;
}

export type LegacyImportStatus = 'running' | 'completed' | 'failed';

export interface LegacyImportCounts {
  /** Rows read so far (all of them once completed). */
  total: number;
  /** Rows that pass every check (what a real import takes; a dry run counts them too). */
  valid: number;
  imported: number;
  /** Valid rows already imported before (importing the same rows again adds nothing). */
  duplicates: number;
  rejected: number;
}

/** One refused row: its number in the file, the column (named in the reader's language) and why. */
export interface LegacyRowError {
  row: number;
  field: string;
  column: string;
  message: string;
}

/** GET /legacy/imports/{importId}, and each item of GET /legacy/imports. */
export interface LegacyImport {
  importId: string;
  kind: LegacyKind;
  dryRun: boolean;
  status: LegacyImportStatus;
  rows: LegacyImportCounts;
  progress: {
    /** null until the file has been read. */
    totalRows: number | null;
    processedRows: number;
    chunks: number;
    chunksDone: number;
  };
  /** The first 1,000 refused rows; every one is in the CSV at /rejected. */
  errors: LegacyRowError[];
  file: { filename: string; size: number; format: string; encoding?: string };
  startedAt: string | null;
  finishedAt: string | null;
  /** Why a failed import stopped, in the reader's language. */
  failure: string | null;
}

export interface LegacyImportPage {
  items: LegacyImport[];
  nextCursor: string | null;
}
