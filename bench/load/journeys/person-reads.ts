/**
 * What a person reads between commands, each with `?after=` the newest position that concerns it (CONTRACT.md
 * read-your-writes): the year's summary after the newest change to their hours, their records and enrolments after
 * their own newest command, and one record with its history.
 */
import { pick } from '../client.js';
import { chinaToday } from '../identities.js';
import type { PersonEntry } from '../world.js';

const after = (position: string | undefined) => (position ? `&after=${encodeURIComponent(position)}` : '');

const someYear = (person: PersonEntry) => pick(person.records.map((r) => r.year)) ?? Number(chinaToday().slice(0, 4));

export async function readSummary(person: PersonEntry): Promise<void> {
  await person.session.call('GET /me/credit-summary', `/me/credit-summary?year=${someYear(person)}${after(person.hoursPosition)}`);
}

/** The first page of a year's records and, when there is one, the next. */
export async function listRecords(person: PersonEntry): Promise<void> {
  const year = someYear(person);
  const first = await person.session.call<{ nextCursor: string | null }>('GET /credit-records', `/credit-records?year=${year}&limit=5${after(person.position)}`);
  const cursor = first.body.nextCursor;
  if (cursor) await person.session.call('GET /credit-records', `/credit-records?year=${year}&limit=5&cursor=${encodeURIComponent(cursor)}`);
}

export async function readRecord(person: PersonEntry): Promise<void> {
  const record = pick(person.records.filter((r) => r.status !== 'uncertain'));
  if (record) await person.session.call('GET /credit-records/{id}', `/credit-records/${record.recordId}`);
}

export async function readEnrolments(person: PersonEntry): Promise<void> {
  await person.session.call('GET /me/enrolments', `/me/enrolments?limit=20${after(person.position)}`);
}
