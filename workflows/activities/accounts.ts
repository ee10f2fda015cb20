/**
 * Account activities: name claims and releases (events/store/claims.ts: of two racing registrations exactly one
 * wins, with no table outside the event store) and the reviewer account an organisation
 * registers with. Both are idempotent: a retry finds its own claim or account and succeeds.
 */
import crypto from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { type AccountRegistered, accountStream } from '../../events/account.js';
import { claimName, releaseName } from '../../events/store/claims.js';
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
  /** The workflow's uuid4(), so a retry re-sends the same event. */
  eventId?: string;
}

export interface ReleaseNameInput {
  stream: string;
  ownerId: string;
  releasedAt: string;
  metadata?: EventMetadata;
  eventId?: string;
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
    async claimName({ stream, ownerId, claimedAt, conflict, metadata, eventId }: ClaimNameInput): Promise<{ position: string }> {
      const outcome = await claimName(store, { stream, ownerId, at: claimedAt, eventId: eventId ?? crypto.randomUUID(), metadata });
      if (!outcome.claimed) throw taken(stream, conflict);
      return { position: outcome.position };
    },

    /** Gives a name back: a registration that failed after this claim, or a USCC an organisation corrected. */
    async releaseName({ stream, ownerId, releasedAt, metadata, eventId }: ReleaseNameInput): Promise<void> {
      await releaseName(store, { stream, ownerId, at: releasedAt, eventId: eventId ?? crypto.randomUUID(), metadata });
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
