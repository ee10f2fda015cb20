/**
 * Account activities: name claims (`username-…`, `uscc-…` streams appended with `no_stream`, so of two racing
 * registrations exactly one wins, with no table outside the event store) and the reviewer account an organisation
 * registers with. Both are idempotent: a retry finds its own claim or account and succeeds.
 */
import crypto from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { type AccountRegistered, type NameClaimed, accountStream } from '../../events/account.js';
import { type EventMetadata, type EventStore, type RecordedEvent, WrongExpectedVersionError } from '../../events/store/event-store.js';
import { FailureType } from '../tasks/messages.js';

interface Localized {
  zh: string;
  en: string;
}

export interface ClaimNameInput {
  stream: string;
  ownerId: string;
  claimedAt: string;
  /** How a taken name is reported: the request field to blame and the person-facing message. */
  conflict: { field: string; message: Localized };
  metadata?: EventMetadata;
}

export interface RegisterAccountInput {
  account: AccountRegistered['data'];
  /** The workflow's uuid4(), so a retry re-sends the same event. */
  eventId?: string;
  metadata?: EventMetadata;
}

const isConflict = (error: unknown) =>
  error instanceof WrongExpectedVersionError || (error as Error | undefined)?.name === 'WrongExpectedVersionError';

async function firstEvent(store: EventStore, stream: string): Promise<RecordedEvent | undefined> {
  const [first] = await store.readStream(stream, { maxCount: 1 });
  return first;
}

// Non-retryable: the name belongs to someone else now and will on every retry.
const taken = (stream: string, { field, message }: ClaimNameInput['conflict']) =>
  ApplicationFailure.create({
    type: FailureType.Conflict,
    message: `${stream} is already claimed`,
    nonRetryable: true,
    details: [message, [{ field, message }]],
  });

export function createAccountActivities({ store }: { store: EventStore }) {
  return {
    async claimName({ stream, ownerId, claimedAt, conflict, metadata }: ClaimNameInput): Promise<{ position: string }> {
      const claim: NameClaimed = { type: 'NameClaimed', data: { ownerId, claimedAt } };
      try {
        const result = await store.append(stream, [{ eventId: crypto.randomUUID(), ...claim, metadata, recordedAt: claimedAt }], {
          expectedRevision: 'no_stream',
        });
        return { position: result.position };
      } catch (error) {
        if (!isConflict(error)) throw error;
        const first = await firstEvent(store, stream);
        // Our own claim from an attempt whose acknowledgement was lost.
        if (first?.type === 'NameClaimed' && (first.data as NameClaimed['data']).ownerId === ownerId) return { position: first.position };
        throw taken(stream, conflict);
      }
    },

    async registerAccount({ account, eventId, metadata }: RegisterAccountInput): Promise<{ position: string }> {
      const stream = accountStream(account.accountId);
      try {
        const result = await store.append(
          stream,
          [{ eventId: eventId ?? crypto.randomUUID(), type: 'AccountRegistered', data: account, metadata, recordedAt: account.registeredAt }],
          { expectedRevision: 'no_stream' },
        );
        return { position: result.position };
      } catch (error) {
        if (!isConflict(error)) throw error;
        const first = await firstEvent(store, stream);
        const existing = first?.type === 'AccountRegistered' ? (first.data as AccountRegistered['data']) : undefined;
        if (existing?.username === account.username) return { position: first!.position };
        throw ApplicationFailure.create({
          type: FailureType.Conflict,
          message: `${stream} already exists for another account`,
          nonRetryable: true,
          details: [{ zh: '账号已存在', en: 'the account already exists' }],
        });
      }
    },
  };
}

export type AccountActivities = ReturnType<typeof createAccountActivities>;
