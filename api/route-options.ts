/**
 * Our per-route options, under `options.plugins.jxjy` (hapi's place for plugin-specific route settings):
 *
 *   plugins: { jxjy: { allowRestricted: true } }   // reachable with a must-change-password token (auth.ts)
 *   plugins: { jxjy: { documented: false } }        // left out of /openapi.json (openapi.ts)
 *   plugins: { jxjy: { successStatus: 201 } }       // the success status shown in /openapi.json
 *   plugins: { jxjy: { labels: { name: {zh: '单位名称', en: 'Name of the organisation'} } } }
 *                                                   // how validation messages name a field here (field-labels.ts)
 *   plugins: { jxjy: { audited: true } }            // an auditor's read, kept in the access log (audit/access-log.ts)
 *   plugins: { jxjy: { statuses: [429] } }          // statuses beyond those every route of its kind may answer (openapi.ts)
 *   plugins: { jxjy: { idempotent: { varies: ['captchaId'] } } }
 *                                                   // takes an Idempotency-Key; `varies`: what a retry may change (idempotency.ts)
 */
import type { Localized } from '../events/vocabulary/index.js';
import type { IdempotentRouteOptions } from './idempotency.js';

export interface JxjyRouteOptions {
  allowRestricted?: boolean;
  documented?: boolean;
  successStatus?: number;
  labels?: Readonly<Record<string, Localized>>;
  audited?: boolean;
  statuses?: number[];
  idempotent?: IdempotentRouteOptions;
}

declare module '@hapi/hapi' {
  interface PluginSpecificConfiguration {
    jxjy?: JxjyRouteOptions;
  }
}
