import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { communeNameOf, findOrganization, isKnownCommune, listOrganizations } from '#src/modules/platform/index.ts';
import type {
  Residence,
  ResidenceInput,
  ResidenceList,
  ResidenceOptions,
  UnitInput,
} from '#src/modules/residences/api/residence.schema.ts';
import { occupancyRate, toCents } from '#src/modules/residences/domain/residence.ts';
import {
  closeOccupancy,
  findOpenOccupancy,
  findResidence,
  findUnit,
  hasUnitNumber,
  insertResidence,
  insertUnit,
  listResidences,
  updateResidence as updateResidenceRow,
  updateUnit as updateUnitRow,
  type ResidenceRow,
} from '#src/modules/residences/repo/residences.repo.ts';
import { buildResidenceView } from '#src/modules/residences/service/residence-view.ts';

const t = messages.residences;

export async function listResidencesForActor(db: Db, actor: Actor): Promise<ResidenceList> {
  const [rows, organizations] = await Promise.all([
    listResidences(db, actor.workspaceId),
    listOrganizations(db, actor.workspaceId),
  ]);
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  return {
    items: await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        name: r.name,
        communeName: await communeNameOf(r.communeInsee),
        managingOrganizationName: orgName.get(r.managingOrganizationId) ?? '',
        capacity: r.capacity,
        unitCount: r.unitCount,
        occupiedCount: r.occupiedCount,
        vacantCount: r.vacantCount,
        occupancyRate: occupancyRate(r.occupiedCount, r.unitCount),
        waitingCount: r.waitingCount,
      })),
    ),
    canManage: actor.permissions.has('housing.manage'),
  };
}

export async function residenceOptions(db: Db, actor: Actor): Promise<ResidenceOptions> {
  const organizations = await listOrganizations(db, actor.workspaceId);
  return { organizations: organizations.map((o) => ({ id: o.id, name: o.name })) };
}

export async function visibleResidence(db: Db, actor: Actor, id: string, forUpdate = false): Promise<ResidenceRow> {
  const residence = await findResidence(db, actor.workspaceId, id, { forUpdate });
  if (!residence) throw notFound();
  return residence;
}

export async function getResidence(db: Db, actor: Actor, id: string): Promise<Residence> {
  return buildResidenceView(db, actor, await visibleResidence(db, actor, id));
}

/** The columns a residence form writes, checked against the workspace's organisations and the commune list. */
async function residenceValues(db: Db, actor: Actor, input: ResidenceInput) {
  if (!(await findOrganization(db, actor.workspaceId, input.managingOrganizationId)))
    throw fieldError('managingOrganizationId', t.managerInvalid);
  if (!(await isKnownCommune(input.communeInsee))) throw fieldError('communeInsee', messages.validation.communeUnknown);
  return {
    managingOrganizationId: input.managingOrganizationId,
    name: input.name,
    addressLine: input.addressLine,
    communeInsee: input.communeInsee,
    finess: input.finess,
    capacity: input.capacity,
    girMin: input.girMin,
    girMax: input.girMax,
    minAge: input.minAge,
    otherConditions: input.otherConditions,
    services: input.services,
    monthlyPriceCents: toCents(input.monthlyPrice),
  };
}

export async function createResidence(
  db: Db,
  actor: Actor,
  input: ResidenceInput,
  requestId: string,
): Promise<{ id: string }> {
  const values = await residenceValues(db, actor, input);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertResidence(tx, { workspaceId: actor.workspaceId, id, ...values });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence.create',
      entityType: 'residence',
      entityId: id,
      changedFields: Object.keys(values).filter((k) => values[k as keyof typeof values] !== null),
      requestId,
    });
  });
  return { id };
}

export async function updateResidence(
  db: Db,
  actor: Actor,
  id: string,
  input: ResidenceInput,
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await visibleResidence(tx, actor, id, true);
    const values = await residenceValues(tx, actor, input);
    const changed = changedFieldsOf(before, values);
    if (changed.length === 0) return;
    await updateResidenceRow(tx, actor.workspaceId, id, values);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence.update',
      entityType: 'residence',
      entityId: id,
      changedFields: changed,
      requestId,
    });
  });
}

const unitValues = (input: UnitInput) => ({
  number: input.number,
  typology: input.typology,
  surfaceM2: input.surfaceM2,
  rentCents: toCents(input.rent),
});

export async function addUnit(
  db: Db,
  actor: Actor,
  residenceId: string,
  input: UnitInput,
  requestId: string,
): Promise<{ id: string }> {
  const id = newId();
  await db.transaction(async (tx) => {
    await visibleResidence(tx, actor, residenceId, true);
    if (await hasUnitNumber(tx, actor.workspaceId, residenceId, input.number))
      throw fieldError('number', t.unitNumberTaken);
    const values = { ...unitValues(input), status: input.status ?? 'vacant' };
    await insertUnit(tx, { workspaceId: actor.workspaceId, id, residenceId, ...values });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_unit.create',
      entityType: 'residence_unit',
      entityId: id,
      changedFields: Object.keys(values).filter((k) => values[k as keyof typeof values] !== null),
      requestId,
    });
  });
  return { id };
}

/** Edits a unit; an occupied unit keeps its status until its occupant's move out is recorded. */
export async function updateUnit(
  db: Db,
  actor: Actor,
  residenceId: string,
  unitId: string,
  input: UnitInput,
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await visibleResidence(tx, actor, residenceId, true);
    const unit = await findUnit(tx, actor.workspaceId, residenceId, unitId);
    if (!unit) throw notFound();
    if (await hasUnitNumber(tx, actor.workspaceId, residenceId, input.number, unitId))
      throw fieldError('number', t.unitNumberTaken);
    if (unit.status === 'occupied' && input.status) throw new AppError('conflict', { message: t.unitOccupiedStatus });
    const values = { ...unitValues(input), ...(input.status ? { status: input.status } : {}) };
    const changed = changedFieldsOf(unit, values);
    if (changed.length === 0) return;
    await updateUnitRow(tx, actor.workspaceId, unitId, values);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_unit.update',
      entityType: 'residence_unit',
      entityId: unitId,
      changedFields: changed,
      requestId,
    });
  });
}

/** The occupant leaves: the occupancy closes on that day and the unit becomes vacant, together. */
export async function recordMoveOut(
  db: Db,
  actor: Actor,
  residenceId: string,
  unitId: string,
  input: { movedOutOn: string },
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await visibleResidence(tx, actor, residenceId, true);
    const unit = await findUnit(tx, actor.workspaceId, residenceId, unitId);
    if (!unit) throw notFound();
    const occupancy = await findOpenOccupancy(tx, actor.workspaceId, unitId);
    if (!occupancy) throw new AppError('conflict', { message: t.unitNotOccupied });
    if (input.movedOutOn < occupancy.movedInOn) throw fieldError('movedOutOn', t.moveOutBeforeMoveIn);
    await closeOccupancy(tx, actor.workspaceId, occupancy.id, input.movedOutOn);
    await updateUnitRow(tx, actor.workspaceId, unitId, { status: 'vacant' });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'residence_unit.move_out',
      entityType: 'residence_unit',
      entityId: unitId,
      personId: occupancy.personId,
      changedFields: ['movedOutOn', 'status'],
      requestId,
    });
  });
}
