/**
 * Unit binding events (`binding-<personId>`, DOMAIN.md Unit binding): a professional asks to be bound to their
 * employer unit, which confirms or rejects; the person may cancel while it is pending; a confirmed person may ask for
 * another unit (a job change), and the old binding ends when the new one is confirmed. One active binding per person.
 * Pure.
 */

export const bindingStream = (personId: string) => `binding-${personId}`;

export interface BindingUnit {
  unitId: string;
  name: string;
  regionCode: string;
}

export interface BindingRequested {
  type: 'BindingRequested';
  data: {
    personId: string;
    bindingId: string;
    unit: BindingUnit;
    /** The person as the unit sees them: name and masked ID number (DOMAIN.md: masked for everyone but owner and admin). */
    personName: string;
    idNumberMasked: string;
    /** The unit the person is bound to now, if this is a job change. */
    previousUnitId?: string;
    requestedAt: string;
  };
}

export interface BindingCancelled {
  type: 'BindingCancelled';
  data: { personId: string; bindingId: string; unitId: string; cancelledAt: string };
}

export interface BindingConfirmed {
  type: 'BindingConfirmed';
  data: { personId: string; bindingId: string; unit: BindingUnit; confirmedBy: string; confirmedAt: string };
}

export interface BindingRejected {
  type: 'BindingRejected';
  data: { personId: string; bindingId: string; unitId: string; reason: string; rejectedBy: string; rejectedAt: string };
}

/** A confirmed binding ends when the person's next unit confirms them (a job change). */
export interface BindingEnded {
  type: 'BindingEnded';
  data: { personId: string; bindingId: string; unitId: string; endedAt: string; reason: 'job-change' };
}

export type BindingEvent = BindingRequested | BindingCancelled | BindingConfirmed | BindingRejected | BindingEnded;
export const BINDING_EVENT_TYPES: BindingEvent['type'][] = ['BindingRequested', 'BindingCancelled', 'BindingConfirmed', 'BindingRejected', 'BindingEnded'];

/** A person's bindings as their stream says now: the confirmed unit, the pending request, the last rejection. */
export interface BindingState {
  personId: string;
  current: { bindingId: string; unit: BindingUnit; since: string } | null;
  pending: { bindingId: string; unit: BindingUnit; requestedAt: string; previousUnitId?: string } | null;
  lastRejection: { unit: BindingUnit; reason: string; rejectedAt: string } | null;
  /** The request whose outcome the person has not yet seen superseded (shown as the binding's latest status). */
  latest: { bindingId: string; unit: BindingUnit; status: 'pending' | 'confirmed' | 'rejected' | 'cancelled' | 'ended'; at: string; reason?: string } | null;
}

export const initialBindingState = (personId: string): BindingState => ({ personId, current: null, pending: null, lastRejection: null, latest: null });

export function evolveBinding(state: BindingState, event: BindingEvent): BindingState {
  switch (event.type) {
    case 'BindingRequested': {
      const { bindingId, unit, requestedAt, previousUnitId } = event.data;
      return {
        ...state,
        pending: { bindingId, unit, requestedAt, ...(previousUnitId ? { previousUnitId } : {}) },
        latest: { bindingId, unit, status: 'pending', at: requestedAt },
      };
    }
    case 'BindingCancelled': {
      const unit = state.pending?.unit;
      return { ...state, pending: null, latest: unit ? { bindingId: event.data.bindingId, unit, status: 'cancelled', at: event.data.cancelledAt } : state.latest };
    }
    case 'BindingConfirmed': {
      const { bindingId, unit, confirmedAt } = event.data;
      return { ...state, pending: null, current: { bindingId, unit, since: confirmedAt }, latest: { bindingId, unit, status: 'confirmed', at: confirmedAt } };
    }
    case 'BindingRejected': {
      const unit = state.pending?.unit ?? { unitId: event.data.unitId, name: '', regionCode: '' };
      const { bindingId, reason, rejectedAt } = event.data;
      return { ...state, pending: null, lastRejection: { unit, reason, rejectedAt }, latest: { bindingId, unit, status: 'rejected', at: rejectedAt, reason } };
    }
    case 'BindingEnded':
      // The job change's confirmation (in the same append) has already made the new unit current.
      return state.current?.bindingId === event.data.bindingId ? { ...state, current: null } : state;
    default: {
      const never: never = event;
      return never;
    }
  }
}
