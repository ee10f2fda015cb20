/**
 * A person's profile and bindings read straight from their streams (not a projection), so `GET /me` right after a
 * change shows it: the same folds the lifecycles use (events/person.ts, events/binding.ts).
 */
import { type AccountRegistered, accountStream, idNumberClaimStream } from '../../events/account.js';
import { BINDING_EVENT_TYPES, type BindingEvent, type BindingState, bindingStream, evolveBinding, initialBindingState } from '../../events/binding.js';
import { type PersonEvent, type PersonProfile, evolvePerson, personStream } from '../../events/person.js';
import { claimOwner } from '../../events/store/claims.js';
import type { EventStore } from '../../events/store/event-store.js';

export async function loadPerson(store: EventStore, personId: string): Promise<PersonProfile | null> {
  const events = await store.readStream(personStream(personId));
  return events.reduce<PersonProfile | null>((state, e) => evolvePerson(state, { type: e.type, data: e.data } as PersonEvent), null);
}

export async function loadBinding(store: EventStore, personId: string): Promise<BindingState> {
  // The stream holds its review's events too (the kit's); only the binding's own facts fold here.
  const events = (await store.readStream(bindingStream(personId))).filter((e) => (BINDING_EVENT_TYPES as string[]).includes(e.type));
  return events.reduce((state, e) => evolveBinding(state, { type: e.type, data: e.data } as BindingEvent), initialBindingState(personId));
}

/** The person registered under an ID number (its claim names their account; the account names the person), or null. */
export async function findPersonByIdNumber(store: EventStore, idNumber: string): Promise<string | null> {
  const accountId = await claimOwner(store, idNumberClaimStream(idNumber));
  if (!accountId) return null;
  const [registered] = await store.readStream(accountStream(accountId), { maxCount: 1 });
  return registered?.type === 'AccountRegistered' ? (registered.data as AccountRegistered['data']).subjectId : null;
}
