/** The organisation lifecycle (`org-<orgId>`) on the kit's host: configuration only. */
import type { OrgEvent } from '../../events/org.js';
import { runLifecycle } from '../kit/host.js';
import { binder, type Lifecycle } from '../kit/lifecycle.js';
import type { LifecycleInput } from '../kit/messages.js';
import { type OrgCommand, type OrgState, orgDecider, orgReviews, toOrgView } from './decider.js';
import { applicationEffects } from './effects.js';
import { ORG_KIND, type OrgView, applyUpdate, orgViewQuery } from './messages.js';

const bind = binder<OrgCommand, OrgEvent, OrgState>();

const orgs: Lifecycle<OrgCommand, OrgEvent, OrgState, OrgView | null> = {
  kind: ORG_KIND,
  decider: orgDecider,
  commands: [
    bind(applyUpdate, {
      toCommand: (application) => ({ type: 'apply', application }),
      effects: applicationEffects,
      result: ({ state, position, reviews }) => toOrgView(state, position, reviews)!,
    }),
  ],
  reviews: orgReviews,
  view: toOrgView,
  viewQuery: orgViewQuery,
};

export async function orgLifecycle(input: LifecycleInput<OrgState>): Promise<OrgView | null> {
  return (await runLifecycle(orgs, input)) ?? null;
}
