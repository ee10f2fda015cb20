/** The unit-binding lifecycle (`binding-<personId>`) on the kit's host: configuration only. */
import type { BindingEvent, BindingState } from '../../events/binding.js';
import { runLifecycle } from '../kit/host.js';
import { binder, type Lifecycle } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { type BindingCommand, bindingDecider, bindingReviews, toBindingView } from './decider.js';
import { BINDING_KIND, type BindingView, bindingViewQuery, cancelBindingUpdate, requestBindingUpdate } from './messages.js';

const bind = binder<BindingCommand, BindingEvent, BindingState>();
const result = ({ state, position, reviews }: { state: BindingState; position: string; reviews: Parameters<typeof toBindingView>[2] }) =>
  toBindingView(state, position, reviews);

const bindings: Lifecycle<BindingCommand, BindingEvent, BindingState, BindingView> = {
  kind: BINDING_KIND,
  decider: bindingDecider,
  commands: [
    bind(requestBindingUpdate, { toCommand: (request) => ({ type: 'request', request }), result }),
    bind(cancelBindingUpdate, { toCommand: (cancellation) => ({ type: 'cancel', cancellation }), result }),
  ],
  reviews: bindingReviews,
  view: toBindingView,
  viewQuery: bindingViewQuery,
};

export async function bindingLifecycle(input: LifecycleInput<BindingState>): Promise<BindingView | null> {
  return runLifecycle(bindings, input);
}
