/**
 * A professional's client (专业技术人员): registers (captcha, `POST /accounts`), signs in for the first time
 * (changing the password), chooses an approved unit from `GET /orgs` and waits for it to confirm the binding (asking
 * again if it refuses), then spends the run on a weighted mix of what people do: declare and submit records, correct
 * rejected ones, withdraw and resubmit, enrol in and cancel classes, read their summary, records and enrolments, sign
 * in again, and rarely change jobs.
 */
import crypto from 'node:crypto';
import { type Client, keepGoing, pick } from '../client.js';
import { bindingRequested, personRegistered } from '../expected-events.js';
import { idNumber as newIdNumber, personName, username as newUsername } from '../identities.js';
import { Session, captcha } from '../session.js';
import { Awaited, type BindingEntry, type PersonEntry, later } from '../world.js';
import { browseAndEnrol, cancelApproved, cancellable } from './person-classes.js';
import { registeredAfterAll } from './registration-outcome.js';
import { correctRejected, declareAndSubmit, resubmitDraft, withdrawSubmitted } from './person-credits.js';
import { listRecords, readEnrolments, readRecord, readSummary } from './person-reads.js';

export async function personJourney(client: Client): Promise<void> {
  const person = await register(client);
  if (!person || !(await bindTo(client, person, undefined))) return;
  await keepGoing(client, () => nextStep(client, person));
}

async function register(client: Client): Promise<PersonEntry | undefined> {
  const { line, world, ledger } = client;
  const username = newUsername('ld_p');
  const idNumber = newIdNumber();
  const session = new Session(line, username, 'Person2026x', 'Person2026y', ledger);
  let person: PersonEntry;
  try {
    const name = personName();
    const body = async () => ({ username, password: 'Person2026x', name, idNumber, ...(await captcha(line)) });
    const registered = await line.call<{ accountId: string; personId: string; position: string }>('POST /accounts', '/accounts', {
      body, retry: 'with-key',
    });
    const { accountId, personId, position } = registered.body;
    ledger.acknowledge({ requestId: registered.requestId, route: 'POST /accounts', status: registered.status, position, expected: personRegistered({ accountId, personId, username, idNumber }) });
    person = { personId, accountId, username, session, position, records: [], enrolments: [] };
  } catch (error) {
    if (!(await registeredAfterAll(client, session, error))) throw error;
    person = { personId: session.subjectId, accountId: session.accountId, username, session, records: [], enrolments: [] };
  }
  world.persons.set(person.personId, person);
  if (!session.signedIn) await session.signIn();
  await session.call('GET /me', '/me');
  return person;
}

/** Asks an approved unit (other than `leaving`) to confirm the person until one does; false if the run ends first. */
async function bindTo(client: Client, person: PersonEntry, leaving: string | undefined): Promise<boolean> {
  const { world, ledger, clock } = client;
  while (!clock.stopped()) {
    const listed = await person.session.call<{ items: Array<{ orgId: string }> }>('GET /orgs', '/orgs?kind=unit&regionCode=440100&limit=200');
    const ours = new Set(world.approvedUnits().map((unit) => unit.orgId));
    const unitId = pick(listed.body.items.map((item) => item.orgId).filter((id) => ours.has(id) && id !== leaving));
    if (!unitId) {
      await clock.sleep(300);
      continue;
    }
    const requested = await person.session.call<{ bindingId: string; taskId: string; position: string }>('POST /me/binding', '/me/binding', { body: { unitId } });
    const { bindingId, taskId, position } = requested.body;
    ledger.acknowledge({ requestId: requested.requestId, route: 'POST /me/binding', status: requested.status, position, expected: bindingRequested({ personId: person.personId, bindingId, unitId, taskId }) });
    person.position = later(person.position, position);
    const binding: BindingEntry = {
      bindingId, personId: person.personId, unitId, taskId, status: 'pending', decided: new Awaited(),
      ...(person.bound ? { endsBindingId: person.bound.bindingId } : {}),
    };
    world.bindings.set(taskId, binding);
    world.sentTo(unitId, position);
    const outcome = await clock.until(binding.decided.promise);
    if (outcome === 'confirmed') {
      person.bound = { unitId, bindingId };
      return true;
    }
    // Refused: ask again (perhaps another unit). Undecided when the run ended, or unknown: stop here.
    if (outcome !== 'rejected') return false;
  }
  return false;
}

type Step = [weight: number, applies: boolean, run: () => Promise<unknown>];

async function nextStep(client: Client, person: PersonEntry): Promise<void> {
  const idle = (status: string) => person.records.filter((r) => r.status === status && !r.busy);
  const rejected = idle('rejected');
  const submitted = idle('submitted');
  const drafts = idle('draft').filter((r) => r.attachments > 0);
  const cancelling = cancellable(client, person);
  const steps: Step[] = [
    [30, true, () => declareAndSubmit(client, person)],
    [12, rejected.length > 0, () => correctRejected(client, person, pick(rejected)!)],
    [4, submitted.length > 0, () => withdrawSubmitted(client, person, pick(submitted)!)],
    [6, drafts.length > 0, () => resubmitDraft(client, person, pick(drafts)!)],
    [12, true, () => browseAndEnrol(client, person)],
    [3, cancelling !== undefined, () => cancelApproved(client, person, cancelling!)],
    [15, true, () => readSummary(person)],
    [8, true, () => listRecords(person)],
    [4, person.records.length > 0, () => readRecord(person)],
    [5, true, () => readEnrolments(person)],
    [3, true, () => person.session.signIn()],
    [1, client.world.approvedUnits().length > 1, () => bindTo(client, person, person.bound?.unitId)],
  ];
  const applicable = steps.filter(([, applies]) => applies);
  let roll = crypto.randomInt(applicable.reduce((sum, [weight]) => sum + weight, 0));
  for (const [weight, , run] of applicable) {
    roll -= weight;
    if (roll < 0) {
      await run();
      return;
    }
  }
}
