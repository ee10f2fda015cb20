/**
 * Catch-up subscription shared by the adapters: page through the global order after the last scanned position,
 * then sleep until a wake-up (NOTIFY, or ESDB's live subscription) or the poll interval, whichever comes first.
 * Polling stays as the fallback because a NOTIFY can be missed while the listening connection reconnects.
 */
import { type EventPage, type Position, type ReadAllOptions, type RecordedEvent, START, type SubscribeOptions } from './event-store.js';

/** Re-polls after a wake-up that found nothing visible yet: 20, 40, … 640 ms. */
export const EAGER_STEPS = 6;
export const EAGER_FIRST_MS = 20;

export interface SubscriptionSource {
  readPage(options: ReadAllOptions): Promise<EventPage>;
  /** Registers a wake-up callback; resolves to its unsubscribe function. */
  wake(onWake: () => void): Promise<() => Promise<void>>;
  isClosed(): boolean;
}

export async function* subscribeByPolling(source: SubscriptionSource, options: SubscribeOptions): AsyncGenerator<RecordedEvent> {
  const { filter, signal } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 1000;
  let after: Position | undefined = options.after;
  let wakeUp: (() => void) | null = null;
  let woken = false;
  const onWake = () => {
    woken = true;
    wakeUp?.();
  };
  const unsubscribe = await source.wake(onWake);
  const onAbort = () => wakeUp?.();
  signal?.addEventListener('abort', onAbort);
  try {
    // A woken read can still find nothing: the new event sits behind a transaction that has not finished yet (global
    // order waits below the oldest running transaction, reference/eventstore.md §2). Then re-poll soon, backing off,
    // instead of sleeping a whole poll interval.
    let eager = 0;
    while (!signal?.aborted && !source.isClosed()) {
      const triggered = woken;
      woken = false;
      const page = await source.readPage({ after, limit: batchSize, filter });
      for (const event of page.events) {
        if (signal?.aborted) return;
        yield event;
      }
      // Resume after what was scanned, not after the last match: filtered-out events are passed once. Read on until
      // a page finds nothing new, since a page may stop early (full, or at a scan limit).
      if (page.checkpoint > (after ?? START)) {
        after = page.checkpoint;
        eager = 0;
        continue;
      }
      if (woken) continue;
      if (triggered) eager = EAGER_STEPS;
      const delay = eager > 0 ? Math.min(pollMs, EAGER_FIRST_MS * 2 ** (EAGER_STEPS - eager--)) : pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await unsubscribe();
  }
}
