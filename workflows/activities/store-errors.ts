/**
 * Which store failures an activity must not retry. An outage (connection lost, store closed) heals: retrying is right.
 * Data the store refuses — PostgreSQL SQLSTATE class 22, e.g. 22P05 "unsupported Unicode escape sequence" for a NUL
 * in JSON — fails the same way on every retry: retried forever it wedged a lifecycle and held its claims. Such a
 * failure is reported at once as non-retryable InvalidInput, and the lifecycle gives back what it had claimed.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { FailureType } from '../kit/messages.js';

export function isRefusedData(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) return true;
  }
  return false;
}

export function refusedDataFailure(error: unknown): ApplicationFailure {
  return ApplicationFailure.create({
    type: FailureType.InvalidInput,
    message: `the store refused the data: ${(error as Error).message}`,
    nonRetryable: true,
    details: [{ zh: '提交的内容包含无法保存的字符', en: 'the submitted text contains characters that cannot be stored' }],
  });
}
