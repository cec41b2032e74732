import type { ShowerType, ShutterKind } from '#src/modules/housing/domain/supply.ts';

/**
 * The accessibility level of a unit, DERIVED from measurements (reference/housing.md §5.4.1), never typed.
 * A level is granted only when every condition of it is measured and met; an unknown measurement that
 * stands between two levels keeps the lower one and is reported "à vérifier". When even the path to the
 * door is unknown, the level itself is `to_verify`.
 */
export const accessLevels = ['N0', 'N1', 'N2', 'N3', 'N4', 'to_verify'] as const;
export type AccessLevel = (typeof accessLevels)[number];
export const accessFlags = ['sensory', 'cognitive'] as const;
export type AccessFlag = (typeof accessFlags)[number];

/** Clear width from which a door lets a wheelchair through (usual figure, see the decision record). */
export const WHEELCHAIR_DOOR_CLEAR_WIDTH_CM = 77;
/** Most entrance steps that still allow level N1 (with a handrail). */
export const MAX_EASY_ENTRANCE_STEPS = 3;

export type BuildingMeasures = {
  stepsStreetToLobby: number | null;
  rampPresent: boolean | null;
  entranceHandrail: boolean | null;
  entranceDoorClearWidthCm: number | null;
  liftCount: number | null;
  liftServesAllLandings: boolean | null;
  liftHalfLevelSteps: number | null;
  floorsAboveGround: number | null;
};

export type UnitMeasures = {
  floor: number;
  individualHouse: boolean;
  liftServesLanding: boolean | null;
  stepFreeAccessDeclared: boolean | null;
  entranceDoorClearWidthCm: number | null;
  doorClearWidthMinCm: number | null;
  internalSteps: number | null;
  showerType: ShowerType | null;
  showerStepCm: number | null;
  turningCircle150: boolean | null;
  wcLateralSpace: boolean | null;
  shutters: ShutterKind | null;
  visualDoorbell: boolean | null;
  visualContrasts: boolean | null;
  simpleSignage: boolean | null;
  personalisedFittings: string | null;
};

export type CheckCode =
  | 'lift_to_landing'
  | 'entrance_steps'
  | 'entrance_handrail'
  | 'step_free_path'
  | 'internal_steps'
  | 'step_free_shower'
  | 'motorised_shutters'
  | 'building_door_width'
  | 'unit_door_width'
  | 'interior_door_width'
  | 'turning_circle'
  | 'wc_lateral_space'
  | 'personalised_fittings';

/** One condition of a level: which measurement it reads, its value and whether it is met. */
export type AccessCheck = {
  code: CheckCode;
  /** The level this condition opens. */
  level: 'N1' | 'N2' | 'N3' | 'N4';
  status: 'met' | 'failed' | 'unknown';
  /** Measurement path, e.g. `building.stepsStreetToLobby` or `unit.showerType`. */
  field: string;
  value: number | string | boolean | null;
};

export type AccessDerivation = {
  level: AccessLevel;
  flags: AccessFlag[];
  /** Every condition evaluated, in level order. */
  checks: AccessCheck[];
  /** The conditions that decide the level: those failed or unknown at the first level not reached. */
  decisive: AccessCheck[];
  /** True when a missing measurement (not a failed one) stops the next level. */
  toVerify: boolean;
};

type Tri = boolean | null;
const status = (ok: Tri): AccessCheck['status'] => (ok === null ? 'unknown' : ok ? 'met' : 'failed');

/** Does a lift reach the unit's landing? `null` when it cannot be told from what was measured. */
export function liftToLanding(building: BuildingMeasures, unit: UnitMeasures): Tri {
  if (unit.floor === 0) return true;
  if (unit.liftServesLanding !== null) return unit.liftServesLanding;
  if (building.liftCount === 0) return false;
  if (building.liftCount !== null && building.liftCount > 0 && building.liftServesAllLandings === true) return true;
  return null;
}

/** Steps between the street and the lobby, a ramp counting as none. */
export function entranceSteps(building: BuildingMeasures): number | null {
  if (building.rampPresent === true) return 0;
  return building.stepsStreetToLobby;
}

/** Steps from the street to the unit's door: entrance steps plus half-level steps when the lift is used. */
export function stepsToDoor(building: BuildingMeasures, unit: UnitMeasures): number | null {
  const entrance = entranceSteps(building);
  if (entrance === null) return null;
  if (unit.floor === 0) return entrance;
  const lift = liftToLanding(building, unit);
  if (lift !== true) return null;
  return building.liftHalfLevelSteps === null ? null : entrance + building.liftHalfLevelSteps;
}

function atLeast(value: number | null, min: number): Tri {
  return value === null ? null : value >= min;
}

