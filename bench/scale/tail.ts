/**
 * Life after the load, at scale: sampled professionals declare, evidence, submit and get approved new credit records
 * through the adapter's own append path (`store.append` with expected revisions, as the workflows' activity calls
 * it), several at once; then the projection runner catches up on exactly those events. Measures the append latency
 * and rate on a table of the full size, and the incremental catch-up rate — read models big, every upsert a random
 * lookup — which is what the live system runs at, unlike the rebuild's bulk pass.
 */
import type { Database } from '../../events/store/database.js';
import type { EventStore } from '../../events/store/event-store.js';
import { type CreditEvent, type CreditRecordState, creditStream } from '../../events/credit.js';
import type { TaskEvent } from '../../events/task.js';
import { projections } from '../../projections/index.js';
import { createProjectionRunner } from '../../projections/runner.js';
import { type CreditCommand, creditDecider, creditReviews } from '../../workflows/credits/decider.js';
import { DEFAULT_REVIEW_TIMES, type ReviewBook, emptyReviewBook, evolveReviews, isReviewEvent, openReviews } from '../../workflows/kit/reviews.js';
import { decideTask } from '../../workflows/kit/task-decision.js';
import { percentile } from '../http-actor.js';
import { declaration } from './credit-history.js';
import type { Actor } from '../../events/task.js';
import { commandMetadata } from '../../workflows/kit/metadata.js';
import { seededRandom } from './random.js';

export interface TailResult {
  lifecycles: number;
  events: number;
  writers: number;
  appendSeconds: number;
  appendsPerSecond: number;
  eventsPerSecond: number;
  appendP50Ms: number;
  appendP99Ms: number;
  catchUpSeconds: number;
  catchUpEventsPerSecond: number;
}

interface Member {
  personId: string;
  accountId: string;
  unitId: string;
  unitName: string;
  reviewerId: string;
}

/** Confirmed members with their unit and its reviewer, spread over the population. */
async function sampleMembers(db: Database, count: number): Promise<Member[]> {
  const { rows } = await db.query<Member>(
    `SELECT m.person_id AS "personId", (e.data->>'accountId') AS "accountId", m.unit_id AS "unitId", o.name AS "unitName", o.reviewer_account_id AS "reviewerId"
     FROM (SELECT * FROM unit_members WHERE status = 'confirmed' ORDER BY md5(member_key) LIMIT $1) m
     JOIN orgs o ON o.org_id = m.unit_id
     JOIN events e ON e.stream_id = 'person-' || m.person_id AND e.stream_revision = 0`,
    [count],
  );
  return rows;
}

export async function runTail(db: Database, store: EventStore, lifecycles: number, writers: number): Promise<TailResult> {
  const random = seededRandom(7);
  const members = await sampleMembers(db, lifecycles);
  const latencies: number[] = [];
  let events = 0;

  async function lifecycle(member: Member): Promise<void> {
    const recordId = random.uuid();
    const streamId = creditStream(recordId);
    const person: Actor = { id: member.accountId, role: 'person' };
    const reviewer: Actor = { id: member.reviewerId, role: 'unit', orgId: member.unitId };
    let state: CreditRecordState = creditDecider.initialState(recordId);
    let reviews: ReviewBook = emptyReviewBook();
    let revision: bigint | 'no_stream' = 'no_stream';
    const context = () => ({ now: new Date().toISOString(), newId: () => random.uuid(), workflowId: streamId, reviews, reviewTimes: DEFAULT_REVIEW_TIMES });
    const append = async (drafts: Array<CreditEvent | TaskEvent>, actor: Actor) => {
      const recordedAt = new Date().toISOString();
      const correlationId = `${Date.now()}:bench-tail:${random.hex(4)}`;
      const started = performance.now();
      const result = await store.append(streamId, drafts.map((d) => ({ eventId: random.uuid(), recordedAt, ...d, metadata: commandMetadata(actor, correlationId) })), { expectedRevision: revision });
      latencies.push(performance.now() - started);
      revision = result.nextExpectedRevision;
      events += drafts.length;
      for (const event of drafts) {
        if (isReviewEvent(event)) reviews = evolveReviews(reviews, event);
        else state = creditDecider.evolve(state, event as CreditEvent);
      }
    };
    const command = (c: CreditCommand, actor: Actor) => append(creditDecider.decide(c, state, context()), actor);
    await command({ type: 'create', creation: { personId: member.personId, declaration: declaration(random, Date.now()), rules: { firstYear: 2019 }, actor: person } }, person);
    const attachment = { attachmentId: random.uuid(), filename: '结业证书.pdf', contentType: 'application/pdf' as const, size: 120_000, sha256: random.hex(32) };
    await command({ type: 'attach', addition: { attachment, actor: person } }, person);
    await command({ type: 'submit', submission: { unit: { unitId: member.unitId, name: member.unitName }, person: { name: '基准', idNumberMasked: '4401**********0000' }, overlaps: [], actor: person } }, person);
    const taskId = openReviews(reviews)[0]!.taskId;
    const decided = decideTask({ decider: creditDecider, reviews: creditReviews }, state, { taskId, decision: 'approve', actor: reviewer }, context());
    await append(decided.events, reviewer);
  }

  // The runner is at the head before the tail starts: what it reads afterwards is exactly the tail.
  const runner = createProjectionRunner({ db, store, projections });
  await runner.init();
  await runner.catchUp();

  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, async () => {
    while (next < members.length) await lifecycle(members[next++]!);
  }));
  const appendSeconds = (performance.now() - started) / 1000;

  const caught = performance.now();
  const read = await runner.catchUp();
  const catchUpSeconds = (performance.now() - caught) / 1000;
  return {
    lifecycles: members.length, events, writers, appendSeconds, appendsPerSecond: latencies.length / appendSeconds, eventsPerSecond: events / appendSeconds,
    appendP50Ms: percentile(latencies, 50), appendP99Ms: percentile(latencies, 99), catchUpSeconds, catchUpEventsPerSecond: read / catchUpSeconds,
  };
}
