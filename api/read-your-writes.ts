/**
 * Read-your-writes (DESIGN.md §5): a command answers with its event `position`; a query given
 * `?after=<position>` answers once the projections it reads have passed it — only those, so a stalled projection
 * elsewhere never delays it — and 503 after a bounded wait rather than serve a read model that does not yet show the
 * caller's own write. A position beyond anything written cannot come from a command: 400 at once, no wait.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import Joi from 'joi';
import { UnavailableError, ValidationError } from './errors.js';

export const READ_WAIT_MS = 5_000;

/** Spread into a query schema: `query: Joi.object({ ...afterQuery, year: … })`. */
export const afterQuery = {
  after: Joi.string()
    .pattern(/^\d{20}:\d{20}$/)
    .description('an event position from a command response; wait until it is visible')
    .messages({ 'string.pattern.base': '{{#label}} must be a position returned by a command' }),
};

const NOT_WRITTEN = { zh: 'after 不是任何操作返回过的位置', en: 'after is not a position any command has returned' };

/**
 * Waits until the named projections (the tables this query reads) have passed `after`. The store's head is the
 * newest event *written*, not the newest readable one: on PostgreSQL a just-committed event can stay unreadable for a
 * moment behind an older open transaction, and its position must still be waited for, never refused.
 */
export async function waitForPosition<R extends ReqRef>(
  request: Request<R>,
  after: string | undefined,
  projections: string[],
  timeoutMs: number = READ_WAIT_MS,
): Promise<void> {
  if (!after) return;
  const { store, projections: runner } = request.server.app.deps;
  if (after > (await store.writtenPosition())) {
    throw new ValidationError(NOT_WRITTEN, { details: [{ field: 'after', message: NOT_WRITTEN }] });
  }
  const caughtUp = await runner.waitFor(after, timeoutMs, projections);
  if (!caughtUp) {
    throw new UnavailableError({
      zh: '数据仍在更新中，请稍后刷新',
      en: 'Your latest change is still being processed; refresh in a moment',
    });
  }
}

/**
 * For a decision taken on read models (a certificate on the credit totals and dishonesty records): waits until the
 * named projections show everything written before this request, so nobody is refused on — or let through by — a
 * model a moment behind. 503 after the bounded wait.
 */
export async function waitForHead<R extends ReqRef>(request: Request<R>, projections: string[], timeoutMs: number = READ_WAIT_MS): Promise<void> {
  const { store, projections: runner } = request.server.app.deps;
  if (!(await runner.waitFor(await store.writtenPosition(), timeoutMs, projections))) {
    throw new UnavailableError({ zh: '数据仍在更新中，请稍后再试', en: 'the records are still being brought up to date; try again in a moment' });
  }
}
