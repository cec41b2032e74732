/**
 * The person's time to answer an offer. Sources give "at least 10 days" of reflection after the
 * notification, silence counting as a refusal in landlords' practice (reference/housing.md §3.3, tagged
 * [R]: reported, not read in the law). The figure is shown to users as the delay retained here, not as
 * the law; re-read it on Légifrance before relying on it.
 */
export const ANSWER_DELAY_DAYS = 10;

/** Days before the deadline when the referent is reminded. */
export const REMINDER_DAYS_BEFORE = 2;

const DAY_MS = 86_400_000;

/** Calendar-day arithmetic on ISO days (YYYY-MM-DD), independent of the server's time zone. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day an answer is on time: the notification day plus the delay (calendar days). */
export const answerDeadline = (notifiedOn: string) => addDays(notifiedOn, ANSWER_DELAY_DAYS);

/** An answer given on the deadline itself is on time; the day after is late. */
export const isLate = (answeredOn: string, deadline: string) => answeredOn > deadline;

/** The day the reminder is due for a deadline. */
export const reminderDay = (deadline: string) => addDays(deadline, -REMINDER_DAYS_BEFORE);
