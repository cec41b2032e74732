import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { newId } from '#src/shared/db/ids.ts';
import { charterCommitments, charters } from '#src/modules/housing/db/schema.ts';
import type { LandlordDetail } from '#src/modules/housing/api/housing.schema.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let officer: RoleSession;
let landlordA: RoleSession;
let landlordB: RoleSession;
let referent: RoleSession;
let ws = '';
const ids = { orgA: '', orgB: '', programmeA: '', buildingA: '', unitA: '', programmeB: '', buildingB: '', unitB: '' };

const building = {
  entranceLabel: 'Entrée A',
  floorsAboveGround: 4,
  stepsStreetToLobby: 0,
  liftCount: 0,
  entranceDoorClearWidthCm: 90,
};
const unit = (buildingId: string, overrides: Record<string, unknown> = {}) => ({
  buildingId,
  landlordUnitRef: 'A-101',
  floor: 0,
  typology: 'T2',
  bedrooms: 1,
  financing: 'PLUS',
  status: 'vacant',
  rentEur: 380,
  chargesEur: 90,
  showerType: 'walk_in',
  showerStepCm: 0,
  internalSteps: 0,
  shutters: 'motorised',
  ...overrides,
});
const programme = (organizationId: string) => ({
  organizationId,
  name: 'Les Hortensias',
  kind: 'senior_residence',
  phase: 'delivered',
  communeInsee: '59355',
  addressLine: '12 rue du Bourg',
});

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas' });
  ids.orgA = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat A' });
  ids.orgB = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat B' });
  officer = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'housing_officer' });
  referent = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  landlordA = await signInWithRole(t, database, { workspaceId: ws, organizationId: ids.orgA, role: 'landlord' });
  landlordB = await signInWithRole(t, database, { workspaceId: ws, organizationId: ids.orgB, role: 'landlord' });
  for (const [who, org, key] of [
    [landlordA, ids.orgA, 'A'],
    [landlordB, ids.orgB, 'B'],
  ] as const) {
    const p = await t.call('/api/housing/programmes', { cookie: who.cookie, body: programme(org) });
    expect(p.status).toBe(201);
    const programmeId = (p.json as { id: string }).id;
    const b = await t.call(`/api/housing/programmes/${programmeId}/buildings`, { cookie: who.cookie, body: building });
    expect(b.status).toBe(201);
    const buildingId = (b.json as { id: string }).id;
    const u = await t.call(`/api/housing/programmes/${programmeId}/units`, {
      cookie: who.cookie,
      body: unit(buildingId),
    });
    expect(u.status).toBe(201);
    ids[`programme${key}`] = programmeId;
    ids[`building${key}`] = buildingId;
    ids[`unit${key}`] = (u.json as { id: string }).id;
  }
});

afterAll(async () => {
  t.close();
  await database.close();
});

