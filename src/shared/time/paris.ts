/**
 * The teams' clock: calendar days and wall-clock times are those of Europe/Paris, whatever the
 * server's time zone. "From 2026-01-15" starts at midnight in Paris (23:00 UTC the day before in
 * winter), and a reminder "at 08:00" is 08:00 in Paris, summer or winter.
 */

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date) {
  const parts = Object.fromEntries(parisParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Paris wall-clock minus UTC at this instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: Date): number {
  const wholeSecond = Math.floor(instant.getTime() / 1000) * 1000;
  const p = partsOf(new Date(wholeSecond));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-01-15 00:30:00" in Paris time: a format French spreadsheets read as a date and time. */
export function formatParisDateTime(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The Paris calendar day (YYYY-MM-DD) of an instant. */
export const parisDay = (instant: Date): string => formatParisDateTime(instant).slice(0, 10);

/** The instant of a Paris wall-clock time on a day ('2026-12-03', '14:00'). */
export function parisInstant(day: string, time: string): Date {
  const naive = new Date(`${day}T${time}:00.000Z`);
  // The offset at the first guess is right except within the hour of a clock change; a second pass settles it.
  const guess = new Date(naive.getTime() - parisOffsetMs(naive));
  return new Date(naive.getTime() - parisOffsetMs(guess));
}

/**
 * The instant a Paris calendar day begins. Paris changes its clocks at 01:00 UTC, after its own
 * midnight, so the offset in force at 00:00 UTC that day is the one of its midnight.
 */
export function parisMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00.000Z`);
  return new Date(utcMidnight.getTime() - parisOffsetMs(utcMidnight));
}

/** A calendar day (YYYY-MM-DD) written the French way, DD/MM/YYYY. */
export const frenchDay = (day: string) => day.split('-').reverse().join('/');

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Both days inclusive: [from at 00:00 Paris, the day after `to` at 00:00 Paris). */
export function parisDayRange(from?: string, to?: string): { fromInstant?: string; untilInstant?: string } {
  return {
    ...(from ? { fromInstant: parisMidnight(from).toISOString() } : {}),
    ...(to ? { untilInstant: parisMidnight(nextDay(to)).toISOString() } : {}),
  };
}
