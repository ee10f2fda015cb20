/**
 * Every workflow the worker runs: the entry point of the workflow bundle (`npm run build:workflows`). A lifecycle
 * adds its `export * from './<area>/workflow.js';` line here. Only sandbox-pure modules may be reachable from this
 * file — the bundler would refuse Node built-ins and the replay would not be deterministic.
 */
export * from './accounts/workflow.js';
export * from './bindings/workflow.js';
export * from './certificates/workflow.js';
export * from './classes/workflow.js';
export * from './credits/workflow.js';
export * from './dishonesty/workflow.js';
export * from './enrolments/workflow.js';
export * from './legacy/workflow.js';
export * from './org/workflow.js';
export * from './persons/workflow.js';
export * from './replays/workflow.js';
export * from './requirements/workflow.js';
export * from './seals/workflow.js';
export * from './statistics/workflow.js';
