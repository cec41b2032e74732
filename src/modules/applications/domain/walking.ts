/**
 * Walking time from coordinates, offline (docs/decisions: the walking-time method): the great-circle
 * distance lengthened by a detour factor for the street grid, walked at an older person's pace.
 */

/** Streets are not straight lines: 1.3 is the factor the housing reference (§8) gives for offline estimates. */
export const DETOUR_FACTOR = 1.3;
/**
 * 0.75 m/s (45 m a minute): the mean gait speed measured for adults aged 75–84 at risk of mobility
 * disability (0.75 m/s; 0.76 m/s for all ages ≥ 65), slower than the 0.8–0.9 m/s of the general
 * population over 65 — see the decision record for the sources.
 */
export const SENIOR_WALKING_SPEED_M_PER_S = 0.75;

const EARTH_RADIUS_M = 6_371_000;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export type Coordinates = { lat: number; lon: number };

/** Haversine distance in metres. */
export function greatCircleMetres(a: Coordinates, b: Coordinates): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated walking minutes (unrounded). */
export function walkingMinutes(a: Coordinates, b: Coordinates): number {
  return (greatCircleMetres(a, b) * DETOUR_FACTOR) / SENIOR_WALKING_SPEED_M_PER_S / 60;
}

/** What the UI shows: whole minutes, at least 1 (a neighbour's door is not "0 min"). */
export const displayedMinutes = (minutes: number) => Math.max(1, Math.round(minutes));
