/** Pure rules of résidences autonomie: units, occupancy, admission conditions and the waiting list's order. */

export const unitTypologies = ['T1', 'T1bis', 'T2'] as const;
export type UnitTypology = (typeof unitTypologies)[number];

export const unitStatuses = ['occupied', 'vacant', 'renovation', 'reserved'] as const;
export type UnitStatus = (typeof unitStatuses)[number];
/** Statuses set by hand; `occupied` follows an admission and ends with a move out. */
export const settableUnitStatuses = ['vacant', 'renovation', 'reserved'] as const;

export const waitingStatuses = ['waiting', 'offered', 'admitted', 'withdrawn'] as const;
export type WaitingStatus = (typeof waitingStatuses)[number];
/** Statuses an entry may be given directly; admission goes through its own action, which assigns a unit. */
export const settableWaitingStatuses = ['waiting', 'offered', 'withdrawn'] as const;
export type SettableWaitingStatus = (typeof settableWaitingStatuses)[number];

export const isActiveEntry = (status: string) => status === 'waiting' || status === 'offered';

/** FINESS numbers are 9 digits; no key is checked, as the references name none. */
export const isFinessFormat = (value: string) => /^\d{9}$/.test(value);

export type GirRange = { girMin: number; girMax: number };

/**
 * How a person's GIR on file compares with the residence's admission range: `unknown` when the file
 * holds none (nothing to warn about), `outside` asks for a justification before going on.
 */
export function girFit(gir: number | null, range: GirRange): 'unknown' | 'inside' | 'outside' {
  if (gir === null) return 'unknown';
  return gir >= range.girMin && gir <= range.girMax ? 'inside' : 'outside';
}

/** Occupied units over all units, as a whole percentage; null for a residence without units yet. */
export function occupancyRate(occupied: number, total: number): number | null {
  return total === 0 ? null : Math.round((occupied / total) * 100);
}

export type PositionChange = { id: string; from: number; to: number };

/**
 * Moves one entry of an ordered list (ids, first = position 1) to `toPosition` (clamped to the
 * list), shifting the ones in between. Returns every entry whose position changed.
 */
export function moveEntry(orderedIds: readonly string[], entryId: string, toPosition: number): PositionChange[] {
  const from = orderedIds.indexOf(entryId);
  if (from < 0) throw new Error(`entry ${entryId} is not in the list`);
  const to = Math.min(Math.max(Math.trunc(toPosition), 1), orderedIds.length) - 1;
  const next = [...orderedIds];
  next.splice(from, 1);
  next.splice(to, 0, entryId);
  return changesBetween(orderedIds, next);
}

/** Closes the gap an entry leaves when it goes off the list (admitted or withdrawn). */
export function removeEntry(orderedIds: readonly string[], entryId: string): PositionChange[] {
  return changesBetween(
    orderedIds,
    orderedIds.filter((id) => id !== entryId),
  );
}

function changesBetween(before: readonly string[], after: readonly string[]): PositionChange[] {
  const was = new Map(before.map((id, i) => [id, i + 1]));
  return after.flatMap((id, i) => (was.get(id) === i + 1 ? [] : [{ id, from: was.get(id)!, to: i + 1 }]));
}

/** Which direct status changes make sense; anything else is refused with a message next to the field. */
export function canSetStatus(from: WaitingStatus, to: SettableWaitingStatus): boolean {
  if (!isActiveEntry(from)) return false;
  return from !== to;
}

/** Euros as typed (a number with at most two decimals) to cents, and back. */
export const toCents = (euros: number | null) => (euros === null ? null : Math.round(euros * 100));
export const toEuros = (cents: number | null) => (cents === null ? null : cents / 100);
