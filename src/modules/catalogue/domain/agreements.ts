const DAY_MS = 86_400_000;

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * An agreement is to renew from `reminderDays` before its end until it ends: the page lists it, and the daily
 * job reminds the team once.
 */
export const isToRenew = (a: { endsOn: string; reminderDays: number }, today: string) => {
  const left = daysBetween(today, a.endsOn);
  return left >= 0 && left <= a.reminderDays;
};

export const frenchDate = (day: string) => day.split('-').reverse().join('/');
