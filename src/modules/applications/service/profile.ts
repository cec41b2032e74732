import type { MatchableUnit } from '#src/modules/housing/index.ts';
import type { ResidenceAdmission } from '#src/modules/residences/index.ts';
import type { GirRange } from '#src/modules/applications/domain/eligibility.ts';
import {
  committedWorkKinds,
  type CommittedWork,
  type MatchProfile,
  type MatchUnit,
  type PointOfInterest,
} from '#src/modules/applications/domain/matching.ts';
import type { FloorPreference, PoiKind, WalkingAid } from '#src/modules/applications/domain/vocabulary.ts';
import type { ApplicationRow, PoiRow } from '#src/modules/applications/repo/applications.repo.ts';

/**
 * The matching's view of an application; `currentCommunes` = where the person lives now (commune, then
 * associée); `gir` = the GIR on the person's file when the caller may read it (else unknown).
 */
export function profileOf(row: ApplicationRow, currentCommunes: string[], gir: number | null = null): MatchProfile {
  return {
    maxStepsClimbable: row.maxStepsClimbable,
    walkingAid: row.walkingAid as WalkingAid | null,
    needsStepFreeShower: row.needsStepFreeShower,
    needsLift: row.needsLift,
    secondBedroomRequired: row.secondBedroomRequired,
    wishedTypologies: row.wishedTypologies,
    maxBudgetEur: row.maxBudgetEur,
    wishedCommunes: row.wishedCommunes,
    communesStrict: row.communesStrict,
    currentCommunes,
    familyCoordinates:
      row.familyLatitude !== null && row.familyLongitude !== null
        ? { lat: row.familyLatitude, lon: row.familyLongitude }
        : null,
    floorPreference: row.floorPreference as FloorPreference | null,
    householdSize: row.householdSize,
    referenceIncomeEur: row.referenceIncomeEur,
    referenceIncomeYear: row.referenceIncomeYear,
    gir,
    wishedServices: row.wishedServices,
    weights: row.weights,
  };
}

const isCommittedWork = (w: string): w is CommittedWork => (committedWorkKinds as readonly string[]).includes(w);
const minOf = (...values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.min(...known) : null;
};

/**
 * The matching's view of a housing unit: building path + unit interior, works only when the landlord committed;
 * `residenceRanges` = the GIR ranges the residences module holds, by programme (see `residenceRangesByProgramme`).
 */
export function matchUnitOf(u: MatchableUnit, residenceRanges: ReadonlyMap<string, GirRange> = new Map()): MatchUnit {
  const building = u.building;
  // Half-level landings are a classic trap: the lift stops between floors, those steps remain.
  const halfLevel = u.floor > 0 && u.liftToLanding ? (building.liftHalfLevelSteps ?? 0) : 0;
  const entrance =
    building.stepsStreetToLobby === null
      ? null
      : building.stepsStreetToLobby + (u.interior.internalSteps ?? 0) + halfLevel;
  return {
    id: u.id,
    communeInsee: u.communeInsee,
    historicCommuneInsee: u.historicCommuneInsee,
    coordinates: u.latitude !== null && u.longitude !== null ? { lat: u.latitude, lon: u.longitude } : null,
    floor: u.floor,
    entranceSteps: entrance,
    liftToLanding: u.liftToLanding,
    // Without the narrowest interior door the width cannot be told, whatever the entrance measures.
    doorClearWidthCm:
      u.interior.doorClearWidthMinCm === null
        ? null
        : minOf(building.entranceDoorClearWidthCm, u.interior.entranceDoorClearWidthCm, u.interior.doorClearWidthMinCm),
    shower: u.interior.showerType,
    bedrooms: u.bedrooms,
    typology: u.typology,
    rentEur: u.rentEur,
    chargesEur: u.chargesEur,
    outdoorSpace: u.interior.balconyOrGarden,
    services: u.programme.services,
    financing: u.financing,
    programmeKind: u.programme.kind,
    admissionGir: residenceRanges.get(u.programme.id) ?? null,
    dpeClass: u.energyClass,
    committedWorks: u.adaptableByWorks.landlordCommitment ? u.adaptableByWorks.works.filter(isCommittedWork) : [],
  };
}

const sameName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^\p{Letter}\p{Number}]/gu, '')
    .toLowerCase();

/**
 * A résidence autonomie programme of the housing supply takes the admission range of the residence of the
 * same name in the same commune, when the residences module holds one: housing programmes carry no FINESS
 * to link them by.
 */
export function residenceRangesByProgramme(
  units: readonly MatchableUnit[],
  residences: readonly ResidenceAdmission[],
): Map<string, GirRange> {
  const byKey = new Map(residences.map((r) => [`${r.communeInsee}:${sameName(r.name)}`, r]));
  const ranges = new Map<string, GirRange>();
  for (const u of units) {
    if (u.programme.kind !== 'residence_autonomie' || ranges.has(u.programme.id)) continue;
    const residence = byKey.get(`${u.communeInsee}:${sameName(u.programme.name)}`);
    if (residence) ranges.set(u.programme.id, { min: residence.girMin, max: residence.girMax });
  }
  return ranges;
}

export const poiOf = (p: PoiRow): PointOfInterest => ({
  kind: p.kind as PoiKind,
  name: p.name,
  coordinates: { lat: p.latitude, lon: p.longitude },
  accessible: p.accessible,
});
