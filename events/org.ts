/**
 * Organisation events (`org-<orgId>`): an employer unit or a teaching institution registers itself with its first
 * reviewer account, and `admin` approves or rejects it; a rejected organisation may apply again. Pure.
 */

export type OrgKind = 'unit' | 'institution';
export type OrgStatus = 'pending' | 'approved' | 'rejected';

export const orgStream = (orgId: string) => `org-${orgId}`;

export interface OrgDetails {
  kind: OrgKind;
  name: string;
  /** 统一社会信用代码, GB 32100 (checked before it gets here). */
  uscc: string;
  /** 行政区划代码, 6 digits (GB/T 2260). */
  regionCode: string;
  contactName: string;
  contactPhone: string;
}

export interface OrgRegistered {
  type: 'OrgRegistered';
  data: OrgDetails & { orgId: string; reviewerAccountId: string; reviewerUsername: string; registeredAt: string };
}

/** A rejected organisation's corrected application; `kind` and the reviewer account stay as first registered. */
export interface OrgReapplied {
  type: 'OrgReapplied';
  data: Omit<OrgDetails, 'kind'> & { orgId: string; reappliedAt: string; attempt: number };
}

export interface OrgApproved {
  type: 'OrgApproved';
  data: { orgId: string; taskId: string; approvedBy: string; approvedAt: string };
}

export interface OrgRejected {
  type: 'OrgRejected';
  data: { orgId: string; taskId: string; reason: string; rejectedBy: string; rejectedAt: string };
}

export type OrgEvent = OrgRegistered | OrgReapplied | OrgApproved | OrgRejected;

/** What others need to know of an organisation, folded from its stream: who it is and where its application stands. */
export interface OrgSummary {
  orgId: string;
  kind: OrgKind;
  name: string;
  regionCode: string;
  status: OrgStatus;
  reason?: string;
  attempt: number;
}

export function summarizeOrg(events: Array<{ type: string; data: unknown }>): OrgSummary | null {
  return (events as OrgEvent[]).reduce<OrgSummary | null>((summary, event) => {
    switch (event.type) {
      case 'OrgRegistered': {
        const { orgId, kind, name, regionCode } = event.data;
        return { orgId, kind, name, regionCode, status: 'pending', attempt: 1 };
      }
      case 'OrgReapplied':
        return summary && { ...summary, name: event.data.name, regionCode: event.data.regionCode, status: 'pending', reason: undefined, attempt: event.data.attempt };
      case 'OrgApproved':
        return summary && { ...summary, status: 'approved', reason: undefined };
      case 'OrgRejected':
        return summary && { ...summary, status: 'rejected', reason: event.data.reason };
      default:
        return summary; // task events and later kinds do not change the summary
    }
  }, null);
}
