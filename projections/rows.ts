/**
 * A read model with one row per key, declared as a pure fold plus a column map (STYLE.md 17). `foldRows` turns the
 * declaration into a set-based apply — read the batch's rows once, fold its events in order in memory, write back
 * with one upsert — so no projection hand-writes that SQL. `replayRows` is the same fold without a database, for
 * anyone who wants a read model's rows straight from events.
 */
import type { Sql } from '../events/store/database.js';
import type { RecordedEvent } from '../events/store/event-store.js';

export interface RowFold<Row extends object> {
  /** Unqualified: the runner chooses the schema. */
  table: string;
  /** Row property → its column and SQL type, in column order. */
  columns: { readonly [K in keyof Row]-?: readonly [column: string, type: string] };
  /** The property holding the primary key. */
  key: keyof Row & string;
  /** The key of the row an event is about. */
  keyOf(event: RecordedEvent): string;
  /** One event on one row; undefined leaves the row as it was (or absent). */
  evolve(row: Row | undefined, event: RecordedEvent): Row | undefined;
}

const entries = <Row extends object>(fold: RowFold<Row>) =>
  Object.entries(fold.columns) as Array<[string, readonly [column: string, type: string]]>;

/** `SELECT <column> AS "<property>", … FROM <table>`: rows come back in the fold's shape. */
export function selectRows<Row extends object>(fold: RowFold<Row>): string {
  return `SELECT ${entries(fold).map(([property, [column]]) => `${column} AS "${property}"`).join(', ')} FROM ${fold.table}`;
}

/** Pure: the rows `events` fold into, starting from `rows` (or from nothing). */
export function replayRows<Row extends object>(fold: RowFold<Row>, events: RecordedEvent[], rows = new Map<string, Row>()): Map<string, Row> {
  for (const event of events) {
    const key = fold.keyOf(event);
    const next = fold.evolve(rows.get(key), event);
    if (next) rows.set(key, next);
  }
  return rows;
}

/** The set-based apply of a row fold: one read and one upsert per batch, whatever its size. */
export function foldRows<Row extends object>(fold: RowFold<Row>): (tx: Sql, events: RecordedEvent[]) => Promise<void> {
  const columns = entries(fold);
  const keyColumn = fold.columns[fold.key][0];
  const select = `${selectRows(fold)} WHERE ${keyColumn} = ANY($1)`;
  const upsert = `INSERT INTO ${fold.table} (${columns.map(([, [column]]) => column).join(', ')})
    SELECT ${columns.map(([property]) => `"${property}"`).join(', ')}
    FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map(([property, [, type]]) => `"${property}" ${type}`).join(', ')})
    ON CONFLICT (${keyColumn}) DO UPDATE SET ${columns
      .filter(([property]) => property !== fold.key)
      .map(([, [column]]) => `${column} = EXCLUDED.${column}`)
      .join(', ')}`;
  return async (tx, events) => {
    const keys = [...new Set(events.map((event) => fold.keyOf(event)))];
    const { rows } = await tx.query<Row>(select, [keys]);
    const touched = replayRows(fold, events, new Map(rows.map((row) => [String(row[fold.key]), row])));
    if (touched.size > 0) await tx.query(upsert, [JSON.stringify([...touched.values()])]);
  };
}
