import type { AccessFlag, AccessLevel } from '#src/modules/housing/domain/access-level.ts';
import type {
  CheckMethod,
  EnergyClass,
  Financing,
  ProgrammeKind,
  ProgrammeService,
  ShowerType,
  ShutterKind,
  Typology,
  UnitStatus,
} from '#src/modules/housing/domain/supply.ts';

/** The accessibility of the path, measured on the unit's building (null = not measured). */
export type BuildingAccess = {
  id: string;
  entranceLabel: string;
  floorsAboveGround: number | null;
  stepsStreetToLobby: number | null;
  rampPresent: boolean | null;
  entranceHandrail: boolean | null;
  entranceDoorAutomatic: boolean | null;
  entranceDoorClearWidthCm: number | null;
  liftCount: number | null;
  liftServesAllLandings: boolean | null;
  liftHalfLevelSteps: number | null;
  lastCheckOn: string | null;
  lastCheckMethod: CheckMethod | null;
};

/** The measured interior of a unit (null = not measured). */
export type UnitInterior = {
  liftServesLanding: boolean | null;
  entranceDoorClearWidthCm: number | null;
  doorClearWidthMinCm: number | null;
  internalSteps: number | null;
  thresholdsMaxCm: number | null;
  showerType: ShowerType | null;
  showerStepCm: number | null;
  turningCircle150: boolean | null;
  grabBars: boolean | null;
  showerSeat: boolean | null;
  wcRaised: boolean | null;
  wcLateralSpace: boolean | null;
  wcGrabBar: boolean | null;
  wcSeparate: boolean | null;
  kitchenPassage150: boolean | null;
  bedroomPassage90: boolean | null;
  shutters: ShutterKind | null;
  videophone: boolean | null;
  lightPath: boolean | null;
  visualDoorbell: boolean | null;
  visualContrasts: boolean | null;
  simpleSignage: boolean | null;
  balconyOrGarden: boolean | null;
  measuredOn: string | null;
  measurementMethod: CheckMethod | null;
};

export type AdaptableByWorks = { feasible: boolean | null; works: string[]; landlordCommitment: boolean | null };

/**
 * A unit available now or later (vacant, under notice, to deliver, in works), as matching reads it.
 * `stepsToDoor` and `liftToLanding` are computed from the measurements (null = cannot be told).
 */
export type MatchableUnit = {
  id: string;
  landlordUnitRef: string;
  landlord: { organizationId: string; name: string };
  /** `services`: the programme's services (common room, host…), empty when it offers none. */
  programme: { id: string; name: string; kind: ProgrammeKind; services: ProgrammeService[] };
  communeInsee: string;
  historicCommuneInsee: string | null;
  latitude: number | null;
  longitude: number | null;
  floor: number;
  individualHouse: boolean;
  typology: Typology;
  bedrooms: number;
  surfaceM2: number | null;
  rentEur: number | null;
  chargesEur: number | null;
  energyClass: EnergyClass | null;
  financing: Financing;
  status: UnitStatus;
  availableFrom: string | null;
  building: BuildingAccess;
  interior: UnitInterior;
  stepsToDoor: number | null;
  liftToLanding: boolean | null;
  adaptableByWorks: AdaptableByWorks;
  accessLevel: AccessLevel;
  accessFlags: AccessFlag[];
};

/** The frozen copy of a unit kept with a refusal: what was offered, as it was on that day. */
export type UnitSnapshot = MatchableUnit & { programmeAddress: string | null; snapshotAt: string };
