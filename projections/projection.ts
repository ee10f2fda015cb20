/**
 * What a projection is (DESIGN.md §5, STYLE.md 9 and 17): one file with its tables (DDL), a filter, and `apply` over
 * a batch of events inside the runner's transaction — usually a pure fold plus a column map (rows.ts), exported so
 * auditors can replay it. Where it runs, in which schema, and how far, is the runner's business: the DDL, `apply`
 * and the query functions name tables unqualified, and the runner points `search_path` at the schema it chose
 * (as-of.ts builds a projection into a scratch schema up to a past position).
 */
import type { Sql } from '../events/store/database.js';
import type { EventFilter, EventHeader, RecordedEvent } from '../events/store/event-store.js';

interface ProjectionBase {
  /** Stable name; also the checkpoint key. */
  name: string;
  /** Bump to make the runner rebuild this projection at the next start (DDL or apply changed). */
  version: number;
  /** Idempotent DDL creating the projection's tables and indexes, with unqualified names. */
  tables: string;
  /** Tables to drop on rebuild, children first (unqualified). */
  tableNames: string[];
  /** Only these events reach `apply` (the checkpoint still moves past the others). */
  filter?: EventFilter;
}

/** Folds whole events (data and metadata). */
export interface Projection extends ProjectionBase {
  reads?: 'events';
  /** Folds a batch into the tables. Runs in the same transaction as the checkpoint: exactly-once effects. */
  apply(tx: Sql, events: RecordedEvent[]): Promise<void>;
}

/** Folds only where events are and what they are; the runner then never reads their payloads for it. */
export interface HeaderProjection extends ProjectionBase {
  reads: 'headers';
  apply(tx: Sql, events: EventHeader[]): Promise<void>;
}

export type AnyProjection = Projection | HeaderProjection;

export const readsHeadersOnly = (projection: AnyProjection): projection is HeaderProjection => projection.reads === 'headers';
