/**
 * Contract of the person lifecycle (`person-<personId>`), the one writer of `person-` streams: the professional
 * (专业技术人员) behind a `person` account. `POST /accounts` registers through it: the person's account (username, ID
 * number, password) is created by the account lifecycle as part of the same durable command.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProfileFields } from '../../events/person.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const PERSON_KIND = 'person';
export const personWorkflowId = (personId: string) => `${PERSON_KIND}-${personId}`;

export interface PersonRegistration extends CommandEnvelope {
  accountId: string;
  username: string;
  /** The pending password's id (events/store/credentials.ts); never the password or its hash. */
  credentialId: string;
  name: string;
  idNumber: string;
  phone?: string;
}

/** The whole profile as the person wants it now: fields left out are cleared (name stays required). */
export interface ProfileUpdate extends CommandEnvelope {
  profile: ProfileFields;
}

export interface PersonView {
  personId: string;
  accountId: string;
  name: string;
  position: string;
}

/** Failures: Conflict → 409 (username or ID number taken; details name the field), InvalidTransition → 409. */
export const registerPersonUpdate = defineUpdate<PersonView, [PersonRegistration]>('register');
/** Failures: InvalidInput → 422 (a birth date the ID number contradicts), NotFound → 404 (no such person). */
export const changeProfileUpdate = defineUpdate<PersonView, [ProfileUpdate]>('changeProfile');
export const personViewQuery = defineQuery<PersonView | null>('view');
