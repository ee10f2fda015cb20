/**
 * The whole log's integrity, recomputed from the stored rows in one pass in global order: every event's hash from its
 * content, every link to its predecessor in the same stream, every revision in sequence. Memory holds one page of
 * events and each stream's last hash — never the log — so 100,000 events or 10 million verify the same way.
 */
import type { EventStore, Position } from './event-store.js';
import { eventHash } from './hash-chain.js';

export interface LogProblem {
  streamId: string;
  revision: number;
  position: Position;
  problem: 'content does not match its hash' | 'prevHash does not link to the previous event' | 'revision out of sequence';
}

export interface LogVerification {
  streams: number;
  events: number;
  valid: boolean;
  /** The first problems found (at most PROBLEMS_KEPT); `valid` is false if there was any. */
  problems: LogProblem[];
  /** The last position looked at. */
  upTo: Position;
}

export interface LogProgress {
  events: number;
  streams: number;
  position: Position;
  /** About how many events there are to check (the stream catalog's count, a moment behind the log), if known. */
  total?: number;
}

export const PROBLEMS_KEPT = 100;
const PAGE = 1_000;

export async function verifyLog(
  store: EventStore,
  options: { to?: Position; total?: number; onProgress?: (progress: LogProgress) => void | Promise<void> } = {},
): Promise<LogVerification> {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  const problems: LogProblem[] = [];
  let failed = false;
  let events = 0;
  let after: Position | undefined;
  const to = options.to ?? (await store.headPosition());
  for (;;) {
    const page = await store.readPage({ ...(after ? { after } : {}), to, limit: PAGE });
    for (const event of page.events) {
      const head = heads.get(event.streamId);
      const note = (problem: LogProblem['problem']) => {
        failed = true;
        if (problems.length < PROBLEMS_KEPT) problems.push({ streamId: event.streamId, revision: Number(event.revision), position: event.position, problem });
      };
      if (event.revision !== (head ? head.revision + 1n : 0n)) note('revision out of sequence');
      if (event.prevHash !== (head?.hash ?? null)) note('prevHash does not link to the previous event');
      else if (eventHash(event) !== event.hash) note('content does not match its hash');
      // The stored hash carries the chain on: one altered event is one problem, not its whole tail.
      heads.set(event.streamId, { revision: event.revision, hash: event.hash });
    }
    events += page.events.length;
    const done = page.events.length < PAGE || page.checkpoint === (after ?? '') || page.checkpoint >= to;
    after = page.checkpoint;
    await options.onProgress?.({ events, streams: heads.size, position: after, ...(options.total !== undefined ? { total: Math.max(options.total, events) } : {}) });
    if (done) return { streams: heads.size, events, valid: !failed, problems, upTo: after };
  }
}
