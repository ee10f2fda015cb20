/**
 * How a unit or an institution starts its day in the load run: it registers itself with its first reviewer account
 * (captcha, `POST /orgs`), the reviewer signs in for the first time (changing the password), and — once the admin
 * client has approved the organisation from its inbox — confirms it with `GET /orgs/{id}?after=<approval position>`.
 */
import crypto from 'node:crypto';
import type { Client } from '../client.js';
import { orgRegistered } from '../expected-events.js';
import { username as newUsername, uscc as newUscc } from '../identities.js';
import { Session, captcha } from '../session.js';
import { registeredAfterAll } from './registration-outcome.js';
import { Awaited, type OrgEntry, later } from '../world.js';

export interface Organisation {
  org: OrgEntry;
  reviewer: Session;
}

const NAMES = { unit: ['人民医院', '建筑设计院', '会计师事务所', '中学', '科技有限公司'], institution: ['继续教育学院', '职业培训中心', '干部培训学校'] };

export async function registerOrganisation(client: Client, kind: 'unit' | 'institution'): Promise<Organisation | undefined> {
  const { line, world, ledger, clock } = client;
  const username = newUsername(kind === 'unit' ? 'ld_unit' : 'ld_inst');
  const uscc = newUscc();
  const name = `广州市负载测试${NAMES[kind][crypto.randomInt(NAMES[kind].length)]}${username.slice(-6)}`;
  const reviewer = new Session(line, username, 'Reviewer2026a', 'Reviewer2026b', ledger);
  let org: OrgEntry;
  try {
    const body = async () => ({
      kind, name, uscc, regionCode: '440100', contactName: '张三', contactPhone: '13800138000',
      reviewerUsername: username, reviewerPassword: 'Reviewer2026a', ...(await captcha(line)),
    });
    const registered = await line.call<{ orgId: string; position: string }>('POST /orgs', '/orgs', { body, retry: 'with-key' });
    const { orgId, position } = registered.body;
    ledger.acknowledge({ requestId: registered.requestId, route: 'POST /orgs', status: registered.status, position, expected: orgRegistered({ orgId, kind, uscc, username }) });
    org = { orgId, kind, name, status: 'pending', approval: new Awaited() };
    world.applicationsPosition = later(world.applicationsPosition, position);
    world.orgs.set(orgId, org);
  } catch (error) {
    if (!(await registeredAfterAll(client, reviewer, error))) throw error;
    org = { orgId: reviewer.orgId!, kind, name, status: 'pending', approval: new Awaited() };
    world.orgs.set(org.orgId, org);
  }
  if (!reviewer.signedIn) await reviewer.signIn();
  const approvedAt = await clock.until(org.approval.promise);
  if (!approvedAt) return undefined;
  const seen = await reviewer.call<{ status: string }>('GET /orgs/{id}', `/orgs/${org.orgId}?after=${encodeURIComponent(approvedAt)}`);
  if (seen.body.status !== 'approved') client.inconsistent('GET /orgs/{id}', `after its approval, the organisation reads ${seen.body.status}`);
  return { org, reviewer };
}
