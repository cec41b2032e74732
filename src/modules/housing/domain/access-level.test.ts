import { describe, expect, it } from 'vitest';
import {
  buildingMeasuresOf,
  deriveAccessLevel,
  findBuildingContradictions,
  findContradictions,
  unitMeasuresOf,
  type BuildingMeasures,
  type UnitMeasures,
} from '#src/modules/housing/domain/access-level.ts';

const building = (b: Partial<BuildingMeasures> = {}) =>
  buildingMeasuresOf({
    stepsStreetToLobby: 0,
    rampPresent: false,
    entranceHandrail: null,
    entranceDoorClearWidthCm: 90,
    liftCount: 1,
    liftServesAllLandings: true,
    liftHalfLevelSteps: 0,
    floorsAboveGround: 4,
    ...b,
  });

/** A unit measured as fully wheelchair-accessible, to be degraded measurement by measurement. */
const unit = (u: Partial<UnitMeasures> = {}): UnitMeasures =>
  unitMeasuresOf({
    floor: 2,
    individualHouse: false,
    entranceDoorClearWidthCm: 85,
    doorClearWidthMinCm: 80,
    internalSteps: 0,
    showerType: 'walk_in',
    showerStepCm: 0,
    turningCircle150: true,
    wcLateralSpace: true,
    shutters: 'motorised',
    ...u,
  });

const levelOf = (b: BuildingMeasures, u: UnitMeasures) => deriveAccessLevel(b, u).level;

describe('deriveAccessLevel', () => {
  it('gives N3 when every wheelchair measurement is met, N4 with personalised fittings', () => {
    expect(levelOf(building(), unit())).toBe('N3');
    expect(levelOf(building(), unit({ personalisedFittings: 'Évier abaissé' }))).toBe('N4');
  });

  it('gives N0 above the ground floor without a lift to the landing, naming the lift as decisive', () => {
    const result = deriveAccessLevel(building({ liftCount: 0, liftServesAllLandings: null }), unit());
    expect(result.level).toBe('N0');
    expect(result.decisive.map((c) => c.code)).toEqual(['lift_to_landing']);
  });

  it('gives N0 with more than three entrance steps, N1 with three and a handrail, N0 without the handrail', () => {
    expect(levelOf(building({ stepsStreetToLobby: 4 }), unit({ floor: 0 }))).toBe('N0');
    expect(levelOf(building({ stepsStreetToLobby: 3, entranceHandrail: true }), unit({ floor: 0 }))).toBe('N1');
    expect(levelOf(building({ stepsStreetToLobby: 3, entranceHandrail: false }), unit({ floor: 0 }))).toBe('N0');
  });

  it('counts a ramp as a step-free entrance', () => {
    expect(levelOf(building({ stepsStreetToLobby: 5, rampPresent: true }), unit())).toBe('N3');
  });

  it('keeps N1 with a bathtub, a high tray, manual shutters, internal steps or half-level steps at the lift', () => {
    expect(levelOf(building(), unit({ showerType: 'bathtub' }))).toBe('N1');
    expect(levelOf(building(), unit({ showerType: 'high_tray' }))).toBe('N1');
    expect(levelOf(building(), unit({ shutters: 'manual' }))).toBe('N1');
    expect(levelOf(building(), unit({ internalSteps: 1 }))).toBe('N1');
    expect(levelOf(building({ liftHalfLevelSteps: 6 }), unit())).toBe('N1');
    const result = deriveAccessLevel(building(), unit({ showerType: 'bathtub' }));
    expect(result.decisive).toEqual([
      expect.objectContaining({ code: 'step_free_shower', status: 'failed', value: 'bathtub' }),
    ]);
  });

  it('gives N2 when a door is narrower than 77 cm or the bathroom lacks the turning circle', () => {
    expect(levelOf(building(), unit({ doorClearWidthMinCm: 76 }))).toBe('N2');
    expect(levelOf(building(), unit({ entranceDoorClearWidthCm: 70 }))).toBe('N2');
    expect(levelOf(building({ entranceDoorClearWidthCm: 72 }), unit())).toBe('N2');
    expect(levelOf(building(), unit({ turningCircle150: false }))).toBe('N2');
    expect(levelOf(building(), unit({ wcLateralSpace: false }))).toBe('N2');
    expect(levelOf(building(), unit({ doorClearWidthMinCm: 77 }))).toBe('N3');
  });

  it('answers "à vérifier" when the path to the door is not measured, rather than claim a level', () => {
    const noSteps = deriveAccessLevel(building({ stepsStreetToLobby: null }), unit());
    expect(noSteps).toMatchObject({ level: 'to_verify', toVerify: true });
    expect(noSteps.decisive.map((c) => c.code)).toEqual(['entrance_steps']);
    // A lift that serves only some landings does not tell whether it serves this one.
    expect(levelOf(building({ liftServesAllLandings: false }), unit())).toBe('to_verify');
    expect(levelOf(building({ liftServesAllLandings: false }), unit({ liftServesLanding: true }))).toBe('N3');
    expect(levelOf(building({ stepsStreetToLobby: 2, entranceHandrail: null }), unit({ floor: 0 }))).toBe('to_verify');
  });

  it('stops at the last level proven when a higher one depends on an unmeasured item, flagged to verify', () => {
    const shower = deriveAccessLevel(building(), unit({ showerType: null }));
    expect(shower).toMatchObject({ level: 'N1', toVerify: true });
    expect(shower.decisive).toEqual([expect.objectContaining({ code: 'step_free_shower', status: 'unknown' })]);
    expect(deriveAccessLevel(building(), unit({ turningCircle150: null }))).toMatchObject({
      level: 'N2',
      toVerify: true,
    });
    // Half-level steps at the lift unknown: the path is not proven step-free.
    expect(levelOf(building({ liftHalfLevelSteps: null }), unit())).toBe('N1');
  });

  it('needs no lift on the ground floor nor a building door for an individual house', () => {
    expect(
      levelOf(building({ liftCount: 0, entranceDoorClearWidthCm: null }), unit({ floor: 0, individualHouse: true })),
    ).toBe('N3');
  });

  it('raises the sensory and cognitive flags on their own measurements', () => {
    expect(deriveAccessLevel(building(), unit({ visualDoorbell: true, visualContrasts: true })).flags).toEqual([
      'sensory',
    ]);
    expect(deriveAccessLevel(building(), unit({ visualDoorbell: true })).flags).toEqual([]);
    expect(deriveAccessLevel(building(), unit({ simpleSignage: true })).flags).toEqual(['cognitive']);
  });
});

