/** Contract of the requirements lifecycle (`requirements-<year>`), the one writer of `requirements-` streams. */
import { defineUpdate } from '@temporalio/workflow';
import type { HoursByCategory } from '../../events/requirements.js';
import type { CommandEnvelope } from '../kit/messages.js';

export const REQUIREMENTS_KIND = 'requirements';
export const requirementsWorkflowId = (year: number) => `${REQUIREMENTS_KIND}-${year}`;

export interface RequirementsChange extends CommandEnvelope {
  /** Half-hours per category. */
  halfHours: HoursByCategory;
}

export interface RequirementsView {
  year: number;
  halfHours: HoursByCategory;
  setAt: string | null;
  position: string;
}

export const setRequirementsUpdate = defineUpdate<RequirementsView, [RequirementsChange]>('set');
