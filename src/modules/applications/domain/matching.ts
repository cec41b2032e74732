/**
 * The explainable matching (housing reference §7): for ONE application, rank homes — never people.
 * Hard constraints first, each outcome named; then the weighted preferences with each criterion's share
 * of the score and the coverage (share of the weight that had data). Missing data is never read as a pass
 * or a failure: it makes a constraint "à vérifier" and leaves a preference out of the score.
 */
import { displayedMinutes, walkingMinutes, type Coordinates } from '#src/modules/applications/domain/walking.ts';
import {
  MAX_WEIGHT,
  preferenceKeys,
  wheelchairs,
  type FloorPreference,
  type PoiKind,
  type PreferenceKey,
  type PreferenceWeights,
  type WalkingAid,
} from '#src/modules/applications/domain/vocabulary.ts';
import {
  ceilingKey,
  GIR_MIN,
  isCeilingFinancing,
  MAX_HOUSEHOLD_SIZE,
  type CeilingFinancing,
  type EligibilityRules,
  type GirRange,
  type IncomeCeiling,
} from '#src/modules/applications/domain/eligibility.ts';

/** The housing module's shower types (walk_in = plain-pied). */
export const showerTypes = ['bathtub', 'high_tray', 'extra_flat', 'walk_in'] as const;
export type ShowerType = (typeof showerTypes)[number];
const stepFreeShowers: readonly ShowerType[] = ['extra_flat', 'walk_in'];

/** Works a landlord may commit to before move-in, each lifting one kind of obstacle. */
export const committedWorkKinds = ['step_free_shower', 'widen_doors', 'entrance_ramp'] as const;
export type CommittedWork = (typeof committedWorkKinds)[number];

/** What the matching needs to know of a unit (housing reference §5.3–5.4); null = not measured. */
export type MatchUnit = {
  id: string;
  communeInsee: string | null;
  /** The commune associée (Lomme 59355) when the unit lies in one. */
  historicCommuneInsee: string | null;
  coordinates: Coordinates | null;
  floor: number | null;
  /** Steps counted from the street to the lobby. */
  entranceSteps: number | null;
  liftToLanding: boolean | null;
  /** The narrowest door on the way in and inside. */
  doorClearWidthCm: number | null;
  shower: ShowerType | null;
  bedrooms: number | null;
  typology: string | null;
  rentEur: number | null;
  chargesEur: number | null;
  outdoorSpace: boolean | null;
  /** Services of the programme (common room, hostess…); empty = none, null = not told. */
  services: readonly string[] | null;
  /** The unit's financing (PLAI, PLUS, PLS, PLI, other): the resource ceiling that applies. */
  financing: string | null;
  /** The programme's kind: a résidence autonomie or ASV programme has its own admission path. */
  programmeKind: string | null;
  /** A résidence autonomie's own GIR range, when the residences module has it; else the workspace's. */
  admissionGir: GirRange | null;
  dpeClass: string | null;
  /** Works the landlord committed to do (adaptableByWorks.landlordCommitment). */
  committedWorks: readonly CommittedWork[];
};

/** What the matching needs to know of an application; null = not filled in yet. */
export type MatchProfile = {
  maxStepsClimbable: number | null;
  walkingAid: WalkingAid | null;
  needsStepFreeShower: boolean | null;
  needsLift: boolean | null;
  secondBedroomRequired: boolean;
  wishedTypologies: readonly string[];
  maxBudgetEur: number | null;
  wishedCommunes: readonly string[];
  /** The person refuses any commune outside the list (otherwise the list only guides). */
  communesStrict: boolean;
  /** Where the person lives now (commune or commune associée), for "same neighbourhood". */
  currentCommunes: readonly string[];
  familyCoordinates: Coordinates | null;
  floorPreference: FloorPreference | null;
  /** Household size and reference tax income (RFR N-2) as entered by the referent; null = not entered. */
  householdSize: number | null;
  referenceIncomeEur: number | null;
  referenceIncomeYear: number | null;
  /** The GIR on the person's file (special-category data: never shown to who may not read it). */
  gir: number | null;
  /** Programme services the person wishes for. */
  wishedServices: readonly string[];
  weights: PreferenceWeights;
};

