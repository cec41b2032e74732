import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { communeNameOf, findCommune, findOrganization, listOrganizations } from '#src/modules/platform/index.ts';
import type {
  Building,
  BuildingInput,
  ProgrammeDetail,
  ProgrammeInput,
  ProgrammeList,
  UnitDetail,
  UnitInput,
  UnitList,
  UnitListItem,
  UnitListQuery,
} from '#src/modules/housing/api/housing.schema.ts';
import {
  buildingMeasuresOf,
  deriveAccessLevel,
  findBuildingContradictions,
  findContradictions,
  liftToLanding,
  stepsToDoor,
  unitMeasuresOf,
  type ContradictionCode,
  type MeasurementContradiction,
} from '#src/modules/housing/domain/access-level.ts';
import { photoProblem } from '#src/modules/housing/domain/photo.ts';
import { housingScopeOf, scopeIncludes, type HousingScope } from '#src/modules/housing/domain/scope.ts';
import type { ProgrammeKind, ProgrammePhase, Typology, UnitStatus } from '#src/modules/housing/domain/supply.ts';
import {
  buildingsOfProgramme,
  findBuilding,
  findPhoto,
  insertPhoto,
  deletePhoto,
  findProgramme,
  findUnit,
  insertBuilding,
  insertProgramme,
  insertUnit,
  listProgrammes,
  listUnits,
  photosOfProgramme,
  setUnitLevels,
  unitsOfBuilding,
  updateBuildingIfVersion,
  updateProgrammeIfVersion,
  updateUnitIfVersion,
} from '#src/modules/housing/repo/supply.repo.ts';
import { interiorOf, type BuildingRecord, type UnitRecord } from '#src/modules/housing/repo/units.repo.ts';
import { landlordNames } from '#src/modules/housing/service/unit-contracts.ts';

const t = messages.housing;

const stale = () => new AppError('conflict', { message: t.conflict.stale });

const contradictionError = (found: MeasurementContradiction[]) =>
  new AppError('validation_failed', {
    issues: found.map((c): FieldIssue => ({ path: c.path, message: t.contradictions[c.code] })),
  });

/** Commune names for display: the commune associée (Lomme) when there is one, else the commune. */
async function communeLabels(codes: Iterable<string | null>): Promise<Map<string, string | null>> {
  const distinct = [...new Set([...codes].filter((c): c is string => !!c))];
  const names = await Promise.all(distinct.map(async (code) => [code, await communeNameOf(code)] as const));
  return new Map(names);
}
const placeOf = (p: { communeInsee: string; historicCommuneInsee: string | null }) =>
  p.historicCommuneInsee ?? p.communeInsee;

/** The INSEE code chosen in a form, resolved to the commune and, for a commune associée, its chef-lieu. */
async function resolveCommune(code: string) {
  const commune = await findCommune(code);
  if (!commune) throw fieldError('communeInsee', messages.validation.communeUnknown);
  if ((commune.type === 'commune-associee' || commune.type === 'commune-deleguee') && commune.chefLieu)
    return { communeInsee: commune.chefLieu, historicCommuneInsee: commune.code };
  return { communeInsee: commune.code, historicCommuneInsee: null };
}

const canWrite = (actor: Actor, scope: HousingScope, organizationId: string) =>
  actor.permissions.has('housing.supply') && scopeIncludes(scope, organizationId);

async function programmeInScope(db: Db, actor: Actor, id: string) {
  const programme = await findProgramme(db, actor.workspaceId, id);
  if (!programme || !scopeIncludes(housingScopeOf(actor), programme.organizationId)) throw notFound();
  return programme;
}

// ---- Reads

