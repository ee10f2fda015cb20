/**
 * Hostile text (CONTRACT.md conventions): no string anywhere may carry NUL or other control characters (PostgreSQL
 * refuses NUL in JSON, terminals and logs misread the rest) or bidirectional embeddings, overrides and isolates (which
 * make a reason or a title read otherwise than it is stored — right-to-left scripts need none of them), and names — which others see in lists and on
 * certificates — may not carry bidirectional overrides or invisible characters that disguise what they say.
 */

// C0 controls except tab, line feed and carriage return (multi-line reasons keep their lines), DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidi embeddings, overrides and isolates; marks; zero-width characters; the BOM; the soft hyphen; the Hangul fillers,
// which render as nothing.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD\u115F\u1160\u3164\uFFA0]/;
// A name is one line: no tab, line or paragraph break of any kind.
const LINE_BREAK = /[\t\n\r\u2028\u2029\u0085]/;
// Bidi embeddings, overrides and isolates: refused in every text, not only names.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Lone surrogates cannot be stored as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The same rules as character classes for JSON Schema patterns (the OpenAPI document): what a text and a name may not hold. */
export const TEXT_FORBIDDEN = `${CONTROL.source.slice(1, -1)}${BIDI_CONTROL.source.slice(1, -1)}`;
export const NAME_FORBIDDEN = `${CONTROL.source.slice(1, -1)}${INVISIBLE.source.slice(1, -1)}${LINE_BREAK.source.slice(1, -1)}`;

export type TextProblem = 'control' | 'invisible' | 'encoding';

/** Any free text: refuses control characters, text-direction controls and broken encodings. */
export function textProblem(value: string): TextProblem | null {
  if (CONTROL.test(value)) return 'control';
  if (LONE_SURROGATE.test(value)) return 'encoding';
  if (BIDI_CONTROL.test(value)) return 'invisible';
  return null;
}

/** Names of people, organisations, classes: one line, and no bidi overrides or invisible characters. */
export function nameProblem(value: string): TextProblem | null {
  return textProblem(value) ?? (LINE_BREAK.test(value) ? 'control' : INVISIBLE.test(value) ? 'invisible' : null);
}

/** A person's or an organisation's name: 2–50 (people) or 2–100 (organisations) characters after trimming. */
export const PERSON_NAME = { min: 2, max: 50 } as const;
export const ORG_NAME = { min: 2, max: 100 } as const;