export function deriveAccessLevel(building: BuildingMeasures, unit: UnitMeasures): AccessDerivation {
  const entrance = entranceSteps(building);
  const lift = liftToLanding(building, unit);
  const toDoor = stepsToDoor(building, unit);

  const n1: AccessCheck[] = [];
  if (unit.floor !== 0) {
    n1.push({
      code: 'lift_to_landing',
      level: 'N1',
      status: status(lift),
      field: 'building.liftServesAllLandings',
      value: lift,
    });
  }
  n1.push({
    code: 'entrance_steps',
    level: 'N1',
    status: status(entrance === null ? null : entrance <= MAX_EASY_ENTRANCE_STEPS),
    field: 'building.stepsStreetToLobby',
    value: entrance,
  });
  if (entrance !== null && entrance > 0 && entrance <= MAX_EASY_ENTRANCE_STEPS) {
    n1.push({
      code: 'entrance_handrail',
      level: 'N1',
      status: status(building.entranceHandrail),
      field: 'building.entranceHandrail',
      value: building.entranceHandrail,
    });
  }

  const stepFreeShower: Tri =
    unit.showerType === null ? null : unit.showerType === 'walk_in' || unit.showerType === 'extra_flat';
  const n2: AccessCheck[] = [
    {
      code: 'step_free_path',
      level: 'N2',
      status: status(toDoor === null ? null : toDoor === 0),
      field: 'building.stepsStreetToLobby',
      value: toDoor,
    },
    {
      code: 'internal_steps',
      level: 'N2',
      status: status(unit.internalSteps === null ? null : unit.internalSteps === 0),
      field: 'unit.internalSteps',
      value: unit.internalSteps,
    },
    {
      code: 'step_free_shower',
      level: 'N2',
      status: status(stepFreeShower),
      field: 'unit.showerType',
      value: unit.showerType,
    },
    {
      code: 'motorised_shutters',
      level: 'N2',
      status: status(unit.shutters === null ? null : unit.shutters === 'motorised'),
      field: 'unit.shutters',
      value: unit.shutters,
    },
  ];

  const n3: AccessCheck[] = [];
  if (!unit.individualHouse) {
    n3.push({
      code: 'building_door_width',
      level: 'N3',
      status: status(atLeast(building.entranceDoorClearWidthCm, WHEELCHAIR_DOOR_CLEAR_WIDTH_CM)),
      field: 'building.entranceDoorClearWidthCm',
      value: building.entranceDoorClearWidthCm,
    });
  }
  n3.push(
    {
      code: 'unit_door_width',
      level: 'N3',
      status: status(atLeast(unit.entranceDoorClearWidthCm, WHEELCHAIR_DOOR_CLEAR_WIDTH_CM)),
      field: 'unit.entranceDoorClearWidthCm',
      value: unit.entranceDoorClearWidthCm,
    },
    {
      code: 'interior_door_width',
      level: 'N3',
      status: status(atLeast(unit.doorClearWidthMinCm, WHEELCHAIR_DOOR_CLEAR_WIDTH_CM)),
      field: 'unit.doorClearWidthMinCm',
      value: unit.doorClearWidthMinCm,
    },
    {
      code: 'turning_circle',
      level: 'N3',
      status: status(unit.turningCircle150),
      field: 'unit.turningCircle150',
      value: unit.turningCircle150,
    },
    {
      code: 'wc_lateral_space',
      level: 'N3',
      status: status(unit.wcLateralSpace),
      field: 'unit.wcLateralSpace',
      value: unit.wcLateralSpace,
    },
  );

  const fittings = unit.personalisedFittings?.trim() ?? '';
  const n4: AccessCheck[] = [
    {
      code: 'personalised_fittings',
      level: 'N4',
      status: fittings ? 'met' : 'failed',
      field: 'unit.personalisedFittings',
      value: fittings || null,
    },
  ];

  const flags: AccessFlag[] = [];
  if (unit.visualDoorbell === true && unit.visualContrasts === true) flags.push('sensory');
  if (unit.simpleSignage === true) flags.push('cognitive');

  const checks = [...n1, ...n2, ...n3, ...n4];
  const steps: [AccessCheck[], AccessLevel][] = [
    [n1, 'N0'],
    [n2, 'N1'],
    [n3, 'N2'],
    [n4, 'N3'],
  ];
  for (const [group, below] of steps) {
    const failed = group.filter((c) => c.status === 'failed');
    if (failed.length > 0) return { level: below, flags, checks, decisive: failed, toVerify: false };
    const unknown = group.filter((c) => c.status === 'unknown');
    if (unknown.length > 0) {
      // Not even the path is known: no level would be honest.
      const level = below === 'N0' ? 'to_verify' : below;
      return { level, flags, checks, decisive: unknown, toVerify: true };
    }
  }
  return { level: 'N4', flags, checks, decisive: [], toVerify: false };
}

/** A field whose measurements contradict each other, with the message key explaining why. */
export type MeasurementContradiction = { path: string; code: ContradictionCode };
export type ContradictionCode =
  | 'step_free_claimed_without_lift'
  | 'step_free_claimed_with_steps'
  | 'door_width_out_of_range'
  | 'floor_above_building'
  | 'lift_without_lift'
  | 'walk_in_with_step'
  | 'too_many_bedrooms';