export async function listUnitsForActor(db: Db, actor: Actor, query: UnitListQuery): Promise<UnitList> {
  const scope = housingScopeOf(actor);
  const { limit, offset, ...filter } = query;
  const [result, names] = await Promise.all([
    listUnits(db, scope, filter, { limit, offset }),
    landlordNames(db, actor.workspaceId),
  ]);
  const communes = await communeLabels([...result.items.map(placeOf), filter.communeInsee ?? null]);
  const landlordIds = scope.allLandlords ? null : new Set(scope.organizationIds);
  const landlords = (await landlordList(db, actor.workspaceId)).filter((l) => !landlordIds || landlordIds.has(l.id));
  return {
    items: result.items.map((row) => toListItem(row, names, communes)),
    total: result.total,
    byLevel: result.byLevel.map((c) => ({ key: c.key, count: Number(c.count) })),
    byStatus: result.byStatus.map((c) => ({ key: c.key, count: Number(c.count) })),
    landlords,
    communeName: filter.communeInsee ? (communes.get(filter.communeInsee) ?? null) : null,
    canAddProgrammes: actor.permissions.has('housing.supply'),
  };
}

async function landlordList(db: Db, workspaceId: string) {
  const orgs = await listOrganizations(db, workspaceId);
  return orgs.filter((o) => o.kind === 'landlord').map((o) => ({ id: o.id, name: o.name }));
}

type ListRow = Awaited<ReturnType<typeof listUnits>>['items'][number];
function toListItem(row: ListRow, names: Map<string, string>, communes: Map<string, string | null>): UnitListItem {
  return {
    id: row.id,
    landlordUnitRef: row.landlordUnitRef,
    programmeId: row.programmeId,
    programmeName: row.programmeName,
    programmeKind: row.programmeKind as ProgrammeKind,
    landlordName: names.get(row.organizationId) ?? '',
    communeName: communes.get(placeOf(row)) ?? null,
    floor: row.floor,
    typology: row.typology as Typology,
    rentEur: row.rentEur,
    chargesEur: row.chargesEur,
    accessLevel: row.accessLevel as UnitListItem['accessLevel'],
    status: row.status as UnitStatus,
    availableFrom: row.availableFrom,
  };
}

export async function listProgrammesForActor(db: Db, actor: Actor, organizationId?: string): Promise<ProgrammeList> {
  const rows = await listProgrammes(db, housingScopeOf(actor), organizationId);
  const [names, communes] = await Promise.all([landlordNames(db, actor.workspaceId), communeLabels(rows.map(placeOf))]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as ProgrammeKind,
      phase: r.phase as ProgrammePhase,
      landlordName: names.get(r.organizationId) ?? '',
      communeName: communes.get(placeOf(r)) ?? null,
      unitCount: Number(r.unitCount),
    })),
  };
}

const toBuilding = (b: BuildingRecord): Building => ({
  id: b.id,
  entranceLabel: b.entranceLabel,
  addressLine: b.addressLine,
  floorsAboveGround: b.floorsAboveGround,
  stepsStreetToLobby: b.stepsStreetToLobby,
  rampPresent: b.rampPresent,
  rampSlopePct: b.rampSlopePct,
  rampHandrail: b.rampHandrail,
  entranceHandrail: b.entranceHandrail,
  entranceDoorAutomatic: b.entranceDoorAutomatic,
  entranceDoorClearWidthCm: b.entranceDoorClearWidthCm,
  liftCount: b.liftCount,
  liftServesAllLandings: b.liftServesAllLandings,
  liftHalfLevelSteps: b.liftHalfLevelSteps,
  liftCabinWidthCm: b.liftCabinWidthCm,
  liftCabinDepthCm: b.liftCabinDepthCm,
  stairHandrails: b.stairHandrails,
  automaticLighting: b.automaticLighting,
  mailboxesReachable: b.mailboxesReachable,
  disabledParking: b.disabledParking,
  lastCheckOn: b.lastCheckOn,
  lastCheckMethod: b.lastCheckMethod as Building['lastCheckMethod'],
  version: b.version,
});

