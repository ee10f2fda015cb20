/**
 * The errors deciders throw (pure: no Temporal). The lifecycle host turns them into the typed ApplicationFailures
 * the API maps to HTTP — InvalidTransition → 409, InvalidInput → 422, NotFound → 404, Forbidden → 403,
 * Conflict → 409 — so a decider states the rule and the person-facing text, nothing about transport.
 */
import type { Localized, LocalizedFieldError } from '../../events/vocabulary/index.js';

export type DomainErrorKind = 'InvalidTransition' | 'InvalidInput' | 'NotFound' | 'Forbidden' | 'Conflict';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    readonly text: Localized,
    readonly fields: LocalizedFieldError[] = [],
  ) {
    super(text.en);
  }
}

/** The command does not fit the current state (e.g. approving a decided task, editing a submitted record). */
export const invalidTransition = (text: Localized) => new DomainError('InvalidTransition', text);

/** A well-formed value a rule refuses; names the field so a form can mark it. */
export const invalidInput = (field: string, text: Localized) => new DomainError('InvalidInput', text, [{ field, message: text }]);

/** Absent, or not visible to the caller: both are 404, so ids cannot be probed. */
export const notFound = (text: Localized = { zh: '不存在或无权查看', en: 'not found' }) => new DomainError('NotFound', text);

export const forbidden = (text: Localized) => new DomainError('Forbidden', text);

/** A duplicate: the value belongs to someone else. */
export const conflict = (field: string, text: Localized) => new DomainError('Conflict', text, [{ field, message: text }]);
