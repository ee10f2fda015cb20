// Shapes of the API bodies the screens read (CONTRACT.md), kept beside the client that fetches them.
// Only what the components use; the server may send more. Roles, kinds and decisions are the shared vocabulary's.
import type { OrgKind, Role, TaskDecisionValue, TaskKind } from '../../events/vocabulary/index.js';

export type { OrgKind, Role, TaskKind };

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
  /** Kind-specific facts about the subject; not shown yet. */
  details?: Record<string, unknown>;
  decision?: Decision;
  reason?: string;
  decidedAt?: string;
}

export interface TaskPage {
  items: TaskItem[];
  nextCursor?: string | null;
}

export interface DecisionResult {
  taskId: string;
  status: 'closed';
  decision: Decision;
  subject: TaskSubject;
}

export interface Me {
  accountId: string;
  username: string;
  role: Role;
  subjectId: string;
  orgId?: string;
  name: string;
  mustChangePassword: boolean;
  org?: { orgId: string; name: string; status: OrgStatus; reason?: string };
}
