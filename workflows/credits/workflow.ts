/** The credit-record lifecycle (`credit-<recordId>`) on the kit's host: configuration only. */
import type { CreditEvent, CreditRecordState } from '../../events/credit.js';
import { runLifecycle } from '../kit/host.js';
import { binder, type Lifecycle } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { type CreditCommand, creditDecider, creditReviews, toCreditView } from './decider.js';
import {
  CREDIT_KIND, type CreditView, attachUpdate, createCreditUpdate, creditViewQuery, detachUpdate, editCreditUpdate, revokeCreditUpdate,
  submitCreditUpdate, withdrawCreditUpdate,
} from './messages.js';

const bind = binder<CreditCommand, CreditEvent, CreditRecordState>();
const result = ({ state, position, reviews }: { state: CreditRecordState; position: string; reviews: Parameters<typeof toCreditView>[2] }) =>
  toCreditView(state, position, reviews);

const credits: Lifecycle<CreditCommand, CreditEvent, CreditRecordState, CreditView> = {
  kind: CREDIT_KIND,
  decider: creditDecider,
  commands: [
    bind(createCreditUpdate, { toCommand: (creation) => ({ type: 'create', creation }), result }),
    bind(editCreditUpdate, { toCommand: (edit) => ({ type: 'edit', edit }), result }),
    bind(attachUpdate, { toCommand: (addition) => ({ type: 'attach', addition }), result }),
    bind(detachUpdate, { toCommand: (removal) => ({ type: 'detach', removal }), result }),
    bind(submitCreditUpdate, { toCommand: (submission) => ({ type: 'submit', submission }), result }),
    bind(withdrawCreditUpdate, { toCommand: () => ({ type: 'withdraw' }), result }),
    bind(revokeCreditUpdate, { toCommand: (revocation) => ({ type: 'revoke', revocation }), result }),
  ],
  reviews: creditReviews,
  view: toCreditView,
  viewQuery: creditViewQuery,
};

export async function creditLifecycle(input: LifecycleInput<CreditRecordState>): Promise<CreditView | null> {
  return runLifecycle(credits, input);
}
