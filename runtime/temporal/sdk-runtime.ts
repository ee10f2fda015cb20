/**
 * Installs the Temporal SDK's process-wide Runtime once, with its log lines sent to the app's logger.
 * `Runtime.install` throws when called twice or after any worker/connection has started, so every entry point
 * (embedded app, worker-main, tests) goes through this guard before creating its first NativeConnection.
 *
 * The SDK's own signal handling is off: by default it shuts every worker down on SIGINT/SIGTERM by itself, ahead of
 * the entry point's ordered shutdown (API first, then the worker's drain), and it kept a process that was signalled
 * during start-up alive with its worker stopped and its start-up waiting on that worker for good. Each entry point
 * handles the signals and stops its worker in its own order.
 */
import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';

/** The subset of pino (and console) the runtime needs: message-first calls. */
export interface AppLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function installSdkRuntime(logger: AppLogger, level: LogLevel = 'WARN'): void {
  if (Runtime._instance !== undefined) return;
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger(level, ({ level: entryLevel, message, meta }) => {
      const line = meta && Object.keys(meta).length ? `${message} ${safeJson(meta)}` : message;
      if (entryLevel === 'ERROR') logger.error(`temporal: ${line}`);
      else if (entryLevel === 'WARN') logger.warn(`temporal: ${line}`);
      else logger.info(`temporal: ${line}`);
    }),
  });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Error ? v.message : v));
  } catch {
    return String(value);
  }
}
