/**
 * Read-your-writes (DESIGN.md §5): a command answers with its event `position`; a query given
 * `?after=<position>` answers only once the projections have passed it, and 503 after a bounded wait rather
 * than serve a read model that does not yet show the caller's own write.
 */
import type { ReqRef, Request } from '@hapi/hapi';
import Joi from 'joi';
import { UnavailableError } from './errors.js';

export const READ_WAIT_MS = 5_000;

/** Spread into a query schema: `query: Joi.object({ ...afterQuery, year: … })`. */
export const afterQuery = {
  after: Joi.string()
    .pattern(/^\d{20}:\d{20}$/)
    .description('an event position from a command response; wait until it is visible')
    .messages({ 'string.pattern.base': '{{#label}} must be a position returned by a command' }),
};

export async function waitForPosition<R extends ReqRef>(request: Request<R>, after: string | undefined, timeoutMs: number = READ_WAIT_MS): Promise<void> {
  if (!after) return;
  const caughtUp = await request.server.app.deps.projections.waitFor(after, timeoutMs);
  if (!caughtUp) {
    throw new UnavailableError({
      zh: '数据仍在更新中，请稍后刷新',
      en: 'Your latest change is still being processed; refresh in a moment',
    });
  }
}