describe('landlord scope', () => {
  it('lists each landlord its own programmes with their unit count', async () => {
    const res = await t.call('/api/housing/programmes', { cookie: landlordA.cookie });
    expect(res.status).toBe(200);
    expect((res.json as { items: { id: string; unitCount: number }[] }).items).toEqual([
      expect.objectContaining({ id: ids.programmeA, unitCount: 1 }),
    ]);
  });

  it('answers 404 to a landlord reading or editing another landlord’s unit, programme or building', async () => {
    expect((await t.call(`/api/housing/units/${ids.unitB}`, { cookie: landlordA.cookie })).status).toBe(404);
    const put = await t.call(`/api/housing/units/${ids.unitB}`, {
      method: 'PUT',
      cookie: landlordA.cookie,
      body: unit(ids.buildingB, { landlordUnitRef: 'pirate' }),
    });
    expect(put.status).toBe(404);
    expect((await t.call(`/api/housing/programmes/${ids.programmeB}`, { cookie: landlordA.cookie })).status).toBe(404);
    const putBuilding = await t.call(`/api/housing/buildings/${ids.buildingB}`, {
      method: 'PUT',
      cookie: landlordA.cookie,
      body: building,
    });
    expect(putBuilding.status).toBe(404);
    const addUnit = await t.call(`/api/housing/programmes/${ids.programmeB}/units`, {
      cookie: landlordA.cookie,
      body: unit(ids.buildingB),
    });
    expect(addUnit.status).toBe(404);
    const landlord = await t.call(`/api/housing/landlords/${ids.orgB}`, { cookie: landlordA.cookie });
    expect(landlord.status).toBe(404);
    const unchanged = await t.call(`/api/housing/units/${ids.unitB}`, { cookie: landlordB.cookie });
    expect((unchanged.json as { values: { landlordUnitRef: string } }).values.landlordUnitRef).toBe('A-101');
  });

  it('refuses a landlord creating a programme for another landlord, on the field', async () => {
    const res = await t.call('/api/housing/programmes', { cookie: landlordA.cookie, body: programme(ids.orgB) });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      issues: [{ path: 'organizationId', message: messages.housing.validation.landlordNotYours }],
    });
  });

  it('lists only the landlord’s own units to landlord staff, every unit to the CCAS', async () => {
    const mine = await t.call('/api/housing/units', { cookie: landlordA.cookie });
    expect((mine.json as { items: { id: string }[] }).items.map((u) => u.id)).toEqual([ids.unitA]);
    const all = await t.call('/api/housing/units', { cookie: referent.cookie });
    expect((all.json as { total: number }).total).toBe(2);
  });

  it('lets the housing officer edit any landlord’s unit, but not a referent (who may not write housing)', async () => {
    const byOfficer = await t.call(`/api/housing/units/${ids.unitB}`, {
      method: 'PUT',
      cookie: officer.cookie,
      body: unit(ids.buildingB, { rentEur: 395 }),
    });
    expect(byOfficer.status).toBe(204);
    const byReferent = await t.call(`/api/housing/units/${ids.unitB}`, {
      method: 'PUT',
      cookie: referent.cookie,
      body: unit(ids.buildingB),
    });
    expect(byReferent.status).toBe(404);
  });
});

describe('programme photos', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const upload = (cookie: string, programmeId: string, type: string, body: Uint8Array<ArrayBuffer>) =>
    t.app.request(`${TEST_ORIGIN}/api/housing/programmes/${programmeId}/photos?caption=Fa%C3%A7ade`, {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, cookie, 'content-type': type },
      body,
    });

  it('stores a picture checked on its bytes, serves it back, and refuses a renamed file or another landlord', async () => {
    const created = await upload(landlordA.cookie, ids.programmeA, 'image/png', png);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await t.app.request(`${TEST_ORIGIN}/api/housing/programmes/${ids.programmeA}/photos/${id}`, {
      headers: { origin: TEST_ORIGIN, cookie: referent.cookie },
    });
    expect(read.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(png);
    const renamed = await upload(landlordA.cookie, ids.programmeA, 'image/jpeg', png);
    expect(renamed.status).toBe(400);
    expect(await renamed.json()).toMatchObject({
      issues: [{ path: 'file', message: messages.housing.photos.wrongType }],
    });
    expect((await upload(landlordB.cookie, ids.programmeA, 'image/png', png)).status).toBe(404);
    expect((await auditRowsOf(database, id)).map((r) => r.action)).toEqual(['programme_photo.create']);
  });
});