export type PointOfInterest = { kind: PoiKind; name: string; coordinates: Coordinates; accessible: boolean | null };

export const constraintKeys = [
  'steps',
  'lift',
  'wheelchair_path',
  'wheelchair_doors',
  'shower',
  'bedrooms',
  'typology',
  'budget',
  'commune',
  'income_ceiling',
  'admission',
] as const;
export type ConstraintKey = (typeof constraintKeys)[number];

/** `unknown` = "à vérifier"; `after_works` = passes once the landlord's committed works are done. */
export type ConstraintOutcome = 'pass' | 'fail' | 'unknown' | 'after_works';
/**
 * Why a constraint could not be decided: the person's side or the unit's side is not filled in, or the
 * workspace has not set the rule (resource ceiling, GIR range).
 */
export type MissingSide = 'profile' | 'unit' | 'settings';
export type ConstraintCheck = {
  key: ConstraintKey;
  outcome: ConstraintOutcome;
  missing?: MissingSide;
  /** The figures behind the outcome, for the explanation (steps counted, width measured, cost…). */
  actual?: number | string | null;
  limit?: number | string | null;
  /** For eligibility: the financing, the date its ceiling applies from and the income year; the admission path. */
  detail?: {
    financing?: string;
    since?: string;
    year?: number | null;
    path?: 'residence_autonomie' | 'asv_units';
    rangeSource?: 'residence' | 'workspace';
  };
};

export const verdicts = ['compatible', 'after_works', 'to_check', 'incompatible'] as const;
export type Verdict = (typeof verdicts)[number];

export type Contribution = {
  key: PreferenceKey;
  weight: number;
  /** 0..1, or null when the criterion had no data (left out of the score, counted in the coverage). */
  subScore: number | null;
  /** Points this criterion brings to the 0–100 score (the contributions add up to the score). */
  points: number | null;
  minutes?: number;
  placeName?: string;
};

export type UnitMatch = {
  unitId: string;
  verdict: Verdict;
  constraints: ConstraintCheck[];
  /** 0–100 over the criteria with data; null when no weighted criterion had data. */
  score: number | null;
  /** Share (0–1) of the weight whose criterion had data; null when nothing was weighted. */
  coverage: number | null;
  contributions: Contribution[];
};

/**
 * A storey is about 16 steps (2.6 m at a 16–17 cm riser): an assumption used only when a unit above the
 * ground floor has no lift to its landing, documented in the decision record.
 */
export const STEPS_PER_STOREY = 16;
/** Wheelchair passage: 77 cm clear width (housing reference §5.4.1 and §7.2; the figure is marked to verify there). */
export const WHEELCHAIR_DOOR_CM = 77;

const works = (unit: MatchUnit, kind: CommittedWork) => unit.committedWorks.includes(kind);

/**
 * An application with what every unit's check would otherwise work out again, computed once for all the units
 * it is checked against: the wheelchair flag, the resource ceiling of each financing for the household, the
 * ASV admission range and the wished typologies as one label.
 */
export type PreparedProfile = {
  readonly profile: MatchProfile;
  readonly rules: EligibilityRules;
  readonly wheelchair: boolean;
  /** The ceiling in force for the household, per financing; undefined when not set or no household size. */
  readonly ceilings: Readonly<Record<CeilingFinancing, IncomeCeiling | undefined>>;
  readonly asvRange: GirRange | null;
  readonly typologyLabel: string;
};

function ceilingOf(rules: EligibilityRules, financing: CeilingFinancing, size: number | null) {
  return size !== null && size <= MAX_HOUSEHOLD_SIZE ? rules.ceilings.get(ceilingKey(financing, size)) : undefined;
}

