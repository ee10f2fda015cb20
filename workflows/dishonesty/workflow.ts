/** The dishonesty lifecycle (`dishonesty-<recordId>`) on the kit's host: a decider small enough to sit beside its configuration. */
import type { DishonestyEvent } from '../../events/dishonesty.js';
import type { Decider } from '../kit/decider.js';
import { invalidInput, invalidTransition, notFound } from '../kit/domain-errors.js';
import { runLifecycle } from '../kit/host.js';
import { type Lifecycle, type ReviewDecided, binder } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { DISHONESTY_KIND, type DishonestyRecording, type DishonestyRevocation, type DishonestyView, recordDishonestyUpdate, revokeDishonestyUpdate } from './messages.js';

type State = Omit<DishonestyView, 'position'>;
type Command = { type: 'record'; recording: DishonestyRecording } | { type: 'revoke'; revocation: DishonestyRevocation };

export const dishonestyDecider: Decider<Command | ReviewDecided, DishonestyEvent, State> = {
  initialState: (recordId) => ({ recordId, details: null, person: null, recordedAt: null, revokedAt: null, revokeReason: null }),
  evolve(state, event) {
    if (event.type === 'DishonestyRecorded') {
      const { recordId: _id, recordedBy: _by, recordedAt, person, ...details } = event.data;
      return { ...state, details, person, recordedAt };
    }
    return { ...state, revokedAt: event.data.revokedAt, revokeReason: event.data.reason };
  },
  decide(command, state, { now }) {
    switch (command.type) {
      case 'record': {
        if (state.details) throw invalidTransition({ zh: '该失信记录已存在', en: 'this record already exists' });
        const { details, person, actor } = command.recording;
        if (details.endDate && details.endDate < details.startDate) throw invalidInput('endDate', { zh: '结束日期不能早于开始日期', en: 'the end date cannot be before the start date' });
        return [{ type: 'DishonestyRecorded', data: { ...details, recordId: state.recordId, person, recordedBy: actor.id, recordedAt: now } }];
      }
      case 'revoke':
        if (!state.details) throw notFound({ zh: '失信记录不存在', en: 'no such record' });
        if (state.revokedAt) throw invalidTransition({ zh: '该失信记录已撤销', en: 'this record is already revoked' });
        return [{ type: 'DishonestyRevoked', data: { recordId: state.recordId, reason: command.revocation.reason, revokedBy: command.revocation.actor.id, revokedAt: now } }];
      default:
        throw notFound();
    }
  },
};

const view = (state: State, position: string): DishonestyView => ({ ...state, position });
const bind = binder<Command, DishonestyEvent, State>();

const dishonesty: Lifecycle<Command, DishonestyEvent, State, DishonestyView> = {
  kind: DISHONESTY_KIND,
  decider: dishonestyDecider,
  commands: [
    bind(recordDishonestyUpdate, { toCommand: (recording) => ({ type: 'record', recording }), result: ({ state, position }) => view(state, position) }),
    bind(revokeDishonestyUpdate, { toCommand: (revocation) => ({ type: 'revoke', revocation }), result: ({ state, position }) => view(state, position) }),
  ],
  view,
};

export async function dishonestyLifecycle(input: LifecycleInput<State>): Promise<DishonestyView | null> {
  return runLifecycle(dishonesty, input);
}
