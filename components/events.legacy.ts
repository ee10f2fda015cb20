// The events of <jxjy-legacy-import>, merged into JxjyEventDetailMap (events.ts) by declaration merging, so `emit()`
// and host listeners are typed the same way as every other event. Kept apart from events.ts while that file is being
// extended elsewhere; they belong there in the end.
import type { LegacyImportCounts, LegacyKind } from './api/legacy-types.js';

declare module './events.js' {
  interface JxjyEventDetailMap {
    /** Admin's file was accepted (导入历史数据); the import runs in the background. */
    'jxjy-legacy-import-started': { importId: string; kind: LegacyKind; dryRun: boolean };
    /** An import this element followed has finished: `completed` (see the counts) or `failed`. */
    'jxjy-legacy-import-finished': { importId: string; kind: LegacyKind; dryRun: boolean; status: 'completed' | 'failed'; rows: LegacyImportCounts };
  }
}
