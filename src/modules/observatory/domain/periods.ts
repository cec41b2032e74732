/**
 * The periods the indicators page offers. Dates are Paris calendar days (YYYY-MM-DD), both ends
 * included; presets start on the first of a month so monthly series have whole months.
 */
export const periodPresets = ['month', 'quarter', 'twelveMonths', 'year', 'lastYear'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export type Period = { from: string; to: string };

/** Long periods are for yearly reports; beyond ten years a query would only be a mistake. */
export const MAX_PERIOD_DAYS = 3653;

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month: number) => {
  // month may be ≤ 0: go back across years.
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
};

/** The period a preset stands for on `today`. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'month':
      return { from: firstOfMonth(year, month), to: today };
    case 'quarter':
      return { from: firstOfMonth(year, month - 2), to: today };
    case 'twelveMonths':
      return { from: firstOfMonth(year, month - 11), to: today };
    case 'year':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Days in a period, both ends counted. */
export const periodDays = (period: Period) => dayNumber(period.to) - dayNumber(period.from) + 1;

/** Every month the period touches, as YYYY-MM, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const current = `${year}-${pad(month)}`;
    months.push(current);
    if (current >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
