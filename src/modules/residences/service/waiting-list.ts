import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { findPersonForActor, girOnFileForActor } from '#src/modules/people/index.ts';
import type { AdmitInput, StatusInput, WaitingEntryInput } from '#src/modules/residences/api/residence.schema.ts';
import {
  canSetStatus,
  girFit,
  isActiveEntry,
  moveEntry,
  removeEntry,
  type PositionChange,
  type WaitingStatus,
} from '#src/modules/residences/domain/residence.ts';
import {
  findOpenOccupancy,
  findUnit,
  findWaitingEntry,
  hasActiveEntry,
  insertOccupancy,
  insertWaitingEntry,
  insertWaitingEvents,
  listActiveEntryIds,
  personHasOpenOccupancy,
  updateUnit,
  updateWaitingEntry,
  type ResidenceRow,
  type WaitingEntryRow,
  type WaitingEventInsert,
} from '#src/modules/residences/repo/residences.repo.ts';
import { visibleResidence } from '#src/modules/residences/service/residences.ts';

const t = messages.residences;

/**
 * The GIR check of an admission condition: a GIR on file outside the residence's range needs a
 * justification, which is kept on the entry. The value itself is shown only to readers of sensitive data.
 */
async function checkedGirJustification(
  tx: Db,
  actor: Actor,
  residence: ResidenceRow,
  personId: string,
  justification: string | null,
): Promise<string | null> {
  const gir = await girOnFileForActor(tx, actor, personId);
  if (girFit(gir, residence) !== 'outside') return null;
  if (!justification)
    throw fieldError(
      'girJustification',
      t.girOutside(
        t.girRange(residence.girMin, residence.girMax),
        actor.permissions.has('person.read_sensitive') ? gir : null,
      ),
    );
  return justification;
}

/** One line of an entry's history, by the actor, now. */
const event = (
  actor: Actor,
  entryId: string,
  values: Omit<WaitingEventInsert, 'workspaceId' | 'id' | 'entryId' | 'actorUserId'>,
): WaitingEventInsert => ({
  workspaceId: actor.workspaceId,
  id: newId(),
  entryId,
  actorUserId: actor.userId,
  ...values,
});

/** Writes the new positions and one history line per entry that moved. */
async function applyPositions(tx: Db, actor: Actor, changes: PositionChange[], reason: string | null = null) {
  for (const c of changes) await updateWaitingEntry(tx, actor.workspaceId, c.id, { position: c.to });
  await insertWaitingEvents(
    tx,
    changes.map((c) => event(actor, c.id, { kind: 'moved', fromPosition: c.from, toPosition: c.to, reason })),
  );
}

export async function addWaitingEntry(
  db: Db,
  actor: Actor,
  residenceId: string,
  input: WaitingEntryInput,
  requestId: string,
): Promise<{ id: string }> {
  const id = newId();
  await db.transaction(async (tx) => {
    const residence = await visibleResidence(tx, actor, residenceId, true);
    if (!(await findPersonForActor(tx, actor, input.personId))) throw fieldError('personId', t.personUnknown);
    if (await hasActiveEntry(tx, actor.workspaceId, residenceId, input.personId))
      throw fieldError('personId', t.alreadyWaiting);
    const girJustification = await checkedGirJustification(
      tx,
      actor,
      residence,
      input.personId,
      input.girJustification,
    );
    const position = (await listActiveEntryIds(tx, actor.workspaceId, residenceId)).length + 1;
    await insertWaitingEntry(tx, {
      workspaceId: actor.workspaceId,
      id,
      residenceId,
      personId: input.personId,
      requestedOn: input.requestedOn,
      wishedTypology: input.wishedTypology,
      position,
      status: 'waiting',
      girJustification,
      createdBy: actor.userId,
    });
    await insertWaitingEvents(tx, [
      event(actor, id, { kind: 'added', toPosition: position, toStatus: 'waiting', reason: girJustification }),
    ]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_waiting_entry.create',
      entityType: 'residence_waiting_entry',
      entityId: id,
      personId: input.personId,
      changedFields: [
        'personId',
        'requestedOn',
        'position',
        'status',
        ...(input.wishedTypology ? ['wishedTypology'] : []),
        ...(girJustification ? ['girJustification'] : []),
      ],
      requestId,
    });
  });
  return { id };
}

/** An active entry of a locked residence; a closed one can no longer move nor change status. */
async function activeEntry(tx: Db, actor: Actor, residenceId: string, entryId: string) {
  const residence = await visibleResidence(tx, actor, residenceId, true);
  const entry = await findWaitingEntry(tx, actor.workspaceId, residenceId, entryId);
  if (!entry) throw notFound();
  if (!isActiveEntry(entry.status)) throw new AppError('conflict', { message: t.entryClosed });
  return { residence, entry };
}

