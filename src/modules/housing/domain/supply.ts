/** Reference values of the housing supply (reference/housing.md §5.1–5.4); labels live in the catalogue. */

export const legalCategories = ['oph', 'esh', 'coop_hlm', 'sem', 'association', 'other'] as const;
export type LegalCategory = (typeof legalCategories)[number];

/** Kinds of offer a landlord has, and kinds of programme (they drive the admission path). */
export const programmeKinds = [
  'ordinary',
  'senior_residence',
  'beguinage',
  'intergenerational',
  'residence_autonomie',
  'inclusive_housing',
  'asv_units',
] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

export const offerKinds = [
  'ordinary',
  'senior_residence',
  'beguinage',
  'residence_autonomie',
  'inclusive_housing',
] as const;
export type OfferKind = (typeof offerKinds)[number];

export const programmePhases = [
  'project',
  'approved',
  'works',
  'delivered',
  'rehabilitation_planned',
  'rehabilitation_ongoing',
] as const;
export type ProgrammePhase = (typeof programmePhases)[number];

export const contactRoles = [
  'allocations',
  'property_management',
  'senior_referent',
  'works',
  'direction',
  'other',
] as const;
export type ContactRole = (typeof contactRoles)[number];

export const programmeServices = [
  'caretaker',
  'host',
  'common_room',
  'activities',
  'telecare',
  'catering',
  'security_24h',
] as const;
export type ProgrammeService = (typeof programmeServices)[number];

export const typologies = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
export type Typology = (typeof typologies)[number];

export const financings = ['PLAI', 'PLUS', 'PLS', 'PLI', 'other'] as const;
export type Financing = (typeof financings)[number];

export const energyClasses = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type EnergyClass = (typeof energyClasses)[number];

export const unitStatuses = ['occupied', 'notice', 'vacant', 'works', 'to_deliver', 'allocated'] as const;

/**
 * Adaptation works a landlord may do before move-in, coded so that matching knows which obstacle
 * each one lifts (a step-free shower for a bathtub, wider doors, a ramp for entrance steps).
 */
export const adaptationWorks = [
  'step_free_shower',
  'widen_doors',
  'entrance_ramp',
  'grab_bars',
  'raised_wc',
  'motorised_shutters',
] as const;
export type AdaptationWork = (typeof adaptationWorks)[number];
export type UnitStatus = (typeof unitStatuses)[number];
/** Statuses of a unit that is available now or will be: the ones matching ranks. */
export const matchableStatuses = ['vacant', 'notice', 'to_deliver', 'works'] as const satisfies readonly UnitStatus[];

export const showerTypes = ['bathtub', 'high_tray', 'extra_flat', 'walk_in'] as const;
export type ShowerType = (typeof showerTypes)[number];

export const shutterKinds = ['manual', 'motorised'] as const;
export type ShutterKind = (typeof shutterKinds)[number];

export const checkMethods = ['visit', 'landlord', 'declared'] as const;
export type CheckMethod = (typeof checkMethods)[number];

export type UnitsPlannedRow = { typology: Typology; financing: Financing; count: number };
export type ProgrammeLabel = { label: string; awardedOn: string | null };
