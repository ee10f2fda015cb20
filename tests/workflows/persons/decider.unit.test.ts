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

describe('person decider: profile', () => {
  const registeredHistory = () => given().when({ type: 'register', registration }).then().history;
  const actor = { id: 'a-1', role: 'person' };

  it('records one ProfileChanged naming exactly the fields that changed, and nothing when nothing did', () => {
    const history = registeredHistory();
    const { events, history: after } = given(history)
      .when({ type: 'changeProfile', update: { profile: { name: '李四', gender: 'male', birthDate: '1980-01-01', education: 'master', title: '工程师', phone: '13800138000' }, actor } })
      .then();
    expect(events).toEqual([
      { type: 'ProfileChanged', data: { personId, fields: ['gender', 'birthDate', 'education', 'title'], changes: { gender: 'male', birthDate: '1980-01-01', education: 'master', title: '工程师' }, changedAt: NOW } },
    ]);
    given(after).when({ type: 'changeProfile', update: { profile: { name: '李四', gender: 'male', birthDate: '1980-01-01', education: 'master', title: '工程师', phone: '13800138000' }, actor } }).then([]);
    // Leaving a field out clears it.
    const { events: cleared } = given(after).when({ type: 'changeProfile', update: { profile: { name: '李四', gender: 'male', birthDate: '1980-01-01' }, actor } }).then();
    expect(cleared[0]!.data).toMatchObject({ fields: ['education', 'title', 'phone'], changes: { education: null, title: null, phone: null } });
  });

  it('refuses a birth date that disagrees with the ID number, naming birthDate', () => {
    const error = given(registeredHistory()).when({ type: 'changeProfile', update: { profile: { name: '李四', birthDate: '1980-01-02' }, actor } }).thenFails('InvalidInput', 'birthDate');
    expect(error.text.zh).toContain('1980-01-01');
  });
});
