/**
 * The one vocabulary of jxjy: roles, task kinds, identifier checks, the password policy, text rules and the
 * localized-text type. Browser-safe and sandbox-safe (no imports with effects), so the API, the workflows and the
 * components all import these same rules and can never disagree.
 */
export * from './calendar.js';
export * from './identifiers.js';
export * from './localized.js';
export * from './password-policy.js';
export * from './roles.js';
export * from './task-kinds.js';
export * from './text.js';
