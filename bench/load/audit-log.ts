/**
 * The event log as an auditor reads it through the public API (`GET /audit/events`, paged by position), and one
 * stream whole (`GET /audit/streams/{id}`): what reconciliation compares the acknowledged commands and the read
 * models with. Nothing here reads the database.
 */
import type { Session } from './session.js';

export interface LoggedEvent {
  position: string;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  data: Record<string, unknown> | null;
  metadata: { correlationId?: string; actor?: { id: string; role: string } };
  recordedAt: string;
}

const PAGE = 500;

/** Every event after `after` (all of them without it), in global order. */
export async function readLog(auditor: Session, after: string | undefined): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  let cursor = after;
  for (;;) {
    const query = `limit=${PAGE}${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`;
    const { body } = await auditor.call<{ items: LoggedEvent[]; nextCursor: string | null }>('GET /audit/events', `/audit/events?${query}`);
    events.push(...body.items);
    if (!body.nextCursor) return events;
    cursor = body.nextCursor;
  }
}

/**
 * The events after `after`, once the log has stopped growing: work a command set going may still be appending when
 * the last client stops (a retried activity after a timeout), and it belongs in the window.
 */
export async function readSettledLog(auditor: Session, after: string | undefined, settleMs: number): Promise<LoggedEvent[]> {
  const events = await readLog(auditor, after);
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const more = await readLog(auditor, events.at(-1)?.position ?? after);
    if (more.length === 0) return events;
    events.push(...more);
  }
  return events;
}

/** The newest position after `after` (or `after` itself when nothing follows it). */
export async function logHead(auditor: Session, after: string | undefined): Promise<string | undefined> {
  return (await readLog(auditor, after)).at(-1)?.position ?? after;
}

export async function readStream(auditor: Session, streamId: string): Promise<LoggedEvent[]> {
  const { body } = await auditor.call<{ events: LoggedEvent[] }>('GET /audit/streams/{id}', `/audit/streams/${encodeURIComponent(streamId)}`);
  return body.events;
}
