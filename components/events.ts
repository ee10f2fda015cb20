// Every custom event a jxjy-* element dispatches, typed once so `emit()` and host listeners agree.
// Add new events here as `'jxjy-<noun>-<past-verb>': <detail>`; keep details plain, serialisable data.
import type { StaffRole } from './api/audit.types.js';
import type { Decision, LegacyImportCounts, LegacyKind, OrgRegistered, Session, TaskSubject } from './api/types.js';

/**
 * Screens a component asks the host to show; the host owns routing. A person's pages: `binding` (单位绑定: the
 * catalogue points there when classes need a unit first), `classes` (培训班) and `enrolments` (我的报名).
 */
export type NavigationTarget = 'login' | 'register' | 'org-register' | 'binding' | 'classes' | 'enrolments';

/** A dishonesty record a command changed: which record, and whom it concerns. */
export interface DishonestyEventDetail {
  recordId: string;
  personId: string;
}

export interface JxjyEventDetailMap {
  /**
   * Fired (cancelable) when the API answers 401 to a request that carried a token. The host may push a
   * promise into `waitFor` and set a fresh token meanwhile; the element awaits them and retries once.
   * `preventDefault()` means "don't retry": the element shows the 401 error instead.
   */
  'jxjy-token-expired': { waitFor: Promise<unknown>[] };
  /** A sign-in succeeded. The host stores `accessToken`; no component keeps it. */
  'jxjy-login-succeeded': Session;
  /** The password was changed; the detail is the new, unrestricted session replacing the old token. */
  'jxjy-password-changed': Session;
  /** A person registered (个人注册); the account changes its password at first sign-in. */
  'jxjy-person-registered': { accountId: string; personId: string; username: string };
  /** An organisation registration was accepted and awaits the administrator's approval. */
  'jxjy-org-registered': OrgRegistered;
  /** A person saved their basic information (人员基本信息). */
  'jxjy-profile-saved': { personId: string };
  /** A person asked a unit to confirm them (单位绑定); the unit's reviewers find a task. */
  'jxjy-binding-requested': { bindingId: string; unitId: string };
  /** A person took back their pending binding request. */
  'jxjy-binding-cancelled': { bindingId: string };
  /** A person created or changed a credit record (学时申报); it is a draft until submitted. */
  'jxjy-credit-record-saved': { recordId: string };
  /** A person submitted a record to their unit (确认送审); the unit's reviewers find a `credit-review` task. */
  'jxjy-credit-record-submitted': { recordId: string };
  /** A person took a submitted record back before the unit decided (撤回); it is a draft again. */
  'jxjy-credit-record-withdrawn': { recordId: string };
  /** A person enrolled in a class (报名): `pending` holds a seat for the institution to review, `waitlisted` waits for one. */
  'jxjy-enrolment-requested': { enrolmentId: string; classId: string; status: 'pending' | 'waitlisted' };
  /** A person cancelled an enrolment before the class started; a seat it held goes to the first in line. */
  'jxjy-enrolment-cancelled': { enrolmentId: string; classId: string };
  /** An institution created a class (a draft until it opens for enrolment). */
  'jxjy-class-created': { classId: string };
  /** An institution opened a class for enrolment (接受报名), or opened it again after closing it. */
  'jxjy-class-opened': { classId: string };
  /** An institution closed a class's enrolment (截止报名). */
  'jxjy-class-closed': { classId: string };
  /** An institution completed a class (结业); its attendees are granted the class hours. */
  'jxjy-class-completed': { classId: string; attendees: number };
  /**
   * A reviewer decided a task; the row already shows the result. `position` is that of the last event the decision
   * caused (the subject's own outcome included): a host reading the subject passes it as `?after=` to see the outcome.
   */
  'jxjy-task-decided': { taskId: string; decision: Decision; subject: TaskSubject; position: string };
  /** A person was issued (or handed back) a year's certificate (打印证书). */
  'jxjy-certificate-issued': { certificateId: string; year: number; verificationCode: string };
  /** Admin recorded a dishonesty record (记录失信信息). */
  'jxjy-dishonesty-recorded': DishonestyEventDetail;
  /** Admin revoked a dishonesty record (撤销); it no longer blocks anything. */
  'jxjy-dishonesty-revoked': DishonestyEventDetail;
  /** Admin set a year's required hours (年度学时要求). */
  'jxjy-requirements-saved': { year: number; public: number; professional: number; elective: number };
  /** Admin's file was accepted (导入历史数据); the import runs in the background. */
  'jxjy-legacy-import-started': { importId: string; kind: LegacyKind; dryRun: boolean };
  /** An import this element followed has finished: `completed` (see the counts) or `failed`. */
  'jxjy-legacy-import-finished': { importId: string; kind: LegacyKind; dryRun: boolean; status: 'completed' | 'failed'; rows: LegacyImportCounts };
  /** An auditor's whole-log verification finished: whether every chain holds, how much it looked at, how many problems. */
  'jxjy-audit-verified': { valid: boolean; events: number; streams: number; problems: number; upTo: string };
  /** A replay this element started (or followed) finished: its rows are ready (`completed`) or it `failed`. */
  'jxjy-replay-finished': { replayId: string; projection: string; position: string; status: 'completed' | 'failed' };
  /** The log was sealed on request; `created` is false when nothing was written since the latest seal (it is that one). */
  'jxjy-log-sealed': { sealId: string; position: string; count: number; created: boolean };
  /** Admin created a staff account (审计人员 or another admin); its one-time password is shown once, never in an event. */
  'jxjy-staff-created': { accountId: string; username: string; role: StaffRole };
  /** The user asked for another screen (e.g. a registration link on the login form). */
  'jxjy-navigate': { to: NavigationTarget };
}

export type JxjyEventMap = { [K in keyof JxjyEventDetailMap]: CustomEvent<JxjyEventDetailMap[K]> };

declare global {
  // Lets host code write `el.addEventListener('jxjy-token-expired', e => e.detail.waitFor…)` with types.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends JxjyEventMap {}
}