/** The profile is wrapped, not copied: spreading it measured ~10 µs, paid by every call of `checkHardConstraints`. */
export function prepareProfile(profile: MatchProfile, rules: EligibilityRules): PreparedProfile {
  const size = profile.householdSize;
  return {
    profile,
    rules,
    wheelchair: profile.walkingAid !== null && wheelchairs.includes(profile.walkingAid),
    ceilings: {
      PLAI: ceilingOf(rules, 'PLAI', size),
      PLUS: ceilingOf(rules, 'PLUS', size),
      PLS: ceilingOf(rules, 'PLS', size),
    },
    asvRange: rules.asvMaxGir === null ? null : { min: GIR_MIN, max: rules.asvMaxGir },
    typologyLabel: profile.wishedTypologies.join(', '),
  };
}

/**
 * Where the rules report their outcomes. The explained view writes every check out; a batch only wants the
 * verdict: nothing is written (no object per pair) and the first failure settles it, skipping the other rules.
 */
class Outcomes {
  readonly checks: ConstraintCheck[] = [];
  failed = false;
  unknown = false;
  works = false;
  constructor(readonly explained: boolean) {}

  /** Counts the outcome towards the verdict; true when the caller must write the check out. */
  tally(outcome: ConstraintOutcome): boolean {
    if (outcome === 'fail') this.failed = true;
    else if (outcome === 'unknown') this.unknown = true;
    else if (outcome === 'after_works') this.works = true;
    return this.explained;
  }

  get settled(): boolean {
    return this.failed && !this.explained;
  }

  /** Any failure → incompatible; else anything to check → à vérifier; else any works → après travaux. */
  verdict(): Verdict {
    return this.failed ? 'incompatible' : this.unknown ? 'to_check' : this.works ? 'after_works' : 'compatible';
  }

  reset(): void {
    this.failed = this.unknown = this.works = false;
  }
}

/** Stairs from the lobby to the unit's landing (none when a lift serves it), or null if a measurement is missing. */
function stairsOf(unit: MatchUnit): number | null {
  if (unit.floor === null) return null;
  if (unit.floor <= 0 || unit.liftToLanding === true) return 0;
  if (unit.liftToLanding === null) return null;
  return unit.floor * STEPS_PER_STOREY;
}

function checkSteps(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  const key = 'steps';
  const limit = p.maxStepsClimbable;
  if (limit === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'profile' });
    return;
  }
  const stairs = stairsOf(u);
  if (stairs === null || u.entranceSteps === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit', limit });
    return;
  }
  const total = u.entranceSteps + stairs;
  // A ramp removes the entrance steps, never the stairs.
  const outcome = total <= limit ? 'pass' : stairs <= limit && works(u, 'entrance_ramp') ? 'after_works' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: total, limit });
}

function checkLift(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  const key = 'lift';
  if (p.needsLift === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'profile' });
    return;
  }
  if (!p.needsLift) return;
  if (u.floor === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit' });
    return;
  }
  if (u.floor > 0 && u.liftToLanding === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit', actual: u.floor });
    return;
  }
  const outcome = u.floor <= 0 || u.liftToLanding ? 'pass' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: u.floor });
}

function checkWheelchairPath(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  const key = 'wheelchair_path';
  if (p.walkingAid === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'profile' });
    return;
  }
  if (!prepared.wheelchair) return;
  const stairs = stairsOf(u);
  if (stairs === null || u.entranceSteps === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit' });
    return;
  }
  const total = u.entranceSteps + stairs;
  const outcome = total === 0 ? 'pass' : stairs === 0 && works(u, 'entrance_ramp') ? 'after_works' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: total, limit: 0 });
}

function checkWheelchairDoors(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  if (!prepared.wheelchair) return;
  const key = 'wheelchair_doors';
  const width = u.doorClearWidthCm;
  if (width === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit', limit: WHEELCHAIR_DOOR_CM });
    return;
  }
  const outcome = width >= WHEELCHAIR_DOOR_CM ? 'pass' : works(u, 'widen_doors') ? 'after_works' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: width, limit: WHEELCHAIR_DOOR_CM });
}

