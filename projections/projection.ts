/**
 * What a projection is (DESIGN.md §5): one file with its tables (DDL), `apply` over a batch of events inside the
 * runner's transaction, and its query functions. Where and when it runs is the runner's business.
 */
import type { Sql } from '../events/store/database.js';
import type { EventFilter, RecordedEvent } from '../events/store/event-store.js';

export interface Projection {
  /** Stable name; also the checkpoint key. */
  name: string;
  /** Bump to make the runner rebuild this projection at the next start (DDL or apply changed). */
  version: number;
  /** Idempotent DDL creating the projection's tables and indexes. */
  tables: string;
  /** Tables to drop on rebuild, children first. */
  tableNames: string[];
  /** Only these events reach `apply` (the checkpoint still moves past the others). */
  filter?: EventFilter;
  /** Folds a batch into the tables. Runs in the same transaction as the checkpoint: exactly-once effects. */
  apply(tx: Sql, events: RecordedEvent[]): Promise<void>;
}
