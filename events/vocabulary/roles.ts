/** Who may do what (DOMAIN.md Roles): the JWT `role` claim of every account. */

export const ROLES = ['person', 'unit', 'institution', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that decide tasks; unit and institution reviewers act for one organisation (their `orgId`). */
export const REVIEWER_ROLES = ['admin', 'unit', 'institution'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/** Accounts an organisation's registration creates carry the organisation's kind as their role. */
export const ORG_KINDS = ['unit', 'institution'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
