/** The feature plugins served under /api/v1 — one per area. Every entry point registers this same list. */
import type { Plugin } from '@hapi/hapi';
import { accountsPlugin } from './accounts/plugin.js';
import { auditPlugin } from './audit/plugin.js';
import { bindingsPlugin } from './bindings/plugin.js';
import { certificatesPlugin } from './certificates/plugin.js';
import { classesPlugin } from './classes/plugin.js';
import { creditsPlugin } from './credits/plugin.js';
import { dishonestyPlugin } from './dishonesty/plugin.js';
import { legacyPlugin } from './legacy/plugin.js';
import { orgsPlugin } from './orgs/plugin.js';
import { personsPlugin } from './persons/plugin.js';
import { requirementsPlugin } from './requirements/plugin.js';
import { sealsPlugin } from './seals/plugin.js';
import { statisticsPlugin } from './statistics/plugin.js';
import { tasksPlugin } from './tasks/plugin.js';

export const featurePlugins: Plugin<void>[] = [
  accountsPlugin, orgsPlugin, tasksPlugin, personsPlugin, bindingsPlugin, creditsPlugin, requirementsPlugin, classesPlugin, dishonestyPlugin,
  certificatesPlugin, statisticsPlugin, legacyPlugin, auditPlugin,
  sealsPlugin,
];
