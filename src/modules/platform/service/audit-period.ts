/**
 * Calendar days of the audit filters and dates of the export are those of Europe/Paris, the
 * users' clock: "from 2026-01-15" starts at midnight in Paris (23:00 UTC the day before in winter),
 * not at midnight UTC.
 */

const PARIS = 'Europe/Paris';

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
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

/**
 * The instant a Paris calendar day (YYYY-MM-DD) begins. Paris changes its clocks at 01:00 UTC,
 * after its own midnight, so the offset in force at 00:00 UTC that day is the one of its midnight.
 */
export function parisMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00.000Z`);
  return new Date(utcMidnight.getTime() - parisOffsetMs(utcMidnight));
}

const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Both days inclusive: [from at 00:00 Paris, the day after `to` at 00:00 Paris). */
export function parisDayRange(from?: string, to?: string): { fromInstant?: string; untilInstant?: string } {
  return {
    ...(from ? { fromInstant: parisMidnight(from).toISOString() } : {}),
    ...(to ? { untilInstant: parisMidnight(nextDay(to)).toISOString() } : {}),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-01-15 00:30:00" in Paris time: a format French spreadsheets read as a date and time. */
export function formatParisDateTime(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

export function parisDay(instant: Date): string {
  return formatParisDateTime(instant).slice(0, 10);
}
