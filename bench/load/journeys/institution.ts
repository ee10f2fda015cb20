/**
 * A teaching institution's reviewer (施教机构): registers the institution, keeps one rolling and one completable class
 * open, works the `enrolment-review` inbox (approving everything in a completable class; rejecting one in four in a
 * rolling one, which gives the seat to the first in line), completes the completable class every cycle and opens the
 * next, and looks at its classes and a roster now and then.
 */
import { type Client, chance, commanding, keepGoing, pick } from '../client.js';
import { enrolmentDecided } from '../expected-events.js';
import type { Session } from '../session.js';
import { type ClassEntry, type OrgEntry, later } from '../world.js';
import { decide, openTasks } from './inbox.js';
import { closeAndComplete, openClass } from './classes.js';
import { registerOrganisation } from './organisation.js';

const POLL_MS = 200;
const LOOK_EVERY_MS = 6_000;
/** Time left at which an open completable class is completed anyway, so every run completes classes. */
const FINISH_BEFORE_END_MS = 12_000;

export async function institutionJourney(client: Client, cycleMs: number): Promise<void> {
  const started = await registerOrganisation(client, 'institution');
  if (!started) return;
  const { org, reviewer } = started;
  let rolling: ClassEntry | undefined;
  let completable: ClassEntry | undefined;
  let lookAt = client.clock.now() + LOOK_EVERY_MS;
  await keepGoing(client, async () => {
    if (!rolling) {
      rolling = await openClass(client, reviewer, 'rolling');
      return;
    }
    if (!completable || completable.status === 'completed' || completable.status === 'uncertain') {
      completable = undefined;
      completable = await openClass(client, reviewer, 'completable');
      return;
    }
    const open = client.clock.now() - completable.openedAt;
    if (open >= cycleMs || (open >= 3_000 && client.clock.remaining() <= FINISH_BEFORE_END_MS)) {
      await closeAndComplete(client, reviewer, completable);
      return;
    }
    if (client.clock.now() >= lookAt) {
      lookAt = client.clock.now() + LOOK_EVERY_MS;
      await lookAround(client, reviewer);
      return;
    }
    if ((await decideEnrolments(client, org, reviewer)) === 0) await client.clock.sleep(POLL_MS);
  });
}

async function decideEnrolments(client: Client, org: OrgEntry, reviewer: Session): Promise<number> {
  const { world, ledger } = client;
  const tasks = await openTasks(reviewer, { kind: 'enrolment-review', ...(org.inboxPosition ? { after: org.inboxPosition } : {}), pages: 3 });
  let decided = 0;
  for (const task of tasks) {
    if (client.clock.stopped()) break;
    const enrolment = world.enrolments.get(task.subject.id);
    const entry = enrolment && world.classes.get(enrolment.classId);
    // A task for a waitlisted enrolment means a seat came free and it moved up: it is pending now.
    if (!enrolment || !entry || enrolment.busy || !['pending', 'waitlisted'].includes(enrolment.status)) continue;
    if (entry.institutionId !== org.orgId || !['accepting', 'closing', 'closed'].includes(entry.status)) continue;
    const decision = entry.kind === 'rolling' && chance(0.25) ? 'reject' : 'approve';
    await commanding(enrolment, async () => {
      const answer = await decide(reviewer, task.taskId, decision);
      const { classId, personId, enrolmentId } = enrolment;
      ledger.acknowledge({
        requestId: answer.requestId, route: 'POST /tasks/{id}/decision', status: answer.status, position: answer.position,
        expected: enrolmentDecided({ classId, personId, enrolmentId, taskId: task.taskId, decision }),
        ...(decision === 'reject' ? { releasedSeats: [{ classId, personId }] } : {}),
      });
      enrolment.status = decision === 'approve' ? 'approved' : 'rejected';
      enrolment.position = later(enrolment.position, answer.position);
    });
    decided++;
  }
  return decided;
}

/** The institution's own class list, and one class with its roster. */
async function lookAround(client: Client, reviewer: Session): Promise<void> {
  await reviewer.call('GET /classes', `/classes?limit=50${client.world.classesPosition ? `&after=${encodeURIComponent(client.world.classesPosition)}` : ''}`);
  const mine = [...client.world.classes.values()].filter((c) => c.institutionId === reviewer.orgId);
  const entry = pick(mine);
  if (entry) await reviewer.call('GET /classes/{id}', `/classes/${entry.classId}`);
}
