/**
 * Account activities: name claims and releases (events/store/claims.ts: of two racing registrations exactly one
 * wins, with no table outside the event store) and credential activation (events/store/credentials.ts: the password
 * hash stays in its table; only the credential's random id crosses Temporal). Each is idempotent: a retry finds its
 * own claim or activation and succeeds.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type { Database } from '../../events/store/database.js';
import { claimName, releaseName } from '../../events/store/claims.js';
import { activateCredential, discardPendingCredential, removeCredential, undoActivation } from '../../events/store/credentials.js';
import type { EventMetadata, EventStore } from '../../events/store/event-store.js';
import type { Localized } from '../../events/vocabulary/index.js';
import { FailureType } from '../kit/messages.js';
import { isRefusedData, refusedDataFailure } from './store-errors.js';

export interface ClaimNameInput {
  stream: string;
  ownerId: string;
  claimedAt: string;
  /** How a taken name is reported: the request field to blame and the person-facing message. */
  conflict: { field: string; message: Localized };
  metadata?: EventMetadata;
  /** The workflow's uuid4(), so a retry re-sends the same event. */
  eventId: string;
}

export interface ReleaseNameInput {
  stream: string;
  ownerId: string;
  releasedAt: string;
  metadata?: EventMetadata;
  eventId: string;
}

// Non-retryable: the name belongs to someone else now and will on every retry.
const taken = (stream: string, { field, message }: ClaimNameInput['conflict']) =>
  ApplicationFailure.create({
    type: FailureType.Conflict,
    message: `${stream} is already claimed`,
    nonRetryable: true,
    details: [message, [{ field, message }]],
  });

export function createAccountActivities({ store, db }: { store: EventStore; db: Database }) {
  return {
    async claimName({ stream, ownerId, claimedAt, conflict, metadata, eventId }: ClaimNameInput): Promise<{ position: string }> {
      try {
        const outcome = await claimName(store, { stream, ownerId, at: claimedAt, eventId, metadata });
        if (!outcome.claimed) throw taken(stream, conflict);
        return { position: outcome.position };
      } catch (error) {
        if (isRefusedData(error)) throw refusedDataFailure(error);
        throw error;
      }
    },

    /** Gives a name back: a registration that failed after this claim, or a USCC an organisation corrected. */
    async releaseName({ stream, ownerId, releasedAt, metadata, eventId }: ReleaseNameInput): Promise<void> {
      await releaseName(store, { stream, ownerId, at: releasedAt, eventId, metadata });
    },

    /** The pending password becomes the account's; returns the credential version its tokens will carry. */
    async activateCredential({ accountId, credentialId }: { accountId: string; credentialId: string }): Promise<{ version: number }> {
      const outcome = await activateCredential(db, { accountId, credentialId });
      if (outcome.activated) return { version: outcome.version };
      if (outcome.reason === 'stale') {
        // Someone changed the password between this request's check of the current password and now.
        throw ApplicationFailure.create({
          type: FailureType.Conflict,
          message: `credential of account ${accountId} changed before ${credentialId} could be activated`,
          nonRetryable: true,
          details: [{ zh: '密码刚刚已被修改，请重新登录后再试', en: 'the password was changed a moment ago; sign in again and retry' }],
        });
      }
      throw ApplicationFailure.create({
        type: FailureType.InvalidInput,
        message: `no pending credential ${credentialId} for account ${accountId}`,
        nonRetryable: true,
        details: [{ zh: '密码设置已过期，请重新提交', en: 'the password to set has expired; submit it again' }],
      });
    },

    async discardCredential({ credentialId }: { credentialId: string }): Promise<void> {
      await discardPendingCredential(db, credentialId);
    },

    /** Undoes an activation whose event could not be recorded (credentials.ts `undoActivation`). */
    async undoCredential({ accountId, credentialId }: { accountId: string; credentialId: string }): Promise<void> {
      await undoActivation(db, { accountId, credentialId });
    },

    async removeCredential({ accountId }: { accountId: string }): Promise<void> {
      await removeCredential(db, accountId);
    },
  };
}

export type AccountActivities = ReturnType<typeof createAccountActivities>;
