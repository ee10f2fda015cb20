/**
 * An employer unit's reviewer (法人单位): registers the unit, then works its inbox — confirming most staff bindings
 * (rejecting one in ten, with a reason) and approving three credit records in four (rejecting the rest, which their
 * owners correct and resubmit) — and now and then looks at its members' progress.
 */
import crypto from 'node:crypto';
import { type Client, chance, commanding, keepGoing } from '../client.js';
import { bindingDecided, creditDecided } from '../expected-events.js';
import type { Session } from '../session.js';
import { type OrgEntry, later } from '../world.js';
import { type Task, decide, openTasks } from './inbox.js';
import { registerOrganisation } from './organisation.js';

const POLL_MS = 200;
const MEMBERS_EVERY_MS = 5_000;

export async function unitJourney(client: Client): Promise<void> {
  const started = await registerOrganisation(client, 'unit');
  if (!started) return;
  const { org, reviewer } = started;
  let membersAt = client.clock.now() + crypto.randomInt(MEMBERS_EVERY_MS);
  await keepGoing(client, async () => {
    if (client.clock.now() >= membersAt) {
      membersAt = client.clock.now() + MEMBERS_EVERY_MS;
      await reviewer.call('GET /units/{id}/members', `/units/${org.orgId}/members?limit=50`);
      return;
    }
    const tasks = await openTasks(reviewer, { ...(org.inboxPosition ? { after: org.inboxPosition } : {}), pages: 3 });
    let decided = 0;
    for (const task of tasks) {
      if (client.clock.stopped()) break;
      if (await decideTask(client, org, reviewer, task)) decided++;
    }
    if (decided === 0) await client.clock.sleep(POLL_MS);
  });
}

/** Decides `task` if it is still this run's to decide; true if it did. */
async function decideTask(client: Client, org: OrgEntry, reviewer: Session, task: Task): Promise<boolean> {
  const { world, ledger } = client;
  if (task.kind === 'binding-confirmation') {
    const binding = world.bindings.get(task.taskId);
    if (!binding || binding.status !== 'pending' || binding.unitId !== org.orgId) return false;
    const decision = chance(0.1) ? 'reject' : 'approve';
    try {
      const answer = await decide(reviewer, task.taskId, decision);
      const { personId, bindingId, taskId, endsBindingId } = binding;
      ledger.acknowledge({
        requestId: answer.requestId, route: 'POST /tasks/{id}/decision', status: answer.status, position: answer.position,
        expected: bindingDecided({ personId, bindingId, taskId, decision, ...(endsBindingId ? { endedBindingId: endsBindingId } : {}) }),
      });
      binding.status = decision === 'approve' ? 'confirmed' : 'rejected';
      const person = world.persons.get(personId);
      if (person) person.position = later(person.position, answer.position);
    } catch (error) {
      binding.status = 'uncertain';
      throw error;
    } finally {
      binding.decided.settle(binding.status);
    }
    return true;
  }
  if (task.kind === 'credit-review') {
    const record = world.records.get(task.subject.id);
    if (!record || record.status !== 'submitted' || record.taskId !== task.taskId || record.unitId !== org.orgId || record.busy) return false;
    const decision = chance(0.25) ? 'reject' : 'approve';
    await commanding(record, async () => {
      const answer = await decide(reviewer, task.taskId, decision);
      const { recordId, personId, year, category, halfHours } = record;
      ledger.acknowledge({
        requestId: answer.requestId, route: 'POST /tasks/{id}/decision', status: answer.status, position: answer.position,
        expected: creditDecided(recordId, task.taskId, decision, { personId, year, category, halfHours }),
      });
      record.status = decision === 'approve' ? 'approved' : 'rejected';
      delete record.taskId;
      if (decision === 'approve') world.hoursChanged(personId, answer.position);
    });
    return true;
  }
  return false;
}
