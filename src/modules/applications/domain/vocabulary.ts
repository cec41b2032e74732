/** The closed vocabularies of a social-housing application (housing reference §5.7), pure and shared with the UI. */
import type { ProgrammeService } from '#src/modules/housing/index.ts';

export const applicationSystems = ['sne', 'sde'] as const;
export type ApplicationSystem = (typeof applicationSystems)[number];

export const applicationStatuses = [
  'active',
  'to_renew',
  'struck_off_allocation',
  'struck_off_not_renewed',
  'struck_off_abandoned',
  'inadmissible',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
/** Applications still looking for a home: the matching and the reverse view of a unit count only these. */
export const liveStatuses: readonly ApplicationStatus[] = ['active', 'to_renew'];

export const typologies = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
export type Typology = (typeof typologies)[number];

/**
 * Programme services a person may wish for: the housing module's vocabulary, copied because pages may not load
 * another module at run time (typed against it; a test checks that none is missing).
 */
export const wishableServices = [
  'caretaker',
  'host',
  'common_room',
  'activities',
  'telecare',
  'catering',
  'security_24h',
] as const satisfies readonly ProgrammeService[];
export type WishableService = (typeof wishableServices)[number];

/** The walking aid of the CERFA handicap complement. */
export const walkingAids = ['none', 'cane', 'walker', 'manual_wheelchair', 'electric_wheelchair'] as const;
export type WalkingAid = (typeof walkingAids)[number];
export const wheelchairs: readonly WalkingAid[] = ['manual_wheelchair', 'electric_wheelchair'];

export const floorPreferences = ['ground', 'upper'] as const;
export type FloorPreference = (typeof floorPreferences)[number];

/** Criteria the person weighs from 0 (indifferent) to 5 (essential), with the referent. */
export const preferenceKeys = [
  'near_doctor',
  'near_pharmacy',
  'near_shops',
  'near_transit',
  'near_family',
  'same_neighbourhood',
  'second_bedroom',
  'floor',
  'outdoor_space',
  'services',
  'cost_margin',
  'energy_class',
] as const;
export type PreferenceKey = (typeof preferenceKeys)[number];
export type PreferenceWeights = Partial<Record<PreferenceKey, number>>;
export const MAX_WEIGHT = 5;

export const poiKinds = ['doctor', 'pharmacy', 'food_shop', 'transit_stop', 'town_hall', 'park'] as const;
export type PoiKind = (typeof poiKinds)[number];

/** Days before expiry when the referent is reminded to renew (housing reference §5.7). */
export const renewalReminderDays = [60, 30] as const;

/** An application lasts one year from its filing or its last renewal (housing reference §3.1). */
export function expiryOf(firstFiledOn: string, lastRenewedOn: string | null): string {
  const from = lastRenewedOn ?? firstFiledOn;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February + 1 year: JavaScript rolls over to 1 March, which is what an anniversary means here.
  return next.toISOString().slice(0, 10);
}