export async function getProgrammeForActor(db: Db, actor: Actor, id: string): Promise<ProgrammeDetail> {
  const programme = await programmeInScope(db, actor, id);
  const scope = housingScopeOf(actor);
  const [buildingRows, unitRows, photos, names] = await Promise.all([
    buildingsOfProgramme(db, actor.workspaceId, id),
    listUnits(db, scope, { programmeId: id }, { limit: 5000, offset: 0 }),
    photosOfProgramme(db, actor.workspaceId, id),
    landlordNames(db, actor.workspaceId),
  ]);
  const communes = await communeLabels([placeOf(programme)]);
  return {
    id: programme.id,
    organizationId: programme.organizationId,
    landlordName: names.get(programme.organizationId) ?? '',
    name: programme.name,
    kind: programme.kind as ProgrammeKind,
    phase: programme.phase as ProgrammePhase,
    addressLine: programme.addressLine,
    postalCode: programme.postalCode,
    communeInsee: programme.communeInsee,
    historicCommuneInsee: programme.historicCommuneInsee,
    communeName: communes.get(placeOf(programme)) ?? null,
    latitude: programme.latitude,
    longitude: programme.longitude,
    deliveryDate: programme.deliveryDate,
    unitsPlanned: programme.unitsPlanned,
    services: programme.services,
    labels: programme.labels,
    qpv: programme.qpv,
    version: programme.version,
    buildings: buildingRows.map(toBuilding),
    units: unitRows.items.map((row) => toListItem(row, names, communes)),
    photos,
    canEdit: canWrite(actor, scope, programme.organizationId),
  };
}

function unitValues(u: UnitRecord): UnitDetail['values'] {
  return {
    ...interiorOf(u),
    buildingId: u.buildingId,
    landlordUnitRef: u.landlordUnitRef,
    rplsId: u.rplsId,
    floor: u.floor,
    typology: u.typology as Typology,
    bedrooms: u.bedrooms,
    surfaceM2: u.surfaceM2,
    individualHouse: u.individualHouse,
    financing: u.financing as UnitDetail['values']['financing'],
    rentEur: u.rentEur,
    chargesEur: u.chargesEur,
    chargesIncludeHeating: u.chargesIncludeHeating,
    energyClass: u.energyClass as UnitDetail['values']['energyClass'],
    status: u.status as UnitStatus,
    availableFrom: u.availableFrom,
    stepFreeAccessDeclared: u.stepFreeAccessDeclared,
    personalisedFittings: u.personalisedFittings,
    worksFeasible: u.worksFeasible,
    works: u.works,
    worksLandlordCommitment: u.worksLandlordCommitment,
  };
}

export async function getUnitForActor(db: Db, actor: Actor, id: string): Promise<UnitDetail> {
  const unit = await findUnit(db, actor.workspaceId, id);
  const scope = housingScopeOf(actor);
  if (!unit || !scopeIncludes(scope, unit.organizationId)) throw notFound();
  const [building, programme, names] = await Promise.all([
    findBuilding(db, actor.workspaceId, unit.buildingId),
    findProgramme(db, actor.workspaceId, unit.programmeId),
    landlordNames(db, actor.workspaceId),
  ]);
  if (!building || !programme) throw notFound();
  const bm = buildingMeasuresOf(building);
  const um = unitMeasuresOf(unit);
  const derivation = deriveAccessLevel(bm, um);
  const communes = await communeLabels([placeOf(programme)]);
  return {
    id: unit.id,
    programmeId: programme.id,
    programmeName: programme.name,
    organizationId: unit.organizationId,
    landlordName: names.get(unit.organizationId) ?? '',
    communeName: communes.get(placeOf(programme)) ?? null,
    building: toBuilding(building),
    values: unitValues(unit),
    version: unit.version,
    accessLevel: derivation.level,
    accessFlags: derivation.flags,
    derivation: { checks: derivation.checks, decisive: derivation.decisive, toVerify: derivation.toVerify },
    stepsToDoor: stepsToDoor(bm, um),
    liftToLanding: liftToLanding(bm, um),
    canEdit: canWrite(actor, scope, unit.organizationId),
  };
}

// ---- Writes (housing.supply; landlord staff on their own organisation's rows only)

