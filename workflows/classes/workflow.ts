/** The class lifecycle (`class-<classId>`) on the kit's host: configuration only. */
import type { ClassEvent, ClassState } from '../../events/class.js';
import { runLifecycle } from '../kit/host.js';
import { binder, type Lifecycle } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { type ClassCommand, classDecider, toClassView } from './decider.js';
import { completionEffects, seatReleaseEffects, seatRequestEffects } from './effects.js';
import {
  CLASS_KIND, type ClassView, classViewQuery, closeClassUpdate, completeClassUpdate, confirmSeatUpdate, createClassUpdate, openClassUpdate,
  releaseSeatUpdate, requestSeatUpdate,
} from './messages.js';

const bind = binder<ClassCommand, ClassEvent, ClassState>();
const result = ({ state, position }: { state: ClassState; position: string }) => toClassView(state, position);

const classes: Lifecycle<ClassCommand, ClassEvent, ClassState, ClassView> = {
  kind: CLASS_KIND,
  decider: classDecider,
  commands: [
    bind(createClassUpdate, { toCommand: (creation) => ({ type: 'create', creation }), result }),
    bind(openClassUpdate, { toCommand: ({ actor }) => ({ type: 'open', by: actor }), result }),
    bind(closeClassUpdate, { toCommand: ({ actor }) => ({ type: 'close', by: actor }), result }),
    bind(completeClassUpdate, { toCommand: (completion) => ({ type: 'complete', completion }), effects: completionEffects, result }),
    bind(requestSeatUpdate, { toCommand: (request) => ({ type: 'requestSeat', request }), effects: seatRequestEffects, result }),
    bind(releaseSeatUpdate, { toCommand: (change) => ({ type: 'releaseSeat', change }), effects: seatReleaseEffects, result }),
    bind(confirmSeatUpdate, { toCommand: (change) => ({ type: 'confirmSeat', change }), result }),
  ],
  view: toClassView,
  viewQuery: classViewQuery,
};

export async function classLifecycle(input: LifecycleInput<ClassState>): Promise<ClassView | null> {
  return runLifecycle(classes, input);
}