describe('findContradictions', () => {
  it('refuses a step-free access claimed above the ground floor with no lift', () => {
    const noLift = building({ liftCount: 0, liftServesAllLandings: null });
    expect(findContradictions(noLift, unit({ stepFreeAccessDeclared: true }))).toEqual([
      { path: 'stepFreeAccessDeclared', code: 'step_free_claimed_without_lift' },
    ]);
    expect(findContradictions(noLift, unit({ floor: 0, stepFreeAccessDeclared: true }))).toEqual([]);
  });

  it('refuses a step-free access claimed with entrance steps and no ramp', () => {
    expect(findContradictions(building({ stepsStreetToLobby: 2 }), unit({ stepFreeAccessDeclared: true }))).toEqual([
      { path: 'stepFreeAccessDeclared', code: 'step_free_claimed_with_steps' },
    ]);
  });

  it('refuses door widths outside 40–200 cm, a floor above the building and a lift in a liftless building', () => {
    expect(findContradictions(building(), unit({ doorClearWidthMinCm: 30, entranceDoorClearWidthCm: 250 }))).toEqual([
      { path: 'entranceDoorClearWidthCm', code: 'door_width_out_of_range' },
      { path: 'doorClearWidthMinCm', code: 'door_width_out_of_range' },
    ]);
    expect(findContradictions(building({ floorsAboveGround: 3 }), unit({ floor: 5 }))).toEqual([
      { path: 'floor', code: 'floor_above_building' },
    ]);
    expect(findContradictions(building({ liftCount: 0 }), unit({ liftServesLanding: true }))).toContainEqual({
      path: 'liftServesLanding',
      code: 'lift_without_lift',
    });
  });

  it('refuses a walk-in shower with a high step and more bedrooms than the typology allows', () => {
    expect(findContradictions(building(), unit({ showerType: 'walk_in', showerStepCm: 15 }))).toEqual([
      { path: 'showerType', code: 'walk_in_with_step' },
    ]);
    expect(findContradictions(building(), { ...unit(), typology: 'T2', bedrooms: 2 })).toEqual([
      { path: 'bedrooms', code: 'too_many_bedrooms' },
    ]);
    expect(findContradictions(building(), { ...unit(), typology: 'T3', bedrooms: 2 })).toEqual([]);
  });

  it('finds nothing in consistent measurements, and checks a building on its own', () => {
    expect(findContradictions(building(), unit({ stepFreeAccessDeclared: true }))).toEqual([]);
    expect(findBuildingContradictions(building({ entranceDoorClearWidthCm: 20 }))).toEqual([
      { path: 'entranceDoorClearWidthCm', code: 'door_width_out_of_range' },
    ]);
    expect(findBuildingContradictions(building({ liftCount: 0, liftServesAllLandings: true }))).toEqual([
      { path: 'liftServesAllLandings', code: 'lift_without_lift' },
    ]);
  });
});
