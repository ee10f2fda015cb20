/**
 * Contract of the unit-binding lifecycle (`binding-<personId>`), the one writer of `binding-` streams. The person
 * requests a binding to an approved unit (the API checks the unit is approved and supplies what the unit will see),
 * may cancel it while pending, and the unit decides through `POST /tasks/{taskId}/decision` (the kit's decideTask).
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BindingState, BindingUnit } from '../../events/binding.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const BINDING_KIND = 'binding';
export const bindingWorkflowId = (personId: string) => `${BINDING_KIND}-${personId}`;

export interface BindingRequest extends CommandEnvelope {
  unit: BindingUnit;
  personName: string;
  idNumberMasked: string;
}

export type BindingCancellation = CommandEnvelope;

export interface BindingView extends BindingState {
  /** The unit's open task for the pending request. */
  taskId: string | null;
  position: string;
}

/** Failures: InvalidTransition → 409 (a request is already pending; already bound to that unit; nothing to cancel). */
export const requestBindingUpdate = defineUpdate<BindingView, [BindingRequest]>('request');
export const cancelBindingUpdate = defineUpdate<BindingView, [BindingCancellation]>('cancel');
export const bindingViewQuery = defineQuery<BindingView | null>('view');
