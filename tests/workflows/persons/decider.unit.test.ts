/** The person decider, given/when/then: a professional registers once. */
import { describe, expect, it } from 'vitest';
import { personDecider, toPersonView } from '../../../workflows/persons/decider.js';
import { NOW, specFor } from '../../support/decider.js';

const personId = '22222222-2222-4222-8222-222222222222';
const given = specFor({ decider: personDecider, kind: 'person' }, personId);
const registration = { accountId: 'a-1', username: 'li_si', credentialId: 'c-1', name: '李四', idNumber: '440106198001010011', phone: '13800138000', actor: { id: 'anonymous', role: 'public' } };

describe('person decider', () => {
  it('registers once with the ID number whole (masked only when shown to others)', () => {
    const { history } = given().when({ type: 'register', registration }).then([
      { type: 'PersonRegistered', data: { personId, accountId: 'a-1', name: '李四', idNumber: '440106198001010011', phone: '13800138000', registeredAt: NOW } },
    ]);
    expect(toPersonView(given(history).state, 'p')).toEqual({ personId, accountId: 'a-1', name: '李四', position: 'p' });
    given(history).when({ type: 'register', registration }).thenFails('InvalidTransition');
  });
});
