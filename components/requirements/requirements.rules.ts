// A category's required hours as the API takes them (PUT /requirements/{year}: a number ≥ 0, in steps of 0.5, at
// most 500), judged in the browser before a round trip; the server judges them again.
export const MAX_HOURS = 500;
const NUMBER = /^\d+(\.\d+)?$/;

export type HoursProblem = 'hoursNumber' | 'hoursStep' | 'hoursMax';

/** The problem of a typed value ('' is none here: "required" is the form's business). */
export function hoursProblem(value: string): HoursProblem | undefined {
  if (!value) return undefined;
  if (!NUMBER.test(value)) return 'hoursNumber';
  const hours = Number(value);
  if (!Number.isInteger(hours * 2)) return 'hoursStep';
  return hours > MAX_HOURS ? 'hoursMax' : undefined;
}

/** The sum of three typed values, or undefined while any of them is not a valid number of hours. */
export function totalOf(values: readonly string[]): number | undefined {
  if (values.some((v) => !v || hoursProblem(v))) return undefined;
  // Half-hours are integers: summing them never drifts the way 0.1 + 0.2 does.
  return values.reduce((sum, v) => sum + Math.round(Number(v) * 2), 0) / 2;
}