/** Puts an entry at another position (buttons move it by one); the entries in between shift by one. */
export async function moveWaitingEntry(
  db: Db,
  actor: Actor,
  residenceId: string,
  entryId: string,
  input: { toPosition: number },
  requestId: string,
): Promise<{ position: number }> {
  return db.transaction(async (tx) => {
    const { entry } = await activeEntry(tx, actor, residenceId, entryId);
    const order = await listActiveEntryIds(tx, actor.workspaceId, residenceId);
    const changes = moveEntry(order, entryId, input.toPosition);
    if (changes.length === 0) return { position: entry.position! };
    await applyPositions(tx, actor, changes);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_waiting_entry.move',
      entityType: 'residence_waiting_entry',
      entityId: entryId,
      personId: entry.personId,
      changedFields: ['position'],
      requestId,
    });
    return { position: changes.find((c) => c.id === entryId)!.to };
  });
}

/** Takes an entry off the list (admitted or withdrawn): it loses its position and the gap closes. */
async function closeEntry(
  tx: Db,
  actor: Actor,
  entry: WaitingEntryRow,
  to: WaitingStatus,
  values: { statusReason?: string | null; girJustification?: string | null },
) {
  const order = await listActiveEntryIds(tx, actor.workspaceId, entry.residenceId);
  await updateWaitingEntry(tx, actor.workspaceId, entry.id, { status: to, position: null, ...values });
  await insertWaitingEvents(tx, [
    event(actor, entry.id, {
      kind: 'status',
      fromStatus: entry.status,
      toStatus: to,
      fromPosition: entry.position,
      reason: values.statusReason ?? values.girJustification ?? null,
    }),
  ]);
  await applyPositions(tx, actor, removeEntry(order, entry.id));
}

export async function setWaitingStatus(
  db: Db,
  actor: Actor,
  residenceId: string,
  entryId: string,
  input: StatusInput,
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { entry } = await activeEntry(tx, actor, residenceId, entryId);
    if (!canSetStatus(entry.status as WaitingStatus, input.status)) throw fieldError('status', t.statusNotAllowed);
    if (input.status === 'withdrawn') {
      await closeEntry(tx, actor, entry, 'withdrawn', { statusReason: input.reason });
    } else {
      await updateWaitingEntry(tx, actor.workspaceId, entryId, { status: input.status, statusReason: input.reason });
      await insertWaitingEvents(tx, [
        event(actor, entryId, {
          kind: 'status',
          fromStatus: entry.status,
          toStatus: input.status,
          reason: input.reason,
        }),
      ]);
    }
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_waiting_entry.status',
      entityType: 'residence_waiting_entry',
      entityId: entryId,
      personId: entry.personId,
      changedFields: [
        'status',
        ...(input.reason ? ['statusReason'] : []),
        ...(input.status === 'withdrawn' ? ['position'] : []),
      ],
      requestId,
    });
  });
}

/**
 * Admits the person of an entry into a vacant (or reserved) unit of the same residence, in one
 * transaction: the occupancy opens, the unit becomes occupied, the entry leaves the list and the
 * list closes its gap. A unit taken meanwhile answers 409 and nothing is written.
 */
export async function admitWaitingEntry(
  db: Db,
  actor: Actor,
  residenceId: string,
  entryId: string,
  input: AdmitInput,
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { residence, entry } = await activeEntry(tx, actor, residenceId, entryId);
    // Housing someone writes about them: only a reader of their file may do it.
    if (!(await findPersonForActor(tx, actor, entry.personId))) throw notFound();
    const unit = await findUnit(tx, actor.workspaceId, residenceId, input.unitId);
    if (!unit) throw fieldError('unitId', t.unitUnknown);
    if (
      (unit.status !== 'vacant' && unit.status !== 'reserved') ||
      (await findOpenOccupancy(tx, actor.workspaceId, unit.id))
    )
      throw new AppError('conflict', { message: t.unitTaken, details: { unitStatus: unit.status } });
    if (await personHasOpenOccupancy(tx, actor.workspaceId, entry.personId))
      throw new AppError('conflict', { message: t.alreadyHoused });
    const girJustification = await checkedGirJustification(
      tx,
      actor,
      residence,
      entry.personId,
      input.girJustification,
    );
    const occupancyId = newId();
    await insertOccupancy(tx, {
      workspaceId: actor.workspaceId,
      id: occupancyId,
      unitId: unit.id,
      personId: entry.personId,
      movedInOn: input.movedInOn,
    });
    await updateUnit(tx, actor.workspaceId, unit.id, { status: 'occupied' });
    await closeEntry(tx, actor, entry, 'admitted', girJustification ? { girJustification } : {});
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_waiting_entry.admit',
      entityType: 'residence_waiting_entry',
      entityId: entryId,
      personId: entry.personId,
      changedFields: ['status', 'position', ...(girJustification ? ['girJustification'] : [])],
      requestId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_unit.move_in',
      entityType: 'residence_unit',
      entityId: unit.id,
      personId: entry.personId,
      changedFields: ['movedInOn', 'occupant', 'status'],
      requestId,
    });
  });
}
