/**
 * The rule that an organisation acts only once approved (DOMAIN.md): a unit or institution reviewer whose
 * organisation is pending or rejected gets 403 with a message that says why — read from the org's own stream, so
 * an approval counts from the moment it is written.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import { type OrgSummary, orgStream, summarizeOrg } from '../../events/org.js';
import type { EventStore } from '../../events/store/event-store.js';
import { ForbiddenError } from '../errors.js';

export async function loadOrgSummary(store: EventStore, orgId: string): Promise<OrgSummary | null> {
  return summarizeOrg(await store.readStream(orgStream(orgId)));
}

/** For unit and institution callers: their organisation must be approved. Other roles pass. */
export async function requireApprovedOrg<R extends ReqRef>(request: Request<R>): Promise<OrgSummary | null> {
  const { role, orgId } = request.auth.credentials;
  if (role !== 'unit' && role !== 'institution') return null;
  const org = orgId ? await loadOrgSummary(request.server.app.deps.store, orgId) : null;
  if (org?.status === 'approved') return org;
  const message =
    org?.status === 'rejected'
      ? { zh: `单位注册未通过审核（原因：${org.reason ?? ''}），请修改后重新提交`, en: `your organisation's registration was rejected (${org.reason ?? ''}); correct it and apply again` }
      : { zh: '单位注册正在等待人社部门审核，审核通过后才能办理业务', en: "your organisation's registration is awaiting approval; you can act once it is approved" };
  throw new ForbiddenError(message, { code: org?.status === 'rejected' ? 'org_rejected' : 'org_not_approved' });
}
