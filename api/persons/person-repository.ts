/**
 * A person's profile and bindings read straight from their streams (not a projection), so `GET /me` right after a
 * change shows it: the same folds the lifecycles use (events/person.ts, events/binding.ts).
 */
import { BINDING_EVENT_TYPES, type BindingEvent, type BindingState, bindingStream, evolveBinding, initialBindingState } from '../../events/binding.js';
import { type PersonEvent, type PersonProfile, evolvePerson, personStream } from '../../events/person.js';
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
