import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { listMatchableUnits, type MatchableUnit } from '#src/modules/housing/index.ts';
import { communeNameOf } from '#src/modules/platform/index.ts';
import type { OfferableUnit, OfferableUnitList } from '#src/modules/offers/api/offer.schema.ts';
import { landlordIdsOf } from '#src/modules/offers/service/scope.ts';

/** Enough choices to scan by eye; more words narrow them down. */
const MAX_CHOICES = 50;

const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The units the actor may offer, available now or later (vacant, notice, to deliver, works): a landlord's
 * staff their own organisation's, housing officers every landlord's, nobody else any. Every word of `q`
 * must appear in the programme, commune, typology, landlord's reference or landlord name, accents ignored.
 */
export async function offerableUnits(
  db: Db,
  actor: Actor,
  query: { q?: string; unitId?: string },
): Promise<OfferableUnitList> {
  const organizationIds = actor.permissions.has('housing.manage')
    ? undefined
    : actor.permissions.has('offer.respond')
      ? landlordIdsOf(actor)
      : [];
  if (organizationIds?.length === 0) return { items: [], total: 0 };
  const units = await listMatchableUnits(db, actor.workspaceId, { organizationIds });
  const communes = new Map(
    await Promise.all(
      [...new Set(units.map(placeOf))].map(async (code) => [code, (await communeNameOf(code)) ?? null] as const),
    ),
  );
  const words = folded(query.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const choices = units
    .map((unit) => toChoice(unit, communes.get(placeOf(unit)) ?? null))
    .filter((c) => {
      const text = folded([c.programmeName, c.communeName, c.typology, c.landlordUnitRef, c.landlordName].join(' '));
      return words.every((w) => text.includes(w));
    })
    .sort(
      (a, b) =>
        a.programmeName.localeCompare(b.programmeName, 'fr') ||
        a.landlordUnitRef.localeCompare(b.landlordUnitRef, 'fr', { numeric: true }),
    );
  const first = query.unitId ? units.find((u) => u.id === query.unitId) : undefined;
  const shown = choices.slice(0, MAX_CHOICES);
  if (first && !shown.some((c) => c.id === first.id))
    shown.unshift(toChoice(first, communes.get(placeOf(first)) ?? null));
  return { items: shown, total: choices.length };
}

/** The commune people name: the commune associée (Lomme) rather than the merged commune (Lille). */
const placeOf = (unit: MatchableUnit) => unit.historicCommuneInsee ?? unit.communeInsee;

const toChoice = (unit: MatchableUnit, communeName: string | null): OfferableUnit => ({
  id: unit.id,
  landlordUnitRef: unit.landlordUnitRef,
  programmeName: unit.programme.name,
  landlordName: unit.landlord.name,
  communeName,
  typology: unit.typology,
  floor: unit.floor,
  accessLevel: unit.accessLevel,
  status: unit.status,
  availableFrom: unit.availableFrom,
});
