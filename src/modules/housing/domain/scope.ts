import type { Actor } from '#src/shared/auth/actor.ts';

/**
 * Which landlords' rows an actor reaches. Landlord staff (role `landlord`) see and maintain their own
 * organisation's programmes, buildings and units only; every other holder of `housing.read` sees the
 * whole workspace. Rows outside the scope behave as missing (404).
 */
export type HousingScope = { workspaceId: string; allLandlords: boolean; organizationIds: string[] };

export function housingScopeOf(actor: Actor): HousingScope {
  const allLandlords = actor.memberships.some((m) => m.role !== 'landlord');
  return {
    workspaceId: actor.workspaceId,
    allLandlords,
    organizationIds: allLandlords
      ? []
      : actor.memberships.filter((m) => m.role === 'landlord').map((m) => m.organizationId),
  };
}

export function scopeIncludes(scope: HousingScope, organizationId: string): boolean {
  return scope.allLandlords || scope.organizationIds.includes(organizationId);
}