function checkShower(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  const key = 'shower';
  if (p.needsStepFreeShower === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'profile' });
    return;
  }
  if (!p.needsStepFreeShower) return;
  const committed = works(u, 'step_free_shower');
  if (u.shower === null && !committed) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit' });
    return;
  }
  const outcome = u.shower !== null && stepFreeShowers.includes(u.shower) ? 'pass' : committed ? 'after_works' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: u.shower });
}

function checkBedrooms(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  if (!p.secondBedroomRequired) return;
  const key = 'bedrooms';
  if (u.bedrooms === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit', limit: 2 });
    return;
  }
  const outcome = u.bedrooms >= 2 ? 'pass' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: u.bedrooms, limit: 2 });
}

function checkTypology(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  if (p.wishedTypologies.length === 0) return;
  const key = 'typology';
  const limit = prepared.typologyLabel;
  if (u.typology === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit', limit });
    return;
  }
  const outcome = p.wishedTypologies.includes(u.typology) ? 'pass' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: u.typology, limit });
}

function checkBudget(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  const limit = p.maxBudgetEur;
  if (limit === null) return;
  const key = 'budget';
  if (u.rentEur === null || u.chargesEur === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit', limit });
    return;
  }
  const cost = u.rentEur + u.chargesEur;
  const outcome = cost <= limit ? 'pass' : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: cost, limit });
}

function checkCommune(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  if (!p.communesStrict || p.wishedCommunes.length === 0) return;
  const key = 'commune';
  const { communeInsee: commune, historicCommuneInsee: historic } = u;
  if (commune === null && historic === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit' });
    return;
  }
  const outcome =
    (commune !== null && p.wishedCommunes.includes(commune)) ||
    (historic !== null && p.wishedCommunes.includes(historic))
      ? 'pass'
      : 'fail';
  if (out.tally(outcome)) out.checks.push({ key, outcome, actual: historic ?? commune });
}

/**
 * Resources under the ceiling of the unit's financing (PLAI, PLUS, PLS) for the household's size. Missing
 * resources or a ceiling the workspace has not set leave it "à vérifier", never a pass or a failure.
 */
function checkIncome(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  const key = 'income_ceiling';
  const financing = u.financing;
  if (financing === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'unit' });
    return;
  }
  if (!isCeilingFinancing(financing)) return;
  const income = p.referenceIncomeEur;
  if (p.householdSize === null || income === null) {
    if (out.tally('unknown')) out.checks.push({ key, outcome: 'unknown', missing: 'profile', detail: { financing } });
    return;
  }
  const ceiling = prepared.ceilings[financing];
  if (!ceiling) {
    if (out.tally('unknown'))
      out.checks.push({ key, outcome: 'unknown', missing: 'settings', limit: p.householdSize, detail: { financing } });
    return;
  }
  const outcome = income <= ceiling.ceilingEur ? 'pass' : 'fail';
  if (out.tally(outcome))
    out.checks.push({
      key,
      outcome,
      actual: income,
      limit: ceiling.ceilingEur,
      detail: { financing, since: ceiling.validFrom, year: p.referenceIncomeYear },
    });
}

/** Which admission path the unit's programme follows, and whose GIR range applies (for the explanation). */
const admissionDetail = (u: MatchUnit): ConstraintCheck['detail'] =>
  u.programmeKind === 'residence_autonomie'
    ? { path: u.programmeKind, rangeSource: u.admissionGir ? 'residence' : 'workspace' }
    : { path: 'asv_units' };
const girLabel = (range: GirRange) => `${range.min}–${range.max}`;

/**
 * The programme's admission path: a résidence autonomie admits a GIR range (the residence's own, else the
 * workspace's); an ASV priority programme is for people with a loss of autonomy (GIR up to the workspace's
 * limit). Other programmes have no such path.
 */
