// @lit/task does not abort when its host leaves the page (reference/lit.md §3). This controller aborts the given
// tasks on disconnect and re-runs on reconnect those it interrupted, so a screen moved in the DOM still loads.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus } from '@lit/task';

/** The part of an auto-running @lit/task this controller needs (its args come from its own args function). */
interface Abortable {
  readonly status: TaskStatus;
  abort(reason?: unknown): void;
  run(): Promise<void>;
}

export class AbortOnDisconnect implements ReactiveController {
  readonly #tasks: readonly Abortable[];
  #interrupted: Abortable[] = [];

  constructor(host: ReactiveControllerHost, tasks: readonly Abortable[]) {
    this.#tasks = tasks;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#interrupted = this.#tasks.filter((t) => t.status === TaskStatus.PENDING);
    for (const t of this.#interrupted) t.abort();
  }

  hostConnected(): void {
    for (const t of this.#interrupted) void t.run();
    this.#interrupted = [];
  }
}
