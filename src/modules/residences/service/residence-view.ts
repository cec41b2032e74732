import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { communeNameOf, findOrganization, listMemberRows } from '#src/modules/platform/index.ts';
import { findPersonForActor } from '#src/modules/people/index.ts';
import type { Residence, WaitingEntry } from '#src/modules/residences/api/residence.schema.ts';
import { occupancyRate, toEuros, type UnitTypology } from '#src/modules/residences/domain/residence.ts';
import {
  listOccupancies,
  listUnits,
  listWaitingEntries,
  listWaitingEvents,
  type ResidenceRow,
  type WaitingEntryRow,
  type WaitingEventRow,
} from '#src/modules/residences/repo/residences.repo.ts';

type PersonRef = { id: string; name: string } | null;

/**
 * The names of the persons the reader may see, under the people module's rule; the others come
 * back as null and the page says "dossier non accessible".
 */
async function visiblePersons(db: Db, actor: Actor, personIds: string[]): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(personIds)];
  const found = await Promise.all(unique.map((id) => findPersonForActor(db, actor, id)));
  return new Map(
    unique.map((id, i) => [id, found[i] ? { id, name: `${found[i].firstName} ${found[i].lastName}` } : null]),
  );
}

function entryView(
  entry: WaitingEntryRow,
  person: PersonRef,
  events: WaitingEventRow[],
  userName: Map<string, string>,
): WaitingEntry {
  // What was written about the person (reasons, justification) goes with the name, to the same readers.
  const shown = person !== null;
  return {
    id: entry.id,
    position: entry.position,
    status: entry.status,
    statusReason: shown ? entry.statusReason : null,
    requestedOn: entry.requestedOn,
    wishedTypology: entry.wishedTypology,
    person,
    girJustification: shown ? entry.girJustification : null,
    history: events.map((e) => ({
      at: e.at.toISOString(),
      actorName: e.actorUserId ? (userName.get(e.actorUserId) ?? null) : null,
      kind: e.kind as 'added' | 'moved' | 'status',
      fromPosition: e.fromPosition,
      toPosition: e.toPosition,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: shown ? e.reason : null,
    })),
  };
}

/** A residence as its page shows it: facts, conditions, units with occupants, the list and its history. */
export async function buildResidenceView(db: Db, actor: Actor, residence: ResidenceRow): Promise<Residence> {
  const ws = actor.workspaceId;
  const [units, entries, organization, communeName, members] = await Promise.all([
    listUnits(db, ws, residence.id),
    listWaitingEntries(db, ws, residence.id),
    findOrganization(db, ws, residence.managingOrganizationId),
    communeNameOf(residence.communeInsee),
    listMemberRows(db, ws),
  ]);
  const [occupancies, events] = await Promise.all([
    listOccupancies(
      db,
      ws,
      units.map((u) => u.id),
    ),
    listWaitingEvents(
      db,
      ws,
      entries.map((e) => e.id),
    ),
  ]);
  const open = new Map(occupancies.filter((o) => o.movedOutOn === null).map((o) => [o.unitId, o]));
  const lastOut = new Map<string, string>();
  for (const o of occupancies)
    if (o.movedOutOn && (lastOut.get(o.unitId) ?? '') < o.movedOutOn) lastOut.set(o.unitId, o.movedOutOn);
  const persons = await visiblePersons(db, actor, [
    ...[...open.values()].map((o) => o.personId),
    ...entries.map((e) => e.personId),
  ]);
  const userName = new Map(members.map((m) => [m.userId, m.name]));
  const eventsOf = new Map<string, WaitingEventRow[]>();
  for (const e of events) eventsOf.set(e.entryId, [...(eventsOf.get(e.entryId) ?? []), e]);
  const views = entries.map((e) => entryView(e, persons.get(e.personId) ?? null, eventsOf.get(e.id) ?? [], userName));
  const occupiedCount = units.filter((u) => u.status === 'occupied').length;
  return {
    id: residence.id,
    name: residence.name,
    managingOrganizationId: residence.managingOrganizationId,
    managingOrganizationName: organization?.name ?? '',
    addressLine: residence.addressLine,
    communeInsee: residence.communeInsee,
    communeName,
    finess: residence.finess,
    capacity: residence.capacity,
    girMin: residence.girMin,
    girMax: residence.girMax,
    minAge: residence.minAge,
    otherConditions: residence.otherConditions,
    services: residence.services,
    monthlyPrice: toEuros(residence.monthlyPriceCents),
    occupiedCount,
    occupancyRate: occupancyRate(occupiedCount, units.length),
    units: units.map((u) => {
      const occupancy = open.get(u.id);
      return {
        id: u.id,
        number: u.number,
        typology: u.typology as UnitTypology,
        surfaceM2: u.surfaceM2,
        rent: toEuros(u.rentCents),
        status: u.status,
        occupant: occupancy
          ? { person: persons.get(occupancy.personId) ?? null, movedInOn: occupancy.movedInOn }
          : null,
        lastMovedOutOn: occupancy ? null : (lastOut.get(u.id) ?? null),
      };
    }),
    waitingList: views.filter((v) => v.position !== null),
    closedEntries: views.filter((v) => v.position === null),
    canManage: actor.permissions.has('housing.manage'),
  };
}
