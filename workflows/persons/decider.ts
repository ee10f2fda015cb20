/**
 * The person lifecycle as a pure decider: a professional registers once, then keeps their basic information; each
 * change is one `ProfileChanged` naming the fields that really changed, and the birth date must agree with the ID
 * number.
 */
import { PROFILE_FIELDS, type PersonEvent, type PersonProfile, type ProfileChanged, type ProfileFields, evolvePerson } from '../../events/person.js';
import { idNumberBirthDate } from '../../events/vocabulary/index.js';
import type { Decider } from '../kit/decider.js';
import { invalidInput, invalidTransition, notFound } from '../kit/domain-errors.js';
import type { ReviewDecided } from '../kit/lifecycle.js';
import type { PersonRegistration, PersonView, ProfileUpdate } from './messages.js';

export interface PersonState {
  personId: string;
  profile: PersonProfile | null;
  accountId?: string;
}

export type PersonCommand = { type: 'register'; registration: PersonRegistration } | { type: 'changeProfile'; update: ProfileUpdate };

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
      case 'changeProfile':
        return decideProfile(state, command.update.profile, now);
      case 'reviewDecided':
        throw notFound();
      default: {
        const never: never = command;
        return never;
      }
    }
  },
};

function decideProfile(state: PersonState, wanted: ProfileFields, now: string): ProfileChanged[] {
  const profile = state.profile;
  if (!profile) throw notFound({ zh: '人员不存在', en: 'no such person' });
  const encoded = idNumberBirthDate(profile.idNumber);
  if (wanted.birthDate && encoded && wanted.birthDate !== encoded) {
    throw invalidInput('birthDate', { zh: `出生日期与身份证号不一致（身份证号中为 ${encoded}）`, en: `the birth date disagrees with the ID number (which says ${encoded})` });
  }
  const changes: ProfileChanged['data']['changes'] = {};
  for (const field of PROFILE_FIELDS) {
    const next = wanted[field] ?? null;
    if (next !== (profile[field] ?? null)) changes[field] = next;
  }
  const fields = PROFILE_FIELDS.filter((field) => field in changes);
  // Saving the same profile again records nothing.
  return fields.length ? [{ type: 'ProfileChanged', data: { personId: state.personId, fields, changes, changedAt: now } }] : [];
}

export function toPersonView(state: PersonState, position: string): PersonView | null {
  if (!state.profile || !state.accountId) return null;
  return { personId: state.personId, accountId: state.accountId, name: state.profile.name, position };
}
