/** Case review rules: pure, shared by server and forms. */

/**
 * A decision becomes a task only with both an assignee and a due date; one without the other is
 * an incomplete request, not a plain decision.
 */
export function taskRequest(input: {
  assigneeUserId: string | null;
  dueDate: string | null;
}): 'none' | 'task' | 'incomplete' {
  if (!input.assigneeUserId && !input.dueDate) return 'none';
  return input.assigneeUserId && input.dueDate ? 'task' : 'incomplete';
}

/** The organiser always attends; a participant listed twice attends once. */
export const participantsOf = (organizerUserId: string, invited: readonly string[]): string[] => [
  ...new Set([organizerUserId, ...invited]),
];

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes Paris is ahead of UTC at this instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(parisParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
  return Math.round((wall - instant.getTime()) / 60_000);
}

/** The instant of a Paris wall-clock date and time ('2026-12-03', '14:00'). */
export function parisInstant(date: string, time: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`);
  const first = new Date(asUtc.getTime() - parisOffsetMinutes(asUtc) * 60_000);
  // Near a daylight-saving change the offset at the guessed instant can differ: correct once.
  return new Date(asUtc.getTime() - parisOffsetMinutes(first) * 60_000);
}
