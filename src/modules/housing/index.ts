import type { Router } from '#src/shared/http/route.ts';
import { mountHousingRoutes } from '#src/modules/housing/api/housing.route.ts';

/**
 * Social landlords' offer: profiles, contacts, the "bien vieillir" charter, programmes, buildings and
 * units with measured accessibility and the level derived from it.
 *
 * Contracts for other modules (all scoped to one workspace):
 * - `listMatchableUnits(db, workspaceId, { organizationIds?, programmeIds?, unitIds? })`: units available now
 *   or later (vacant, notice, to deliver, works) with the landlord, programme, commune (and commune associée),
 *   coordinates, measured accessibility of unit and building, `adaptableByWorks` and the derived level.
 * - `findUnitForActor(db, actor, unitId)`: one unit of any status, or null when missing or outside the actor's
 *   reach (landlord staff see their own organisation's units only) — answer 404 then.
 * - `unitSnapshot(db, workspaceId, unitId)`: a frozen JSON copy of the unit, to keep with a refusal.
 * - `setUnitStatus(tx, workspaceId, unitId, status, { actorUserId, requestId })`: in the caller's transaction,
 *   audited (e.g. `allocated` once an offer is accepted).
 * - `housingScopeOf(actor)`: which landlords' rows an actor reaches, for modules applying the same rule.
 */
export {
  listMatchableUnits,
  findUnitForActor,
  unitSnapshot,
  setUnitStatus,
  type MatchableUnitOptions,
} from '#src/modules/housing/service/unit-contracts.ts';
export type {
  MatchableUnit,
  UnitSnapshot,
  BuildingAccess,
  UnitInterior,
  AdaptableByWorks,
} from '#src/modules/housing/domain/matchable-unit.ts';
export {
  deriveAccessLevel,
  accessLevels,
  WHEELCHAIR_DOOR_CLEAR_WIDTH_CM,
  type AccessLevel,
  type AccessFlag,
  type AccessDerivation,
} from '#src/modules/housing/domain/access-level.ts';
export { housingScopeOf, type HousingScope } from '#src/modules/housing/domain/scope.ts';
export {
  programmeKinds,
  unitStatuses,
  matchableStatuses,
  adaptationWorks,
  type AdaptationWork,
  typologies,
  financings,
  showerTypes,
  energyClasses,
  programmeServices,
  type ProgrammeService,
  type ProgrammeKind,
  type UnitStatus,
  type Typology,
  type Financing,
  type ShowerType,
  type EnergyClass,
} from '#src/modules/housing/domain/supply.ts';

export function createHousingRoutes(router: Router) {
  mountHousingRoutes(router);
}
