/** An import as its own stream says now (fresher than the list's read model: progress shows chunk by chunk). */
import type { ReqRef, Request } from '@hapi/hapi';
import {
  LEGACY_IMPORT_EVENT_TYPES, type LegacyImportEvent, type LegacyImportState, evolveLegacyImport, initialLegacyImport, legacyImportStream,
} from '../../events/legacy.js';
import { NotFoundError } from '../errors.js';

export async function loadLegacyImport<R extends ReqRef>(request: Request<R>, importId: string): Promise<LegacyImportState> {
  const events = (await request.server.app.deps.store.readStream(legacyImportStream(importId))).filter((e) =>
    (LEGACY_IMPORT_EVENT_TYPES as string[]).includes(e.type),
  );
  const state = events.reduce((s, e) => evolveLegacyImport(s, { type: e.type, data: e.data } as LegacyImportEvent), initialLegacyImport(importId));
  if (state.status === 'none') throw new NotFoundError();
  return state;
}
