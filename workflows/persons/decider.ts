/** The person lifecycle as a pure decider: a professional registers once (profile changes follow in its own issue). */
import { type PersonEvent, type PersonProfile, evolvePerson } from '../../events/person.js';
import type { Decider } from '../kit/decider.js';
import { invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import type { PersonRegistration, PersonView } from './messages.js';

export interface PersonState {
  personId: string;
  profile: PersonProfile | null;
  accountId?: string;
}

export type PersonCommand = { type: 'register'; registration: PersonRegistration };

export const personDecider: Decider<PersonCommand | ReviewDecided, PersonEvent, PersonState> = {
  initialState: (personId) => ({ personId, profile: null }),
  evolve: (state, event) => ({
    ...state,
    profile: evolvePerson(state.profile, event),
    ...(event.type === 'PersonRegistered' ? { accountId: event.data.accountId } : {}),
  }),
  decide(command, state, { now }) {
    switch (command.type) {
      case 'register': {
        if (state.profile) throw invalidTransition({ zh: '该人员已注册', en: 'this person is already registered' });
        const { accountId, name, idNumber, phone } = command.registration;
        return [{ type: 'PersonRegistered', data: { personId: state.personId, accountId, name, idNumber, ...(phone ? { phone } : {}), registeredAt: now } }];
      }
      case 'reviewDecided':
        throw notFound();
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

export function toPersonView(state: PersonState, position: string): PersonView | null {
  if (!state.profile || !state.accountId) return null;
  return { personId: state.personId, accountId: state.accountId, name: state.profile.name, position };
}