describe('measured accessibility', () => {
  it('refuses contradictory measurements with French messages on the fields', async () => {
    const res = await t.call(`/api/housing/programmes/${ids.programmeA}/units`, {
      cookie: landlordA.cookie,
      body: unit(ids.buildingA, {
        landlordUnitRef: 'A-301',
        floor: 3,
        stepFreeAccessDeclared: true,
        doorClearWidthMinCm: 250,
        showerType: 'walk_in',
        showerStepCm: 18,
      }),
    });
    expect(res.status).toBe(400);
    const c = messages.housing.contradictions;
    expect((res.json as { issues: unknown[] }).issues).toEqual([
      { path: 'stepFreeAccessDeclared', message: c.step_free_claimed_without_lift },
      { path: 'doorClearWidthMinCm', message: c.door_width_out_of_range },
      { path: 'showerType', message: c.walk_in_with_step },
    ]);
  });

  it('derives the level from the measurements and explains it; a building change re-derives its units', async () => {
    const before = await t.call(`/api/housing/units/${ids.unitA}`, { cookie: referent.cookie });
    // Door widths and bathroom turning space were not measured: N2 is proven, N3 is to verify.
    expect(before.json).toMatchObject({ accessLevel: 'N2', derivation: { toVerify: true } });
    const stepped = await t.call(`/api/housing/buildings/${ids.buildingA}`, {
      method: 'PUT',
      cookie: landlordA.cookie,
      body: { ...building, stepsStreetToLobby: 5 },
    });
    expect(stepped.status).toBe(204);
    const after = await t.call(`/api/housing/units/${ids.unitA}`, { cookie: referent.cookie });
    expect(after.json).toMatchObject({
      accessLevel: 'N0',
      derivation: { decisive: [{ code: 'entrance_steps', status: 'failed', value: 5 }] },
    });
    const listed = await t.call(`/api/housing/units?level=N0`, { cookie: referent.cookie });
    expect((listed.json as { items: { id: string }[] }).items.map((u) => u.id)).toEqual([ids.unitA]);
  });

  it('audits every write with the fields changed', async () => {
    const rows = await auditRowsOf(database, ids.unitB);
    expect(rows.map((r) => r.action)).toEqual(['unit.create', 'unit.update']);
    expect(rows[1]).toMatchObject({ actorUserId: officer.userId, changedFields: ['rentEur'] });
    expect((await auditRowsOf(database, ids.buildingA)).map((r) => r.action)).toEqual([
      'building.create',
      'building.update',
    ]);
  });
});

