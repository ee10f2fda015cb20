/** The kinds of human decision (DOMAIN.md Lifecycles); each lifecycle requests reviews of its own kinds. */

export const TASK_KINDS = ['org-approval', 'binding-confirmation', 'credit-review', 'enrolment-review'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_DECISIONS = ['approve', 'reject'] as const;
export type TaskDecisionValue = (typeof TASK_DECISIONS)[number];

/** What a task is about, by the stream kind of its subject. */
export const TASK_SUBJECT_TYPES = ['org', 'binding', 'credit', 'enrolment'] as const;
export type TaskSubjectType = (typeof TASK_SUBJECT_TYPES)[number];
