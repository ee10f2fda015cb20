// The events of <jxjy-certificate>, <jxjy-dishonesty> and <jxjy-requirements>, merged into JxjyEventDetailMap
// (events.ts) by declaration merging, so `emit()` and host listeners are typed the same way as every other event.
// Kept apart from events.ts while that file is being extended elsewhere; they belong there in the end.

/** A dishonesty record a command changed: which record, and whom it concerns. */
export interface DishonestyEventDetail {
  recordId: string;
  personId: string;
}

declare module './events.js' {
  interface JxjyEventDetailMap {
    /** A person was issued (or handed back) a year's certificate (打印证书). */
    'jxjy-certificate-issued': { certificateId: string; year: number; verificationCode: string };
    /** Admin recorded a dishonesty record (记录失信信息). */
    'jxjy-dishonesty-recorded': DishonestyEventDetail;
    /** Admin revoked a dishonesty record (撤销); it no longer blocks anything. */
    'jxjy-dishonesty-revoked': DishonestyEventDetail;
    /** Admin set a year's required hours (年度学时要求). */
    'jxjy-requirements-saved': { year: number; public: number; professional: number; elective: number };
  }
}