function checkAdmission(prepared: PreparedProfile, u: MatchUnit, out: Outcomes): void {
  const p = prepared.profile;
  const key = 'admission';
  let range: GirRange | null;
  if (u.programmeKind === 'residence_autonomie') range = u.admissionGir ?? prepared.rules.residenceGir;
  else if (u.programmeKind === 'asv_units') range = prepared.asvRange;
  else return;
  if (!range) {
    if (out.tally('unknown'))
      out.checks.push({ key, outcome: 'unknown', missing: 'settings', detail: admissionDetail(u) });
    return;
  }
  if (p.gir === null) {
    if (out.tally('unknown'))
      out.checks.push({
        key,
        outcome: 'unknown',
        missing: 'profile',
        limit: girLabel(range),
        detail: admissionDetail(u),
      });
    return;
  }
  const outcome = p.gir >= range.min && p.gir <= range.max ? 'pass' : 'fail';
  if (out.tally(outcome))
    out.checks.push({ key, outcome, actual: p.gir, limit: girLabel(range), detail: admissionDetail(u) });
}

/** The rules in the order of `constraintKeys`, which is the order of the explanation. */
const hardConstraints: readonly ((p: PreparedProfile, u: MatchUnit, out: Outcomes) => void)[] = [
  checkSteps,
  checkLift,
  checkWheelchairPath,
  checkWheelchairDoors,
  checkShower,
  checkBedrooms,
  checkTypology,
  checkBudget,
  checkCommune,
  checkIncome,
  checkAdmission,
];

function runHardConstraints(p: PreparedProfile, u: MatchUnit, out: Outcomes): Outcomes {
  for (const rule of hardConstraints) {
    rule(p, u, out);
    if (out.settled) break;
  }
  return out;
}

/** Every hard constraint that applies to this person, checked on this unit (§7.2). */
export function checkHardConstraints(
  profile: MatchProfile,
  unit: MatchUnit,
  rules: EligibilityRules,
): ConstraintCheck[] {
  return runHardConstraints(prepareProfile(profile, rules), unit, new Outcomes(true)).checks;
}

/** One tally for every batch verdict: the checks run synchronously, one pair at a time. */
const verdictOnly = new Outcomes(false);

/**
 * The verdict alone, for batches (the same rules as the explained view, without writing any check out and
 * stopping at the first failure). Prepare the profile once for all the units it is checked against.
 */
export function hardVerdict(profile: PreparedProfile, unit: MatchUnit): Verdict {
  verdictOnly.reset();
  return runHardConstraints(profile, unit, verdictOnly).verdict();
}

export function verdictOf(checks: readonly ConstraintCheck[]): Verdict {
  const tally = new Outcomes(false);
  for (const c of checks) tally.tally(c.outcome);
  return tally.verdict();
}

/** The person's capacities are all filled in: only such applications count in a unit's reverse view. */
export const hasCapacities = (p: MatchProfile) =>
  p.maxStepsClimbable !== null && p.walkingAid !== null && p.needsStepFreeShower !== null && p.needsLift !== null;

/** Linear decay between a "good" and a "bad" walking time (§7.3). */
export function walkScore(minutes: number, good: number, bad: number): number {
  if (minutes <= good) return 1;
  if (minutes >= bad) return 0;
  return (bad - minutes) / (bad - good);
}

/** Good → bad walking minutes per criterion (housing reference §7.3 examples; family is our choice). */
export const walkThresholds = {
  near_doctor: { kind: 'doctor', good: 10, bad: 30 },
  near_pharmacy: { kind: 'pharmacy', good: 10, bad: 30 },
  near_shops: { kind: 'food_shop', good: 5, bad: 20 },
  near_transit: { kind: 'transit_stop', good: 3, bad: 12 },
} as const satisfies Partial<Record<PreferenceKey, { kind: PoiKind; good: number; bad: number }>>;
export const FAMILY_WALK = { good: 15, bad: 45 } as const;

const ENERGY_SCORES: Record<string, number> = { A: 1, B: 1, C: 0.8, D: 0.6, E: 0.4, F: 0.2, G: 0 };
/** Rent + charges this far under the budget (20 %) earns the whole "cost margin" criterion. */
const FULL_MARGIN = 0.2;

type Nearest = { minutes: number; name: string };

/**
 * The nearest point by walking time. The search compares a flat-earth squared distance (exact enough to
 * order points a few kilometres apart, and far cheaper); only the winner gets the great-circle time.
 */