async function checkLandlord(db: Db, actor: Actor, organizationId: string) {
  const scope = housingScopeOf(actor);
  if (!scopeIncludes(scope, organizationId)) throw fieldError('organizationId', t.validation.landlordNotYours);
  const org = await findOrganization(db, actor.workspaceId, organizationId);
  if (org?.kind !== 'landlord') throw fieldError('organizationId', t.validation.landlordUnknown);
}

export async function createProgramme(db: Db, actor: Actor, input: ProgrammeInput, requestId: string) {
  await checkLandlord(db, actor, input.organizationId);
  const place = await resolveCommune(input.communeInsee);
  const { version: _version, ...values } = input;
  const id = newId();
  await db.transaction(async (tx) => {
    await insertProgramme(tx, {
      ...values,
      ...place,
      workspaceId: actor.workspaceId,
      id,
      createdBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'programme.create',
      entityType: 'programme',
      entityId: id,
      changedFields: Object.keys(values),
      requestId,
    });
  });
  return { id };
}

export async function updateProgramme(db: Db, actor: Actor, id: string, input: ProgrammeInput, requestId: string) {
  const before = await programmeInScope(db, actor, id);
  if (input.organizationId !== before.organizationId) await checkLandlord(db, actor, input.organizationId);
  const place = await resolveCommune(input.communeInsee);
  const { version = before.version, ...rest } = input;
  const values = { ...rest, ...place };
  await db.transaction(async (tx) => {
    if (!(await updateProgrammeIfVersion(tx, actor.workspaceId, id, version, values))) throw stale();
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'programme.update',
      entityType: 'programme',
      entityId: id,
      changedFields: changedFieldsOf(before as Record<string, unknown>, values),
      requestId,
    });
  });
}

/** A building change that would make one of its units contradict itself, named on the building field at fault. */
const buildingPathOf: Partial<Record<ContradictionCode, string>> = {
  step_free_claimed_without_lift: 'liftCount',
  step_free_claimed_with_steps: 'stepsStreetToLobby',
  floor_above_building: 'floorsAboveGround',
  lift_without_lift: 'liftCount',
};

function levelsOfUnits(building: BuildingInput, unitRows: UnitRecord[]) {
  const bm = buildingMeasuresOf(building);
  const issues: MeasurementContradiction[] = [...findBuildingContradictions(bm)];
  const levels = unitRows.map((u) => {
    const um = unitMeasuresOf(u);
    for (const c of findContradictions(bm, um)) {
      const path = buildingPathOf[c.code];
      if (path && !issues.some((i) => i.path === path)) issues.push({ path, code: c.code });
    }
    const d = deriveAccessLevel(bm, um);
    return { id: u.id, level: d.level, flags: d.flags };
  });
  return { issues, levels };
}

export async function createBuilding(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: BuildingInput,
  requestId: string,
) {
  const programme = await programmeInScope(db, actor, programmeId);
  if (!canWrite(actor, housingScopeOf(actor), programme.organizationId)) throw notFound();
  const { issues } = levelsOfUnits(input, []);
  if (issues.length > 0) throw contradictionError(issues);
  const { version: _version, ...values } = input;
  const id = newId();
  await db.transaction(async (tx) => {
    await insertBuilding(tx, {
      ...values,
      workspaceId: actor.workspaceId,
      id,
      programmeId,
      organizationId: programme.organizationId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'building.create',
      entityType: 'building',
      entityId: id,
      changedFields: Object.keys(values),
      requestId,
    });
  });
  return { id };
}

export async function updateBuilding(db: Db, actor: Actor, id: string, input: BuildingInput, requestId: string) {
  const before = await findBuilding(db, actor.workspaceId, id);
  if (!before || !scopeIncludes(housingScopeOf(actor), before.organizationId)) throw notFound();
  const { version = before.version, ...values } = input;
  await db.transaction(async (tx) => {
    const { issues, levels } = levelsOfUnits(input, await unitsOfBuilding(tx, actor.workspaceId, id));
    if (issues.length > 0) throw contradictionError(issues);
    if (!(await updateBuildingIfVersion(tx, actor.workspaceId, id, version, values))) throw stale();
    // The level of every unit depends on the path through its building.
    await setUnitLevels(tx, actor.workspaceId, levels);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'building.update',
      entityType: 'building',
      entityId: id,
      changedFields: changedFieldsOf(before as Record<string, unknown>, values),
      requestId,
    });
  });
}

