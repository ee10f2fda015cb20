/** The person lifecycle (`person-<personId>`) on the kit's host: configuration only. */
import type { PersonEvent } from '../../events/person.js';
import { ACCOUNT_KIND, type AccountRegistration, registerAccountUpdate, withdrawAccountUpdate } from '../accounts/messages.js';
import { commandInChild } from '../kit/children.js';
import { runLifecycle } from '../kit/host.js';
import { binder, type Lifecycle } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { type PersonCommand, type PersonState, personDecider, toPersonView } from './decider.js';
import { PERSON_KIND, type PersonView, changeProfileUpdate, personViewQuery, registerPersonUpdate } from './messages.js';

const bind = binder<PersonCommand, PersonEvent, PersonState>();

const persons: Lifecycle<PersonCommand, PersonEvent, PersonState, PersonView | null> = {
  kind: PERSON_KIND,
  decider: personDecider,
  commands: [
    bind(registerPersonUpdate, {
      toCommand: (registration) => ({ type: 'register', registration }),
      effects: {
        // The account (username, ID number, password) first: if either name is taken, no person is recorded.
        async before({ command, state }) {
          if (command.type !== 'register') return undefined;
          const { accountId, username, name, idNumber, credentialId, actor, correlationId } = command.registration;
          const registration: AccountRegistration = {
            account: { accountId, username, role: 'person', subjectId: state.personId, name },
            credentialId,
            usernameField: 'username',
            idNumber,
            actor,
            ...(correlationId ? { correlationId } : {}),
          };
          await commandInChild(ACCOUNT_KIND, accountId, registerAccountUpdate.name, registration);
          // If the person then cannot be recorded, the account gives its username and ID number back.
          return async () => {
            const withdrawal = { reason: 'person registration failed', idNumber, actor, ...(correlationId ? { correlationId } : {}) };
            await commandInChild(ACCOUNT_KIND, accountId, withdrawAccountUpdate.name, withdrawal);
          };
        },
      },
      result: ({ state, position }) => toPersonView(state, position)!,
    }),
    bind(changeProfileUpdate, { toCommand: (update) => ({ type: 'changeProfile', update }), result: ({ state, position }) => toPersonView(state, position)! }),
  ],
  view: toPersonView,
  viewQuery: personViewQuery,
};

export async function personLifecycle(input: LifecycleInput<PersonState>): Promise<PersonView | null> {
  return (await runLifecycle(persons, input)) ?? null;
}
