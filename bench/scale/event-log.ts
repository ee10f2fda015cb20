/**
 * Appends generated events as the PostgreSQL adapter would store them (events/store/postgres-event-store.ts
 * `insert`): lower-case event ids, one `recordedAt` per append, metadata beside the data, revision and prevHash from
 * the stream's head, and the hash from the adapter's own `eventHash` — so `POST /audit/verify` holds over the result.
 * Rows leave as lines of PostgreSQL's COPY text format; global_position and transaction_id are the columns' own
 * defaults, filled in by the server in the order the lines arrive.
 */
import type { EventMetadata } from '../../events/store/event-store.js';
import { eventHash } from '../../events/store/hash-chain.js';
import type { Random } from './random.js';

/** The columns a COPY fills, in line order (the rest are the adapter's defaults). */
export const EVENT_COLUMNS = ['stream_id', 'stream_revision', 'event_id', 'event_type', 'data', 'metadata', 'recorded_at', 'prev_hash', 'hash'] as const;

/** A stream as its writer holds it: the revision and hash its next event chains on (-1 and null before the first). */
export interface StreamHead {
  id: string;
  revision: number;
  hash: string | null;
}

export const newStream = (id: string): StreamHead => ({ id, revision: -1, hash: null });

export interface Draft {
  type: string;
  data: unknown;
}

/** Where rows go: COPY text lines for `events`, and for `credentials` (the accounts' password rows). */
export interface RowSink {
  event(line: string): void;
  credential(line: string): void;
}

/** COPY text format: backslash is the escape character; JSON never carries a raw tab or newline. */
const field = (text: string): string => (text.includes('\\') ? text.replace(/\\/g, '\\\\') : text);

export class EventLog {
  /** Events appended so far, by type. */
  readonly types = new Map<string, number>();
  events = 0;
  appends = 0;

  constructor(
    private readonly random: Random,
    private readonly sink: RowSink,
  ) {}

  /** One append: the events of one command, at one instant, on one stream (the workflow's `appendToStream`). */
  append(head: StreamHead, at: number, metadata: EventMetadata, drafts: Draft[]): void {
    const recordedAt = new Date(at).toISOString();
    const metadataJson = field(JSON.stringify(metadata));
    for (const draft of drafts) {
      const revision = head.revision + 1;
      const eventId = this.random.uuid();
      const hash = eventHash({ streamId: head.id, revision: BigInt(revision), eventId, type: draft.type, recordedAt, data: draft.data, metadata, prevHash: head.hash });
      this.sink.event(
        `${field(head.id)}\t${revision}\t${eventId}\t${draft.type}\t${field(JSON.stringify(draft.data ?? null))}\t${metadataJson}\t${recordedAt}\t${head.hash ?? '\\N'}\t${hash}\n`,
      );
      head.revision = revision;
      head.hash = hash;
      this.types.set(draft.type, (this.types.get(draft.type) ?? 0) + 1);
    }
    this.events += drafts.length;
    this.appends++;
  }

  /** The account's password row (credentials.ts): registered at version 1, changed once at first login. */
  credential(accountId: string, changedAt: number, passwordHash: string): void {
    const changed = new Date(changedAt).toISOString();
    this.sink.credential(`${accountId}\t${this.random.uuid()}\t${passwordHash}\t2\t${changed}\t${this.random.uuid()}\t${passwordHash}\n`);
  }
}

/** The credentials columns a COPY fills. */
export const CREDENTIAL_COLUMNS = ['account_id', 'credential_id', 'password_hash', 'version', 'changed_at', 'previous_credential_id', 'previous_password_hash'] as const;
