/**
 * The commands the system acknowledged during a run, each with the events it must have written (expected-events.ts).
 * Reconciliation checks the log against this list: an acknowledged command whose events are missing is a lost write.
 */

/** One event a command must have left in the log. */
export interface ExpectedEvent {
  /** The stream id, or — with `prefix` — the start of it (a reviewer account whose id the API never answers). */
  stream: string;
  prefix?: boolean;
  type: string;
  /** Fields the event's data must have (nested objects match partially; arrays and scalars exactly). */
  data?: Record<string, unknown>;
  /**
   * Written under the command's own request: its metadata's `correlationId` is the command's X-Request-Id. False for
   * what a lifecycle does for another on its own account (a seat confirmed by the class after an approval), whose
   * events carry no request.
   */
  correlated: boolean;
}

export interface Acknowledged {
  requestId: string;
  route: string;
  status: number;
  /** The event position the command answered with, if any. */
  position?: string;
  /** Milliseconds since the run started. */
  at: number;
  expected: ExpectedEvent[];
  /**
   * Seats this command gave back (a rejected or cancelled enrolment): whether the class then granted the seat to the
   * first in line depends on the class's waiting list, which reconciliation folds from the class's own stream.
   */
  releasedSeats?: Array<{ classId: string; personId: string }>;
}

export class Ledger {
  readonly acknowledged: Acknowledged[] = [];

  constructor(private readonly clock: () => number) {}

  acknowledge(command: Omit<Acknowledged, 'at'>): void {
    this.acknowledged.push({ ...command, at: this.clock() });
  }
}
