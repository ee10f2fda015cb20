/**
 * What a class changes outside its stream (sandbox code): it opens the person's enrolment with the seat it decided
 * (before recording the seat, so a recorded seat always has its enrolment), promotes the first in line when a seat
 * comes free, and tells every enrollee how the class ended. All through the enrolment lifecycle, idempotently.
 */
import type { ClassState } from '../../events/class.js';
import { commandLifecycle } from '../kit/commands.js';
import type { Effects } from '../kit/lifecycle.js';
import { classCompletedUpdate, enrolmentWorkflowId, openEnrolmentUpdate, promoteEnrolmentUpdate } from '../enrolments/messages.js';
import type { ClassCommand } from './decider.js';

type ClassEffects = Effects<ClassCommand, unknown, ClassState>;
const SYSTEM = { id: 'system', role: 'system' };

export const seatRequestEffects: ClassEffects = {
  async before({ command, events, state }) {
    if (command.type !== 'requestSeat') return;
    const seat = events.find((e) => (e as { type: string }).type === 'SeatRequested') as { data: { seated: boolean } } | undefined;
    const details = state.details!;
    const { personId, enrolmentId, person, actor, correlationId } = command.request;
    await commandLifecycle(enrolmentWorkflowId(state.classId, personId), openEnrolmentUpdate.name, {
      enrolmentId,
      personName: person.name,
      idNumberMasked: person.idNumberMasked,
      class: {
        classId: state.classId, title: details.title, institutionId: state.institutionId!, institutionName: state.institutionName!,
        category: details.category, halfHours: details.halfHours, startDate: details.startDate, endDate: details.endDate,
      },
      status: seat?.data.seated ? 'pending' : 'waitlisted',
      actor,
      ...(correlationId ? { correlationId } : {}),
    });
  },
};

export const seatReleaseEffects: ClassEffects = {
  async after({ events, state }) {
    const granted = events.find((e) => (e as { type: string }).type === 'SeatGranted') as { data: { personId: string } } | undefined;
    if (granted) await commandLifecycle(enrolmentWorkflowId(state.classId, granted.data.personId), promoteEnrolmentUpdate.name, { actor: SYSTEM });
  },
};

export const completionEffects: ClassEffects = {
  async after({ command, state }) {
    if (command.type !== 'complete') return;
    const attended = new Set(command.completion.attendeePersonIds);
    const enrolled = [...Object.keys(state.seats), ...state.waitlist.map((w) => w.personId)];
    await Promise.all(
      enrolled.map((personId) =>
        commandLifecycle(enrolmentWorkflowId(state.classId, personId), classCompletedUpdate.name, { attended: attended.has(personId), actor: SYSTEM }),
      ),
    );
  },
};
