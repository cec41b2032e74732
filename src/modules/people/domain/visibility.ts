import type { Actor } from '#src/shared/auth/actor.ts';

/**
 * Who may open a person's file, beyond holding `person.read`: members of the owning organisation
 * with an organisation-wide role (`person.read_all`), and active case-team members.
 */
export type PersonScope = { workspaceId: string; userId: string; organizationWideIds: string[] };

export function personScopeOf(actor: Actor): PersonScope {
  return {
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    organizationWideIds: actor.permissions.has('person.read_all') ? actor.memberships.map((m) => m.organizationId) : [],
  };
}

/** Age in whole years on a calendar day (YYYY-MM-DD, the teams' day in Paris, not the server's). */
export function ageOn(birthDate: string, today: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
