/**
 * The generator's clock: every lifecycle step is an action due at an instant, and actions run in time order (ties in
 * the order they were scheduled) — so the log is appended the way the live system would have appended it, each
 * stream's events in revision order and every cause (an approved unit, a confirmed binding) before its effects.
 * A binary min-heap; only lifecycles in flight are in it, never the whole history.
 */

export type Action = (at: number) => void;

interface Entry {
  at: number;
  seq: number;
  run: Action;
}

export class Timeline {
  private readonly heap: Entry[] = [];
  private seq = 0;
  /** The instant of the action running now (ms since the epoch). */
  now = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `run` at `at`; never before the action scheduling it (time only moves forward). */
  at(at: number, run: Action): void {
    this.push({ at: Math.max(Math.floor(at), this.now), seq: this.seq++, run });
  }

  /** The instant of the next action, or Infinity. */
  peek(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  /** Runs the next action; false when none is left. */
  step(): boolean {
    const top = this.pop();
    if (!top) return false;
    this.now = top.at;
    top.run(top.at);
    return true;
  }

  private less(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.less(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && this.less(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
    return top;
  }
}
