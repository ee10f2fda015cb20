/**
 * A person and the training classes (培训班) in the load run: browse the catalogue (`GET /classes?available=true`),
 * enrol in a class they have not enrolled in (a seat, or a place in line), and cancel an approved enrolment in a
 * class that has not started, which hands the seat to the first in line.
 */
import { type Client, commanding, pick } from '../client.js';
import { approvedEnrolmentCancelled, enrolled } from '../expected-events.js';
import { type EnrolmentEntry, type PersonEntry, later } from '../world.js';

interface CataloguePage {
  items: Array<{ classId: string; status: string }>;
}

export async function browseAndEnrol(client: Client, person: PersonEntry): Promise<void> {
  const { world, ledger } = client;
  const after = world.classesPosition ? `&after=${encodeURIComponent(world.classesPosition)}` : '';
  const catalogue = await person.session.call<CataloguePage>('GET /classes', `/classes?available=true&limit=100${after}`);
  const listed = new Set(catalogue.body.items.map((item) => item.classId));
  const mine = new Set(person.enrolments.map((e) => e.classId));
  const entry = pick([...world.classes.values()].filter((c) => c.status === 'accepting' && listed.has(c.classId) && !mine.has(c.classId)));
  if (!entry) return;
  // Counted before the request leaves: the institution closes the class only once no request is in flight.
  entry.enrolling++;
  const enrolment: EnrolmentEntry = { enrolmentId: '', classId: entry.classId, personId: person.personId, status: 'uncertain', busy: true };
  person.enrolments.push(enrolment);
  entry.enrolments.push(enrolment);
  try {
    const answer = await person.session.call<{ enrolmentId: string; status: 'pending' | 'waitlisted'; position: string }>(
      'POST /classes/{id}/enrolments', `/classes/${entry.classId}/enrolments`, { retry: 'with-key' },
    );
    const { enrolmentId, status, position } = answer.body;
    ledger.acknowledge({
      requestId: answer.requestId, route: 'POST /classes/{id}/enrolments', status: answer.status, position,
      expected: enrolled({ classId: entry.classId, personId: person.personId, enrolmentId, seated: status === 'pending' }),
    });
    Object.assign(enrolment, { enrolmentId, status, position });
    world.enrolments.set(enrolmentId, enrolment);
    person.position = later(person.position, position);
    world.sentTo(entry.institutionId, position);
  } finally {
    enrolment.busy = false;
    entry.enrolling--;
  }
}

export async function cancelApproved(client: Client, person: PersonEntry, enrolment: EnrolmentEntry): Promise<void> {
  await commanding(enrolment, async () => {
    const { classId, personId, enrolmentId } = enrolment;
    // The route finds the enrolment in its read model: `?after=` its newest position, so it is there.
    const after = enrolment.position ? `?after=${encodeURIComponent(enrolment.position)}` : '';
    const answer = await person.session.call<{ position: string }>('POST /enrolments/{id}/cancel', `/enrolments/${enrolmentId}/cancel${after}`, { retry: 'as-is' });
    client.ledger.acknowledge({
      requestId: answer.requestId, route: 'POST /enrolments/{id}/cancel', status: answer.status, position: answer.body.position,
      expected: approvedEnrolmentCancelled({ classId, personId, enrolmentId }), releasedSeats: [{ classId, personId }],
    });
    enrolment.status = 'cancelled';
    enrolment.position = answer.body.position;
    person.position = later(person.position, answer.body.position);
  });
}

/** An approved enrolment in a class that starts later, nobody acting on it. */
export function cancellable(client: Client, person: PersonEntry): EnrolmentEntry | undefined {
  return pick(person.enrolments.filter((e) => e.status === 'approved' && !e.busy && client.world.classes.get(e.classId)?.kind === 'rolling'));
}
