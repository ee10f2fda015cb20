/**
 * The topology's PostgreSQL side: creating and dropping its database, naming each process's connections, and the
 * two questions only the server can answer reliably — which projection runner holds the leader's advisory lock,
 * and whether a runner's loop is up (it keeps a LISTEN connection open while it runs).
 */
import pg from 'pg';
import { quoteIdent } from '../../events/store/database.js';
import { RUNNER_LOCK_KEY } from '../../projections/runner.js';

/** `application_name` prefix of every topology process, so pg_stat_activity tells them apart. */
const APPLICATION_PREFIX = 'jxjy-';

export const applicationName = (processName: string): string => `${APPLICATION_PREFIX}${processName}`;

/** The same database, its connections labelled with the process's name in pg_stat_activity. */
export function withApplicationName(databaseUrl: string, processName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', applicationName(processName));
  return url.toString();
}

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redacted(databaseUrl)}`);
  return name;
}

/** Creates the database unless it exists; answers whether it created it. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = databaseName(databaseUrl);
  return withMaintenanceClient(databaseUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      // Another launcher created it between our look and our CREATE: it exists, which is all we wanted.
      if ((error as { code?: string }).code === '42P04') return false;
      throw error;
    }
  });
}

/** Drops the database even while sessions linger (a SIGKILLed process's backend may not have noticed yet). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseName(databaseUrl);
  await withMaintenanceClient(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** CREATE and DROP DATABASE cannot run inside the database itself: use the server's `postgres` database. */
async function withMaintenanceClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  url.searchParams.set('application_name', applicationName('launcher'));
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TopologyDatabaseProbe {
  /** The process (`runner-2`) whose session holds the runners' advisory lock, or undefined while none does. */
  leaderRunner(): Promise<string | undefined>;
  /** Whether the named runner's loop is up: it LISTENs on the event channel from a connection opened after `since`. */
  runnerListening(processName: string, since: Date): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Reads pg_locks rather than trusting a process to say it leads: the lock is the leadership (projections/runner.ts),
 * and the server drops it the moment the holder's connection dies. Only the runners' own key counts: a runner also
 * takes the schema lock for a moment while it creates its tables (events/store/database.ts).
 */
export function openDatabaseProbe(databaseUrl: string): TopologyDatabaseProbe {
  const pool = new pg.Pool({ connectionString: withApplicationName(databaseUrl, 'launcher'), max: 1, idleTimeoutMillis: 5_000 });
  pool.on('error', () => {
    /* an idle probe connection dropped (database restarted or dropped); the next query opens another */
  });
  return {
    async leaderRunner() {
      const { rows } = await pool.query<{ application_name: string }>(
        `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() AND a.application_name LIKE $1
           AND l.classid = 0 AND l.objid = ${RUNNER_LOCK_KEY} AND l.objsubid = 1
         ORDER BY a.backend_start LIMIT 1`,
        [`${applicationName('runner-')}%`],
      );
      return rows[0]?.application_name.slice(APPLICATION_PREFIX.length);
    },
    async runnerListening(processName, since) {
      const { rowCount } = await pool.query(
        `SELECT 1 FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = $1 AND query ILIKE 'LISTEN %' AND backend_start >= $2`,
        [applicationName(processName), since],
      );
      return (rowCount ?? 0) > 0;
    },
    close: () => pool.end(),
  };
}

export const redacted = (url: string): string => url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
