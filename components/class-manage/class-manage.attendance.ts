// The completion form's state in <jxjy-class-manage>: which approved enrollees are ticked as attending, and whether
// the confirmation step is open (it locks the ticks). Kept apart so the element stays about screens and requests.
import type { ReactiveControllerHost } from 'lit';
import type { RosterEntry } from '../api/types.js';

const approvedIds = (roster: readonly RosterEntry[] | undefined) => (roster ?? []).filter((r) => r.status === 'approved').map((r) => r.personId);

export class Attendance {
  ticked: ReadonlySet<string> = new Set();
  confirming = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  tick(personId: string, on: boolean): void {
    const next = new Set(this.ticked);
    if (on) next.add(personId);
    else next.delete(personId);
    this.#set(next);
  }

  /** 全选 (every approved enrollee of `roster`) or 全不选. */
  tickAll(roster: readonly RosterEntry[] | undefined, on: boolean): void {
    this.#set(new Set(on ? approvedIds(roster) : []));
  }

  confirm(open: boolean): void {
    this.confirming = open;
    this.#host.requestUpdate();
  }

  /** Another class, or none: nothing ticked, no confirmation open. */
  reset(): void {
    this.confirming = false;
    this.#set(new Set());
  }

  /** Who is sent as attending: the ticked among the roster's approved enrollees, in roster order. */
  attendees(roster: readonly RosterEntry[] | undefined): string[] {
    return approvedIds(roster).filter((id) => this.ticked.has(id));
  }

  #set(ticked: ReadonlySet<string>) {
    this.ticked = ticked;
    this.#host.requestUpdate();
  }
}
