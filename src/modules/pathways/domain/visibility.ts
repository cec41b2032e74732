import type { Actor } from '#src/shared/auth/actor.ts';

/**
 * Who may open a pathway (docs/decisions/006, the person-file rule): its referent, the person's
 * active case team, or an organisation-wide role (`person.read_all`) in the owning organisation.
 */
export type PathwayScope = { workspaceId: string; userId: string; organizationWideIds: string[] };

export function pathwayScopeOf(actor: Actor): PathwayScope {
  return {
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    organizationWideIds: actor.permissions.has('person.read_all') ? actor.memberships.map((m) => m.organizationId) : [],
  };
}