export const DOOR_WIDTH_RANGE_CM = { min: 40, max: 200 } as const;
/** Highest step into a shower still called walk-in (plain-pied). */
export const WALK_IN_MAX_STEP_CM = 2;

/**
 * Measurements that cannot all be true at once. Paths are those of the unit and building forms
 * (`unit.*` fields sit at the top of the unit form).
 */
export function findContradictions(
  building: BuildingMeasures,
  unit: UnitMeasures & { typology?: string | null; bedrooms?: number | null },
): MeasurementContradiction[] {
  const found: MeasurementContradiction[] = [];
  if (unit.stepFreeAccessDeclared === true) {
    if (unit.floor !== 0 && liftToLanding(building, unit) === false) {
      found.push({ path: 'stepFreeAccessDeclared', code: 'step_free_claimed_without_lift' });
    } else if ((entranceSteps(building) ?? 0) > 0) {
      found.push({ path: 'stepFreeAccessDeclared', code: 'step_free_claimed_with_steps' });
    }
  }
  for (const key of ['entranceDoorClearWidthCm', 'doorClearWidthMinCm'] as const) {
    const width = unit[key];
    if (width !== null && (width < DOOR_WIDTH_RANGE_CM.min || width > DOOR_WIDTH_RANGE_CM.max)) {
      found.push({ path: key, code: 'door_width_out_of_range' });
    }
  }
  if (!unit.individualHouse && building.floorsAboveGround !== null && unit.floor > building.floorsAboveGround) {
    found.push({ path: 'floor', code: 'floor_above_building' });
  }
  if (unit.liftServesLanding === true && building.liftCount === 0) {
    found.push({ path: 'liftServesLanding', code: 'lift_without_lift' });
  }
  if (unit.showerType === 'walk_in' && unit.showerStepCm !== null && unit.showerStepCm > WALK_IN_MAX_STEP_CM) {
    found.push({ path: 'showerType', code: 'walk_in_with_step' });
  }
  if (unit.typology && unit.bedrooms !== null && unit.bedrooms !== undefined) {
    const rooms = Number(unit.typology.slice(1));
    if (unit.bedrooms > Math.max(rooms - 1, 0)) found.push({ path: 'bedrooms', code: 'too_many_bedrooms' });
  }
  return found;
}

/** Contradictions of a building's own measurements. */
export function findBuildingContradictions(building: BuildingMeasures): MeasurementContradiction[] {
  const found: MeasurementContradiction[] = [];
  const width = building.entranceDoorClearWidthCm;
  if (width !== null && (width < DOOR_WIDTH_RANGE_CM.min || width > DOOR_WIDTH_RANGE_CM.max)) {
    found.push({ path: 'entranceDoorClearWidthCm', code: 'door_width_out_of_range' });
  }
  if (building.liftCount === 0 && building.liftServesAllLandings === true) {
    found.push({ path: 'liftServesAllLandings', code: 'lift_without_lift' });
  }
  return found;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** The measurements of a building out of any wider record (a row, a form), unknown when absent. */
export function buildingMeasuresOf(b: Partial<Nullable<BuildingMeasures>>): BuildingMeasures {
  return {
    stepsStreetToLobby: b.stepsStreetToLobby ?? null,
    rampPresent: b.rampPresent ?? null,
    entranceHandrail: b.entranceHandrail ?? null,
    entranceDoorClearWidthCm: b.entranceDoorClearWidthCm ?? null,
    liftCount: b.liftCount ?? null,
    liftServesAllLandings: b.liftServesAllLandings ?? null,
    liftHalfLevelSteps: b.liftHalfLevelSteps ?? null,
    floorsAboveGround: b.floorsAboveGround ?? null,
  };
}

/** The measurements of a unit out of any wider record; `showerType`/`shutters` are trusted to be valid codes. */
export function unitMeasuresOf(
  u: Partial<Nullable<Omit<UnitMeasures, 'showerType' | 'shutters'>>> & {
    floor: number;
    showerType?: string | null;
    shutters?: string | null;
  },
): UnitMeasures {
  return {
    floor: u.floor,
    individualHouse: u.individualHouse ?? false,
    liftServesLanding: u.liftServesLanding ?? null,
    stepFreeAccessDeclared: u.stepFreeAccessDeclared ?? null,
    entranceDoorClearWidthCm: u.entranceDoorClearWidthCm ?? null,
    doorClearWidthMinCm: u.doorClearWidthMinCm ?? null,
    internalSteps: u.internalSteps ?? null,
    showerType: (u.showerType ?? null) as ShowerType | null,
    showerStepCm: u.showerStepCm ?? null,
    turningCircle150: u.turningCircle150 ?? null,
    wcLateralSpace: u.wcLateralSpace ?? null,
    shutters: (u.shutters ?? null) as ShutterKind | null,
    visualDoorbell: u.visualDoorbell ?? null,
    visualContrasts: u.visualContrasts ?? null,
    simpleSignage: u.simpleSignage ?? null,
    personalisedFittings: u.personalisedFittings ?? null,
  };
}
