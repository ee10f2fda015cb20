/**
 * A first-come, first-served lock for Update handlers (samples-typescript safe-message-handlers uses async-mutex; this
 * is the same idea in a dozen lines, deterministic in the workflow sandbox). Concurrent Updates queue here, so each
 * is decided on the state its predecessors left instead of being refused as busy or deciding on stale state.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #held = 0;

  /** True when nobody holds or waits for the lock. */
  get idle(): boolean {
    return this.#held === 0;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.#held++;
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(work).finally(() => {
      this.#held--;
      release();
    });
  }
}