describe('contacts, photos and the charter signature', () => {
  it('edits and removes a landlord’s contact, audited; another landlord’s contact answers 404', async () => {
    const contactsOf = async (org: string) =>
      ((await t.call(`/api/housing/landlords/${org}`, { cookie: officer.cookie })).json as LandlordDetail).contacts;
    const added = await t.call(`/api/housing/landlords/${ids.orgA}/contacts`, {
      cookie: landlordA.cookie,
      body: { role: 'allocations', name: 'Inès Marchal', email: 'ines@habitat-a.test' },
    });
    expect(added.status).toBe(201);
    const { id } = added.json as { id: string };
    const path = `/api/housing/landlords/${ids.orgA}/contacts/${id}`;
    const wrong = await t.call(path, {
      method: 'PUT',
      cookie: landlordA.cookie,
      body: { role: 'allocations', name: '' },
    });
    expect(wrong.json).toMatchObject({
      issues: [{ path: 'name', message: messages.housing.validation.contactNameRequired }],
    });
    const edited = await t.call(path, {
      method: 'PUT',
      cookie: landlordA.cookie,
      body: { role: 'senior_referent', name: 'Inès Marchal', email: 'ines@habitat-a.test', phone: '03 20 00 00 00' },
    });
    expect(edited.status).toBe(204);
    expect(await contactsOf(ids.orgA)).toEqual([
      { id, role: 'senior_referent', name: 'Inès Marchal', email: 'ines@habitat-a.test', phone: '03 20 00 00 00' },
    ]);
    // Another landlord, or the right contact under the wrong landlord, is not found.
    const byB = await t.call(path, { method: 'DELETE', cookie: landlordB.cookie });
    expect(byB.status).toBe(404);
    const elsewhere = await t.call(`/api/housing/landlords/${ids.orgB}/contacts/${id}`, {
      method: 'DELETE',
      cookie: officer.cookie,
    });
    expect(elsewhere.status).toBe(404);
    expect((await t.call(path, { method: 'DELETE', cookie: landlordA.cookie })).status).toBe(204);
    expect(await contactsOf(ids.orgA)).toEqual([]);
    const audit = await auditRowsOf(database, id);
    expect(audit.map((r) => r.action)).toEqual([
      'landlord_contact.create',
      'landlord_contact.update',
      'landlord_contact.delete',
    ]);
    expect(audit[1]!.changedFields.toSorted()).toEqual(['phone', 'role']);
  });

  it('removes a programme photo for its landlord only', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);
    const created = await t.app.request(`${TEST_ORIGIN}/api/housing/programmes/${ids.programmeA}/photos?caption=Hall`, {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, cookie: landlordA.cookie, 'content-type': 'image/png' },
      body: png,
    });
    const { id } = (await created.json()) as { id: string };
    const path = `/api/housing/programmes/${ids.programmeA}/photos/${id}`;
    expect((await t.call(path, { method: 'DELETE', cookie: landlordB.cookie })).status).toBe(404);
    expect((await t.call(path, { method: 'DELETE', cookie: landlordA.cookie })).status).toBe(204);
    expect((await t.call(path, { cookie: landlordA.cookie })).status).toBe(404);
    expect((await auditRowsOf(database, id)).map((r) => r.action)).toEqual([
      'programme_photo.create',
      'programme_photo.delete',
    ]);
  });

  it('signs the charter with the commitments taken, then accepts reviews of those only', async () => {
    const sign = (commitmentCodes: string[], signedOn = '2026-01-15', cookie = landlordA.cookie) =>
      t.call(`/api/housing/landlords/${ids.orgA}/charter-signature`, {
        method: 'PUT',
        cookie,
        body: { signedOn, commitmentCodes },
      });
    expect((await sign(['ADAPT'])).status).toBe(404);
    const charterId = newId();
    const [adapt, inform] = [newId(), newId()];
    await database.db.insert(charters).values({ workspaceId: ws, id: charterId, version: 1, title: 'Charte' });
    await database.db.insert(charterCommitments).values([
      { workspaceId: ws, id: adapt, charterId, code: 'ADAPT', label: 'Adapter', indicator: 'Logements', position: 1 },
      { workspaceId: ws, id: inform, charterId, code: 'INFORM', label: 'Informer', indicator: 'Réunions', position: 2 },
    ]);
    const invalid = await sign([], '2999-01-01');
    expect(invalid.status).toBe(400);
    expect((invalid.json as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['commitmentCodes']);
    expect((await sign(['ADAPT'], '2999-01-01')).json).toMatchObject({
      issues: [{ path: 'signedOn', message: messages.housing.validation.signedOnFuture }],
    });
    expect((await sign(['NOPE'])).json).toMatchObject({
      issues: [{ path: 'commitmentCodes', message: messages.housing.validation.unknownCommitment }],
    });
    expect((await sign(['ADAPT'], '2026-01-15', landlordB.cookie)).status).toBe(404);
    // Signing again corrects the commitments taken.
    expect((await sign(['ADAPT', 'INFORM'])).status).toBe(204);
    expect((await sign(['ADAPT'])).status).toBe(204);
    const detail = (await t.call(`/api/housing/landlords/${ids.orgA}`, { cookie: landlordA.cookie }))
      .json as LandlordDetail;
    expect(detail.charter).toMatchObject({ signedOn: '2026-01-15' });
    expect(detail.charter!.commitments.map((c) => [c.code, c.taken])).toEqual([
      ['ADAPT', true],
      ['INFORM', false],
    ]);
    const review = (commitmentId: string) =>
      t.call(`/api/housing/landlords/${ids.orgA}/charter-reviews`, {
        method: 'PUT',
        cookie: landlordA.cookie,
        body: { commitmentId, year: 2026, value: '12 logements' },
      });
    expect((await review(adapt)).status).toBe(204);
    expect((await review(inform)).json).toMatchObject({
      issues: [{ path: 'commitmentId', message: messages.housing.validation.commitmentNotSigned }],
    });
  });
});
