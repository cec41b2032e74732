import type { MatchableUnit } from '#src/modules/housing/index.ts';
import {
  committedWorkKinds,
  type CommittedWork,
  type MatchProfile,
  type MatchUnit,
  type PointOfInterest,
} from '#src/modules/applications/domain/matching.ts';
import type { FloorPreference, PoiKind, WalkingAid } from '#src/modules/applications/domain/vocabulary.ts';
import type { ApplicationRow, PoiRow } from '#src/modules/applications/repo/applications.repo.ts';

/** The matching's view of an application; `currentCommunes` = where the person lives now (commune, then associée). */
export function profileOf(row: ApplicationRow, currentCommunes: string[]): MatchProfile {
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
    weights: row.weights,
  };
}

const isCommittedWork = (w: string): w is CommittedWork => (committedWorkKinds as readonly string[]).includes(w);
const minOf = (...values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.min(...known) : null;
};

/** The matching's view of a housing unit: building path + unit interior, works only when the landlord committed. */
export function matchUnitOf(u: MatchableUnit): MatchUnit {
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
    services: null,
    dpeClass: u.energyClass,
    committedWorks: u.adaptableByWorks.landlordCommitment ? u.adaptableByWorks.works.filter(isCommittedWork) : [],
  };
}

export const poiOf = (p: PoiRow): PointOfInterest => ({
  kind: p.kind as PoiKind,
  name: p.name,
  coordinates: { lat: p.latitude, lon: p.longitude },
  accessible: p.accessible,
});
