/**
 * The organisation lifecycle (`org-<orgId>`, DESIGN.md §4): one run per application. A run rebuilds its state from
 * the org stream, takes one application (update-with-start of `applyUpdate`) and the admin's decision
 * (`decideTaskUpdate`), then ends; a re-application after a rejection is a new run of the same workflow id.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import { usccClaimStream, usernameClaimStream } from '../../events/account.js';
import { orgStream } from '../../events/org.js';
import type { EventMetadata } from '../../events/store/event-store.js';
import type { AccountActivities } from '../activities/accounts.js';
import type { ReadStreamActivities } from '../activities/read-stream.js';
import { appendToStream, commandMetadata, newStreamCursor } from '../shared/append.js';
import { type TaskDecisionResult, decideTaskUpdate } from '../tasks/messages.js';
import {
  CLAIM_CONFLICTS, type OrgCommand, type OrgState, type OrgStreamEvent,
  busyFailure, decide, evolveOrg, initialOrgState, reviewerAccount, toOrgView,
} from './decider.js';
import { type OrgView, type OrgWorkflowInput, applyUpdate, orgViewQuery } from './messages.js';

const { readStreamEvents, claimName, releaseName, registerAccount } = proxyActivities<AccountActivities & ReadStreamActivities>({
  startToCloseTimeout: '10s',
  // No attempt cap: a store outage pauses the registration; a taken name fails at once (non-retryable Conflict).
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

const now = () => new Date(Date.now()).toISOString(); // the workflow clock: identical on replay

export async function orgLifecycle({ orgId, applyWindowMs = 60_000 }: OrgWorkflowInput): Promise<OrgView | null> {
  const cursor = newStreamCursor(orgStream(orgId));
  let state: OrgState | undefined; // undefined until the stream is loaded
  let position = '';
  let busy = false;

  // Validators run the handlers' own decide, with placeholder id and time: uuid4() would advance the seeded RNG in
  // code that replay skips. An Update that starts the run (update-with-start) arrives before the stream is loaded,
  // so it is accepted here and decided in its handler — handlers are registered first so it is never buffered.
  const validate = (command: OrgCommand) => {
    if (busy) throw busyFailure();
    if (state) decide(state, command);
  };

  // `busy` flips before the first await: a second Update arriving while this one awaits an activity fails its
  // validator instead of deciding on state that is about to change.
  async function exclusive<R>(work: (loaded: OrgState) => Promise<R>): Promise<R> {
    busy = true;
    try {
      await condition(() => state !== undefined);
      return await work(state!);
    } finally {
      busy = false;
    }
  }

  // State advances only once the store confirms, so it always equals evolve over the stream.
  async function append(events: OrgStreamEvent[], metadata: EventMetadata) {
    const appended = await appendToStream(cursor, events.map((event) => ({ ...event, metadata })));
    state = events.reduce(evolveOrg, state!);
    position = appended.position;
  }

  setHandler(orgViewQuery, () => (state ? toOrgView(state, position) : null));

  setHandler(
    applyUpdate,
    (application) =>
      exclusive(async (loaded) => {
        const events = decide(loaded, { type: 'apply', application, taskId: uuid4(), now: now() });
        const metadata = commandMetadata(application.actor, application.correlationId);
        const { uscc } = application.details;
        const claim = (stream: string, ownerId: string, conflict: (typeof CLAIM_CONFLICTS)[keyof typeof CLAIM_CONFLICTS]) =>
          claimName({ stream, ownerId, claimedAt: now(), conflict, metadata, eventId: uuid4() });
        const release = (stream: string, ownerId: string) => releaseName({ stream, ownerId, releasedAt: now(), metadata, eventId: uuid4() });
        const previousUscc = loaded.details?.uscc;
        const account = loaded.status === 'none' ? reviewerAccount(application, now()) : undefined;
        if (account) {
          // Username before USCC: the usual clash (a taken username) then writes nothing, and an organisation's USCC
          // is never left claimed by a registration that failed — it could not register again.
          await claim(usernameClaimStream(account.username), account.accountId, CLAIM_CONFLICTS.username);
          await claim(usccClaimStream(uscc), orgId, CLAIM_CONFLICTS.uscc).catch(async (error: unknown) => {
            await release(usernameClaimStream(account.username), account.accountId); // a failed registration holds nothing
            throw error;
          });
          await registerAccount({ account, eventId: uuid4(), metadata });
        } else if (previousUscc && usccClaimStream(uscc) !== usccClaimStream(previousUscc)) {
          await claim(usccClaimStream(uscc), orgId, CLAIM_CONFLICTS.uscc); // a corrected USCC must be free too
        }
        await append(events, metadata);
        // The mistyped USCC of an earlier application goes back, or its real owner could never register.
        if (previousUscc && usccClaimStream(uscc) !== usccClaimStream(previousUscc)) await release(usccClaimStream(previousUscc), orgId);
        return toOrgView(state!, position)!;
      }),
    { validator: (application) => validate({ type: 'apply', application, taskId: '', now: '' }) },
  );

  setHandler(
    decideTaskUpdate,
    (decision) =>
      exclusive(async (loaded): Promise<TaskDecisionResult> => {
        await append(decide(loaded, { type: 'decideTask', decision, now: now() }), commandMetadata(decision.actor, decision.correlationId));
        const subject = { type: 'org' as const, id: orgId, title: loaded.details?.name ?? '' };
        return { taskId: decision.taskId, status: 'closed', decision: decision.decision, subject, position };
      }),
    { validator: (decision) => validate({ type: 'decideTask', decision, now: '' }) },
  );

  const loaded = await readStreamEvents({ streamId: cursor.streamId });
  state = (loaded.events as OrgStreamEvent[]).reduce(evolveOrg, initialOrgState(orgId));
  cursor.revision = loaded.revision;
  position = loaded.position;

  const settled = () => !busy && !state?.openTaskId;
  // A run without an open task exists to take one application; if none is accepted within the window, it ends.
  if (settled()) await condition(() => !settled(), applyWindowMs);
  // Otherwise it lives until the application is decided (or its handler failed): one run per application.
  await condition(() => settled() && allHandlersFinished());
  return toOrgView(state, position);
}
