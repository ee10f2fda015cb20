/** The requirements lifecycle (`requirements-<year>`) on the kit's host: a decider small enough to sit beside its configuration. */
import { type RequirementsEvent, defaultRequirements } from '../../events/requirements.js';
import type { Decider } from '../kit/decider.js';
import { notFound } from '../kit/domain-errors.js';
import { runLifecycle } from '../kit/host.js';
import { type Lifecycle, type ReviewDecided, binder } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { REQUIREMENTS_KIND, type RequirementsChange, type RequirementsView, setRequirementsUpdate } from './messages.js';

interface State {
  year: number;
  halfHours: RequirementsView['halfHours'];
  setAt: string | null;
}

type Command = { type: 'set'; change: RequirementsChange };

export const requirementsDecider: Decider<Command | ReviewDecided, RequirementsEvent, State> = {
  initialState: (id) => ({ year: Number(id), halfHours: defaultRequirements(Number(id)), setAt: null }),
  evolve: (state, event) => ({ ...state, halfHours: event.data.halfHours, setAt: event.data.setAt }),
  decide(command, state, { now }) {
    if (command.type === 'reviewDecided') throw notFound();
    const { halfHours, actor } = command.change;
    const same = state.setAt !== null && (Object.keys(halfHours) as Array<keyof typeof halfHours>).every((k) => halfHours[k] === state.halfHours[k]);
    return same ? [] : [{ type: 'RequirementsSet', data: { year: state.year, halfHours, setBy: actor.id, setAt: now } }];
  },
};

const view = (state: State, position: string): RequirementsView => ({ year: state.year, halfHours: state.halfHours, setAt: state.setAt, position });
const bind = binder<Command, RequirementsEvent, State>();

const requirements: Lifecycle<Command, RequirementsEvent, State, RequirementsView> = {
  kind: REQUIREMENTS_KIND,
  decider: requirementsDecider,
  commands: [bind(setRequirementsUpdate, { toCommand: (change) => ({ type: 'set', change }), result: ({ state, position }) => view(state, position) })],
  view,
};

export async function requirementsLifecycle(input: LifecycleInput<State>): Promise<RequirementsView | null> {
  return runLifecycle(requirements, input);
}
