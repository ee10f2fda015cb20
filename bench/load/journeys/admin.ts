/**
 * The administrator's client (人社部门): approves the run's organisations from the `org-approval` inbox as they apply,
 * and every few seconds revokes one approved credit record — so the totals reconciliation sees hours taken away as
 * well as added.
 */
import { type Client, commanding, keepGoing, pick } from '../client.js';
import { creditRevoked, orgApproved } from '../expected-events.js';
import type { Session } from '../session.js';
import { decide, openTasks } from './inbox.js';

const POLL_MS = 250;
const REVOKE_EVERY_MS = 4_000;

export async function adminJourney(client: Client, admin: Session): Promise<void> {
  let nextRevocation = client.clock.now() + REVOKE_EVERY_MS;
  await keepGoing(client, async () => {
    if (client.clock.now() >= nextRevocation) {
      nextRevocation = client.clock.now() + REVOKE_EVERY_MS;
      await revokeOne(client, admin);
      return;
    }
    if ((await approveApplications(client, admin)) === 0) await client.clock.sleep(POLL_MS);
  });
  // Anyone still waiting for an approval stops waiting.
  for (const org of client.world.orgs.values()) org.approval.settle(null);
}

async function approveApplications(client: Client, admin: Session): Promise<number> {
  const { world, ledger } = client;
  const tasks = await openTasks(admin, { kind: 'org-approval', ...(world.applicationsPosition ? { after: world.applicationsPosition } : {}), limit: 50, pages: 1 });
  let decided = 0;
  for (const task of tasks) {
    const org = world.orgs.get(task.subject.id);
    // Organisations that are not this run's are left to whoever runs them.
    if (!org || org.status !== 'pending' || client.clock.stopped()) continue;
    try {
      const answer = await decide(admin, task.taskId, 'approve');
      ledger.acknowledge({ requestId: answer.requestId, route: 'POST /tasks/{id}/decision', status: answer.status, position: answer.position, expected: orgApproved(org.orgId, task.taskId) });
      org.status = 'approved';
      org.approval.settle(answer.position);
      decided++;
    } catch (error) {
      org.status = 'uncertain';
      org.approval.settle(null);
      throw error;
    }
  }
  return decided;
}

async function revokeOne(client: Client, admin: Session): Promise<void> {
  const { world, ledger } = client;
  const record = pick([...world.records.values()].filter((r) => r.status === 'approved' && !r.busy));
  if (!record) return;
  await commanding(record, async () => {
    const answer = await admin.call<{ position: string }>('POST /credit-records/{id}/revoke', `/credit-records/${record.recordId}/revoke`, {
      body: { reason: '负载测试：抽查发现证明材料不实' },
    });
    const { recordId, personId, year, category, halfHours } = record;
    ledger.acknowledge({
      requestId: answer.requestId, route: 'POST /credit-records/{id}/revoke', status: answer.status, position: answer.body.position,
      expected: creditRevoked(recordId, { personId, year, category, halfHours }),
    });
    record.status = 'revoked';
    world.hoursChanged(personId, answer.body.position);
  });
}
