/**
 * The vocabulary of a person's file: the values each coded field accepts. Labels are in the
 * French catalogue (shared/i18n/fr/people.ts), keyed by these values.
 */
export const civilities = ['mme', 'm', 'mx'] as const;
export const contactChannels = ['phone', 'sms', 'email', 'letter', 'home_visit', 'through_caregiver'] as const;
export const tenures = ['owner', 'social_tenant', 'private_tenant', 'hosted', 'other'] as const;
export const dwellingTypes = ['flat', 'house', 'residence', 'other'] as const;
export const bathroomTypes = ['bathtub', 'shower_tray', 'walk_in_shower', 'bathtub_and_shower', 'none'] as const;
/** Household income bands of the Anah (MaPrimeAdapt' and most local aids use them). */
export const resourcesBands = ['very_modest', 'modest', 'intermediate', 'higher'] as const;
export const girSources = ['apa_assessment', 'pension_fund', 'doctor', 'self_reported', 'other', 'aggir_grid'] as const;
/** The source of a GIR computed in Demeure from an AGGIR assessment. */
export const AGGIR_GRID_SOURCE: GirSource = 'aggir_grid';
export const legalProtectionKinds = [
  'none',
  'safeguard_of_justice',
  'curatorship',
  'enhanced_curatorship',
  'guardianship',
  'family_authorisation',
  'future_protection_mandate',
] as const;
export const householdRelations = ['spouse', 'child', 'grandchild', 'sibling', 'other'] as const;
export const professionalKinds = [
  'gp',
  'nurse',
  'home_help_service',
  'physiotherapist',
  'pharmacist',
  'other',
] as const;
export const consentPurposes = ['case_team_sharing', 'data_processing', 'landlord_transmission', 'contact'] as const;

/** The consent that lets users of an organisation other than the owning one onto the case team. */
export const CASE_TEAM_SHARING: ConsentPurpose = 'case_team_sharing';

export const GIR_LEVELS = [1, 2, 3, 4, 5, 6] as const;

export type Civility = (typeof civilities)[number];
export type ContactChannel = (typeof contactChannels)[number];
export type Tenure = (typeof tenures)[number];
export type DwellingType = (typeof dwellingTypes)[number];
export type BathroomType = (typeof bathroomTypes)[number];
export type ResourcesBand = (typeof resourcesBands)[number];
export type GirSource = (typeof girSources)[number];
export type LegalProtectionKind = (typeof legalProtectionKinds)[number];
export type HouseholdRelation = (typeof householdRelations)[number];
export type ProfessionalKind = (typeof professionalKinds)[number];
export type ConsentPurpose = (typeof consentPurposes)[number];
