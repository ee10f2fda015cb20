// The years a credit screen offers in its year picker: newest first, from the first year declarable in this
// system (earlier years are the old system's history) to this year, plus a year outside that range when the screen
// already shows one (a record of an earlier year, a `year` attribute set by the portal).
export const FIRST_DECLARABLE_YEAR = 2019;

export function yearChoices(firstYear: number, thisYear: number, shown?: number): number[] {
  const last = Math.max(thisYear, shown ?? thisYear);
  const first = Math.min(firstYear, shown ?? firstYear);
  const years: number[] = [];
  for (let y = last; y >= first; y -= 1) years.push(y);
  return years;
}
