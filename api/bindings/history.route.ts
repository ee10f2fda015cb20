/**
 * GET /bindings/{personId}/history — a person's unit bindings over time (their `binding-<personId>` stream): for the
 * person, admin and auditors whole; for a unit, only the requests made to it — and only while the person is its
 * member or asks to be.
 */
import type { ServerRoute } from '@hapi/hapi';
import { BINDING_EVENT_TYPES, bindingStream } from '../../events/binding.js';
import type { RecordedEvent } from '../../events/store/event-store.js';
import { timelineOf, timelineSchema } from '../audit/timeline.js';
import { NotFoundError } from '../errors.js';
import { Joi } from '../joi.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { loadBinding } from '../persons/person-repository.js';

export const bindingHistoryRoute: ServerRoute<{ Params: { personId: string } }> = {
  method: 'GET',
  path: '/bindings/{personId}/history',
  options: {
    description: 'A person’s unit bindings over time, with the chain checked',
    notes: 'A unit sees only the requests made to it, while the person is its member or asks to be one.',
    tags: ['api', 'bindings'],
    auth: { access: { scope: ['person', 'unit', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true, labels: { personId: { zh: '人员', en: 'Person' } } } },
    validate: { params: Joi.object({ personId: Joi.string().guid().required() }) },
    response: { schema: timelineSchema },
    handler: async (request) => {
      const { role, subjectId, orgId } = request.auth.credentials;
      const { personId } = request.params;
      const { store } = request.server.app.deps;
      if (role === 'person' && personId !== subjectId) throw new NotFoundError();
      const events = await store.readStream(bindingStream(personId));
      if (events.length === 0) throw new NotFoundError();
      if (role !== 'unit') return timelineOf(request, events);
      await requireApprovedOrg(request);
      const binding = await loadBinding(store, personId);
      if (binding.current?.unit.unitId !== orgId && binding.pending?.unit.unitId !== orgId) throw new NotFoundError();
      // The unit's own requests: the bindings that named it, and the reviews about them.
      const mine = new Set(
        events
          .filter((e) => e.type === 'BindingRequested' && (e.data as { unit: { unitId: string } }).unit.unitId === orgId)
          .map((e) => (e.data as { bindingId: string }).bindingId),
      );
      // Reviews assigned to this unit (a binding task's subject is the person).
      const tasks = new Set(
        events
          .filter((e) => e.type === 'ReviewRequested' && (e.data as { assignee: { orgId?: string } }).assignee.orgId === orgId)
          .map((e) => (e.data as { taskId: string }).taskId),
      );
      const about = (event: RecordedEvent) => {
        const data = event.data as { bindingId?: string; taskId?: string };
        return (BINDING_EVENT_TYPES as string[]).includes(event.type) ? mine.has(data.bindingId ?? '') : tasks.has(data.taskId ?? '');
      };
      return timelineOf(request, events, about);
    },
  },
};
