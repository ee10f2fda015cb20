/**
 * Catch-up subscription shared by the SQL adapters: page through readAll after the last delivered position,
 * then sleep until a wake-up (NOTIFY) or the poll interval, whichever comes first. Polling stays as the
 * fallback because a NOTIFY can be missed while the listening connection reconnects.
 */
import type { Position, ReadAllOptions, RecordedEvent, SubscribeOptions } from './event-store.js';

export interface SubscriptionSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
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
    while (!signal?.aborted && !source.isClosed()) {
      woken = false;
      const batch = await source.readAll({ after, limit: batchSize, filter });
      for (const event of batch) {
        if (signal?.aborted) return;
        yield event;
        after = event.position;
      }
      if (batch.length === batchSize || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
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
