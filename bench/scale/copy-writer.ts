/**
 * Streams generated rows into PostgreSQL with `COPY … FROM STDIN` through one long-lived psql process (pg-copy-streams
 * is not a dependency): a script of COPY blocks, each block its own transaction — so each block gets its own
 * transaction id, as the adapter's appends do (there, one per append; here, one per block of `batchRows`), and the
 * global order (transaction id, position) stays the order the rows were generated in.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { CREDENTIAL_COLUMNS, EVENT_COLUMNS, type RowSink } from './event-log.js';

export class CopyWriter implements RowSink {
  private events: string[] = [];
  private credentials: string[] = [];
  private readonly psql;
  private readonly exited: Promise<number | null>;
  private stderr = '';
  bytes = 0;

  constructor(
    url: string,
    private readonly batchRows: number,
  ) {
    this.psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url], { stdio: ['pipe', 'ignore', 'pipe'] });
    this.psql.stderr.setEncoding('utf8');
    this.psql.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = once(this.psql, 'exit').then(([code]) => code as number | null);
    // A bulk load: no need to wait for the WAL flush of every block (a crash means generating again).
    this.psql.stdin.write('SET synchronous_commit = off;\n');
  }

  event(line: string): void {
    this.events.push(line);
  }

  credential(line: string): void {
    this.credentials.push(line);
  }

  /** True when a block is ready: the generator awaits `flush()` then. */
  get full(): boolean {
    return this.events.length >= this.batchRows;
  }

  /** Sends the buffered rows as COPY blocks; resolves once psql has taken them (back-pressure). */
  async flush(): Promise<void> {
    if (this.events.length > 0) await this.block('events', EVENT_COLUMNS, this.events);
    if (this.credentials.length > 0) await this.block('credentials', CREDENTIAL_COLUMNS, this.credentials);
    this.events = [];
    this.credentials = [];
  }

  private async block(table: string, columns: readonly string[], lines: string[]): Promise<void> {
    const text = `COPY ${table} (${columns.join(', ')}) FROM STDIN;\n${lines.join('')}\\.\n`;
    this.bytes += Buffer.byteLength(text);
    if (this.psql.exitCode !== null) throw new Error(`psql exited early: ${this.stderr}`);
    if (!this.psql.stdin.write(text)) await Promise.race([once(this.psql.stdin, 'drain'), this.exited]);
  }

  /** Flushes the rest and waits until every block is committed. */
  async close(): Promise<void> {
    await this.flush();
    this.psql.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw new Error(`psql COPY failed (exit ${code}): ${this.stderr.slice(0, 2000)}`);
  }
}
