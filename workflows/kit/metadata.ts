/**
 * Event metadata (DESIGN.md §3) a lifecycle stamps on its events: who acted and the request it belongs to. Pure (no
 * Temporal imports), so the scale bench's generator stamps its events exactly as the workflow host does.
 */
import type { EventMetadata } from '../../events/store/event-store.js';

/** A command's events: who acted, and the request it belongs to. */
export const commandMetadata = (actor: { id: string; role: string; orgId?: string }, correlationId?: string): EventMetadata => ({
  actor: { id: actor.id, role: actor.role, ...(actor.orgId ? { orgId: actor.orgId } : {}) },
  ...(correlationId ? { correlationId } : {}),
  schemaVersion: 1,
});

/** Reminders and escalations: the clock acted, not a person. */
export const SYSTEM_METADATA: EventMetadata = { actor: { id: 'system', role: 'system' }, schemaVersion: 1 };
