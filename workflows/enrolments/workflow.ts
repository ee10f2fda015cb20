/** The enrolment lifecycle (`enrolment-<classId>-<personId>`) on the kit's host: configuration only. */
import type { EnrolmentEvent, EnrolmentState } from '../../events/enrolment.js';
import { classWorkflowId, confirmSeatUpdate, releaseSeatUpdate } from '../classes/messages.js';
import { commandLifecycle } from '../kit/commands.js';
import { runLifecycle } from '../kit/host.js';
import { binder, type Lifecycle } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { type EnrolmentCommand, enrolmentDecider, enrolmentReviews, toEnrolmentView } from './decider.js';
import {
  ENROLMENT_KIND, type EnrolmentView, cancelEnrolmentUpdate, classCompletedUpdate, enrolmentViewQuery, openEnrolmentUpdate, promoteEnrolmentUpdate,
} from './messages.js';

const bind = binder<EnrolmentCommand, EnrolmentEvent, EnrolmentState>();
const result = ({ state, position, reviews }: { state: EnrolmentState; position: string; reviews: Parameters<typeof toEnrolmentView>[2] }) =>
  toEnrolmentView(state, position, reviews);
const SYSTEM = { id: 'system', role: 'system' };
const hasEvent = (events: Array<{ type: string }>, type: string) => events.some((e) => e.type === type);

const enrolments: Lifecycle<EnrolmentCommand, EnrolmentEvent, EnrolmentState, EnrolmentView> = {
  kind: ENROLMENT_KIND,
  decider: enrolmentDecider,
  commands: [
    bind(openEnrolmentUpdate, { toCommand: (opening) => ({ type: 'open', opening }), result }),
    bind(promoteEnrolmentUpdate, { toCommand: () => ({ type: 'promote' }), result }),
    bind(cancelEnrolmentUpdate, {
      toCommand: ({ actor, enrolmentId }) => ({ type: 'cancel', actor, ...(enrolmentId ? { enrolmentId } : {}) }),
      // The seat goes back to the class, which gives it to the first in line.
      effects: { after: ({ state }) => commandLifecycle(classWorkflowId(state.classId), releaseSeatUpdate.name, { personId: state.personId, actor: SYSTEM }) },
      result,
    }),
    bind(classCompletedUpdate, { toCommand: (outcome) => ({ type: 'classCompleted', outcome }), result }),
  ],
  reviews: enrolmentReviews,
  // An approval makes the seat the person's; a rejection gives it back to the class for the first in line.
  decisionEffects: {
    async after({ events, state }) {
      const classId = classWorkflowId(state.classId);
      if (hasEvent(events, 'EnrolmentApproved')) await commandLifecycle(classId, confirmSeatUpdate.name, { personId: state.personId, actor: SYSTEM });
      if (hasEvent(events, 'EnrolmentRejected')) await commandLifecycle(classId, releaseSeatUpdate.name, { personId: state.personId, actor: SYSTEM });
    },
  },
  view: toEnrolmentView,
  viewQuery: enrolmentViewQuery,
};

export async function enrolmentLifecycle(input: LifecycleInput<EnrolmentState>): Promise<EnrolmentView | null> {
  return runLifecycle(enrolments, input);
}