function nearest(from: Coordinates, points: readonly PointOfInterest[]): Nearest | null {
  const cosLat = Math.cos((from.lat * Math.PI) / 180);
  let best: PointOfInterest | null = null;
  let bestD = Infinity;
  for (const p of points) {
    const dLat = p.coordinates.lat - from.lat;
    const dLon = (p.coordinates.lon - from.lon) * cosLat;
    const d = dLat * dLat + dLon * dLon;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return best ? { minutes: walkingMinutes(from, best.coordinates), name: best.name } : null;
}

/** Points by kind, plus the accessible transit stops alone (what walker and wheelchair users count). */
export type PoiIndex = Map<PoiKind | 'accessible_transit_stop', PointOfInterest[]>;
export function indexPoints(points: readonly PointOfInterest[]): PoiIndex {
  const index: PoiIndex = new Map();
  const add = (key: PoiKind | 'accessible_transit_stop', p: PointOfInterest) => {
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  };
  for (const p of points) {
    add(p.kind, p);
    if (p.kind === 'transit_stop' && p.accessible) add('accessible_transit_stop', p);
  }
  return index;
}

const needsAccessibleStops = (p: MatchProfile) =>
  p.walkingAid !== null && (p.walkingAid === 'walker' || wheelchairs.includes(p.walkingAid));

type Sub = { subScore: number | null; minutes?: number; placeName?: string };

function subScoreOf(key: PreferenceKey, p: MatchProfile, u: MatchUnit, pois: PoiIndex): Sub {
  switch (key) {
    case 'near_doctor':
    case 'near_pharmacy':
    case 'near_shops':
    case 'near_transit': {
      const { kind, good, bad } = walkThresholds[key];
      const candidates =
        (key === 'near_transit' && needsAccessibleStops(p) ? pois.get('accessible_transit_stop') : pois.get(kind)) ??
        [];
      const found = u.coordinates ? nearest(u.coordinates, candidates) : null;
      if (!found) return { subScore: null };
      return {
        subScore: walkScore(found.minutes, good, bad),
        minutes: displayedMinutes(found.minutes),
        placeName: found.name,
      };
    }
    case 'near_family': {
      if (!u.coordinates || !p.familyCoordinates) return { subScore: null };
      const minutes = walkingMinutes(u.coordinates, p.familyCoordinates);
      return { subScore: walkScore(minutes, FAMILY_WALK.good, FAMILY_WALK.bad), minutes: displayedMinutes(minutes) };
    }
    case 'same_neighbourhood': {
      // The most precise code decides: a Lomme home is not "the same neighbourhood" for someone in central Lille.
      const unitCode = u.historicCommuneInsee ?? u.communeInsee;
      if (p.currentCommunes.length === 0 || unitCode === null) return { subScore: null };
      const personCode = p.currentCommunes[p.currentCommunes.length - 1]!;
      return { subScore: unitCode === personCode ? 1 : 0 };
    }
    case 'second_bedroom':
      return { subScore: u.bedrooms === null ? null : u.bedrooms >= 2 ? 1 : 0 };
    case 'floor': {
      if (p.floorPreference === null || u.floor === null) return { subScore: null };
      if (p.floorPreference === 'ground') return { subScore: u.floor <= 0 ? 1 : u.liftToLanding ? 0.5 : 0 };
      if (u.floor <= 0) return { subScore: 0 };
      return { subScore: u.liftToLanding === null ? null : u.liftToLanding ? 1 : 0.5 };
    }
    case 'outdoor_space':
      return { subScore: u.outdoorSpace === null ? null : u.outdoorSpace ? 1 : 0 };
    case 'services': {
      // The share of the wished services the programme offers; nothing wished, nothing to compare.
      if (p.wishedServices.length === 0 || u.services === null) return { subScore: null };
      let offered = 0;
      for (const service of p.wishedServices) if (u.services.includes(service)) offered++;
      return { subScore: offered / p.wishedServices.length };
    }
    case 'cost_margin': {
      if (p.maxBudgetEur === null || p.maxBudgetEur <= 0 || u.rentEur === null || u.chargesEur === null)
        return { subScore: null };
      const margin = (p.maxBudgetEur - u.rentEur - u.chargesEur) / p.maxBudgetEur;
      return { subScore: Math.max(0, Math.min(1, margin / FULL_MARGIN)) };
    }
    case 'energy_class':
      return { subScore: u.dpeClass === null ? null : (ENERGY_SCORES[u.dpeClass] ?? null) };
  }
}

const clampWeight = (w: number | undefined) => Math.max(0, Math.min(MAX_WEIGHT, Math.round(w ?? 0)));

/** Score = Σ wᵢ·sᵢ / Σ wᵢ over the criteria with data, on 0–100; coverage = share of the weight with data. */
export function scorePreferences(
  profile: MatchProfile,
  unit: MatchUnit,
  pois: PoiIndex,
): Pick<UnitMatch, 'score' | 'coverage' | 'contributions'> {
  const contributions: Contribution[] = [];
  let totalWeight = 0;
  let weightWithData = 0;
  for (const key of preferenceKeys) {
    const weight = clampWeight(profile.weights[key]);
    if (weight === 0) continue;
    const sub = subScoreOf(key, profile, unit, pois);
    totalWeight += weight;
    if (sub.subScore !== null) weightWithData += weight;
    const contribution: Contribution = { key, weight, subScore: sub.subScore, points: null };
    if (sub.minutes !== undefined) contribution.minutes = sub.minutes;
    if (sub.placeName !== undefined) contribution.placeName = sub.placeName;
    contributions.push(contribution);
  }
  let sum = 0;
  if (weightWithData > 0)
    for (const c of contributions)
      if (c.subScore !== null) {
        c.points = (100 * c.weight * c.subScore) / weightWithData;
        sum += c.points;
      }
  const score = weightWithData === 0 ? null : Math.round(sum * 10) / 10;
  return { score, coverage: totalWeight === 0 ? null : weightWithData / totalWeight, contributions };
}

export function matchUnit(profile: MatchProfile, unit: MatchUnit, pois: PoiIndex, rules: EligibilityRules): UnitMatch {
  return matchPrepared(prepareProfile(profile, rules), unit, pois);
}

function matchPrepared(profile: PreparedProfile, unit: MatchUnit, pois: PoiIndex): UnitMatch {
  const outcomes = runHardConstraints(profile, unit, new Outcomes(true));
  return {
    unitId: unit.id,
    verdict: outcomes.verdict(),
    constraints: outcomes.checks,
    ...scorePreferences(profile.profile, unit, pois),
  };
}

function failures(m: UnitMatch): number {
  let count = 0;
  for (const c of m.constraints) if (c.outcome === 'fail') count++;
  return count;
}

/**
 * Verdict first (compatible, after works, to check, incompatible), fewer failures first, then the score
 * (none last): a hard-constraint failure can only move a unit down.
 */
export function compareMatches(a: UnitMatch, b: UnitMatch): number {
  return compareKeys(sortKey(a), sortKey(b));
}

type SortKey = { verdict: number; failures: number; score: number; unitId: string };
const sortKey = (m: UnitMatch): SortKey => ({
  verdict: verdicts.indexOf(m.verdict),
  failures: failures(m),
  score: m.score ?? -1,
  unitId: m.unitId,
});
const compareKeys = (a: SortKey, b: SortKey) =>
  a.verdict - b.verdict ||
  a.failures - b.failures ||
  b.score - a.score ||
  (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

export function rankUnits(
  profile: MatchProfile,
  units: readonly MatchUnit[],
  points: readonly PointOfInterest[],
  rules: EligibilityRules,
): UnitMatch[] {
  const pois = indexPoints(points);
  const prepared = prepareProfile(profile, rules);
  // Keys computed once per unit rather than at every comparison of the sort.
  return units
    .map((u) => {
      const match = matchPrepared(prepared, u, pois);
      return { match, key: sortKey(match) };
    })
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.match);
}
