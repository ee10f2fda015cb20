/** The feature plugins served under /api/v1 — one per area. Every entry point registers this same list. */
import type { Plugin } from '@hapi/hapi';

export const featurePlugins: Plugin<void>[] = [];
