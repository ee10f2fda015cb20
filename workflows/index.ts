/**
 * Every workflow the worker runs: the entry point of the workflow bundle (`npm run build:workflows`).
 * Features add `export * from './<area>/workflow.js';` lines here. Only sandbox-pure modules may be reachable
 * from this file — the bundler would refuse Node built-ins and the replay would not be deterministic.
 */
export * from './org/workflow.js';
