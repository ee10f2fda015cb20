import { ApplicationFailure, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ActivityFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, UnprocessableError } from '../../api/errors.js';
import { fromTemporalError } from '../../api/temporal-errors.js';

const updateFailed = (failure: Error) => new WorkflowUpdateFailedError('Workflow Update failed', failure);
const grpcError = (code: number) => Object.assign(new Error(`${code} grpc`), { code, details: 'grpc', metadata: {} });

describe('fromTemporalError', () => {
  it.each([
    ['InvalidTransition', ConflictError],
    ['InvalidInput', UnprocessableError],
    ['NotFound', NotFoundError],
    ['Forbidden', ForbiddenError],
    ['WrongExpectedVersion', ConflictError],
  ])('maps an update rejected with %s', (type, expected) => {
    const mapped = fromTemporalError(updateFailed(ApplicationFailure.create({ type, message: `rejected: ${type}` })));
    expect(mapped).toBeInstanceOf(expected);
    expect(mapped?.text).toBe(`rejected: ${type}`);
  });

  it('takes the localized message and field details from the failure details', () => {
    const failure = ApplicationFailure.create({
      type: 'InvalidInput',
      message: 'reason required',
      details: [{ zh: '驳回时必须填写原因', en: 'A reason is required to reject' }, [{ field: 'reason', message: { zh: '必填', en: 'required' } }]],
    });
    const mapped = fromTemporalError(updateFailed(failure));
    expect(mapped).toBeInstanceOf(UnprocessableError);
    expect(mapped?.text).toEqual({ zh: '驳回时必须填写原因', en: 'A reason is required to reject' });
    expect(mapped?.details).toEqual([{ field: 'reason', message: { zh: '必填', en: 'required' } }]);
  });

  it('finds the typed failure below an activity failure', () => {
    const wrapped = new ActivityFailure('activity failed', 'appendEvents', 'id-1', undefined, undefined, ApplicationFailure.create({ type: 'WrongExpectedVersion', message: 'race' }));
    expect(fromTemporalError(updateFailed(wrapped))).toBeInstanceOf(ConflictError);
  });

  it('leaves unknown failure types to the 500 path', () => {
    expect(fromTemporalError(updateFailed(ApplicationFailure.create({ type: 'Oops', message: 'bug' })))).toBeUndefined();
    expect(fromTemporalError(new Error('plain'))).toBeUndefined();
  });

  it('maps unreachable Temporal to 503 and a missing workflow to 404', () => {
    expect(fromTemporalError(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'))).toBeInstanceOf(UnavailableError);
    expect(fromTemporalError(new ServiceError('failed', { cause: grpcError(14) }))).toBeInstanceOf(UnavailableError);
    expect(fromTemporalError(grpcError(4))).toBeInstanceOf(UnavailableError);
    expect(fromTemporalError(new ServiceError('bad request', { cause: grpcError(3) }))).toBeUndefined();
    expect(fromTemporalError(new WorkflowNotFoundError('no such workflow', 'credit-1', undefined))).toBeInstanceOf(NotFoundError);
  });
});