async function unitRowValues(db: Db, actor: Actor, programmeId: string, input: UnitInput) {
  const building = await findBuilding(db, actor.workspaceId, input.buildingId);
  if (!building || building.programmeId !== programmeId)
    throw fieldError('buildingId', t.validation.buildingOtherProgramme);
  const bm = buildingMeasuresOf(building);
  const um = unitMeasuresOf(input);
  const issues = findContradictions(bm, { ...um, typology: input.typology, bedrooms: input.bedrooms });
  if (issues.length > 0) throw contradictionError(issues);
  const derived = deriveAccessLevel(bm, um);
  const { version: _version, ...values } = input;
  return { ...values, accessLevel: derived.level, accessFlags: derived.flags };
}

export async function createUnit(db: Db, actor: Actor, programmeId: string, input: UnitInput, requestId: string) {
  const programme = await programmeInScope(db, actor, programmeId);
  const values = await unitRowValues(db, actor, programmeId, input);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertUnit(tx, {
      ...values,
      workspaceId: actor.workspaceId,
      id,
      programmeId,
      organizationId: programme.organizationId,
      createdBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'unit.create',
      entityType: 'unit',
      entityId: id,
      changedFields: Object.keys(values),
      requestId,
    });
  });
  return { id };
}

export async function updateUnit(db: Db, actor: Actor, id: string, input: UnitInput, requestId: string) {
  const before = await findUnit(db, actor.workspaceId, id);
  if (!before || !scopeIncludes(housingScopeOf(actor), before.organizationId)) throw notFound();
  const values = await unitRowValues(db, actor, before.programmeId, input);
  await db.transaction(async (tx) => {
    if (!(await updateUnitIfVersion(tx, actor.workspaceId, id, input.version ?? before.version, values))) throw stale();
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      changedFields: changedFieldsOf(before as Record<string, unknown>, values),
      requestId,
    });
  });
}

/** Stores a programme photo after checking its size and its real type (magic bytes); audited. */
export async function uploadPhoto(
  db: Db,
  actor: Actor,
  programmeId: string,
  upload: { mediaType: string; bytes: Uint8Array; caption: string },
  requestId: string,
) {
  const programme = await programmeInScope(db, actor, programmeId);
  const caption = upload.caption.trim();
  if (!caption) throw fieldError('caption', messages.housing.validation.photoCaption);
  if (caption.length > 200) throw fieldError('caption', messages.validation.tooLong(200));
  const problem = photoProblem(upload.mediaType, upload.bytes);
  if (problem) throw fieldError('file', t.photos[problem]);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertPhoto(tx, {
      workspaceId: actor.workspaceId,
      id,
      programmeId: programme.id,
      mediaType: upload.mediaType,
      byteSize: upload.bytes.length,
      caption,
      content: upload.bytes,
      createdBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'programme_photo.create',
      entityType: 'programme_photo',
      entityId: id,
      changedFields: ['caption', 'content'],
      requestId,
    });
  });
  return { id };
}

export async function readPhoto(db: Db, actor: Actor, programmeId: string, photoId: string) {
  await programmeInScope(db, actor, programmeId);
  const photo = await findPhoto(db, actor.workspaceId, programmeId, photoId);
  if (!photo) throw notFound();
  return photo;
}

export async function removePhoto(db: Db, actor: Actor, programmeId: string, photoId: string, requestId: string) {
  const photo = await readPhoto(db, actor, programmeId, photoId);
  await db.transaction(async (tx) => {
    await deletePhoto(tx, actor.workspaceId, photo.id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'programme_photo.delete',
      entityType: 'programme_photo',
      entityId: photo.id,
      changedFields: [],
      requestId,
    });
  });
}
