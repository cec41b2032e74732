import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let housing: RoleSession;
let referent: RoleSession;
let landlord: RoleSession;
const org = { ccas: '', city: '' };
const person = { duval: '', moreau: '', caron: '' };
let residenceId = '';
const unit = { a: '', b: '', c: '' };
const entry = { duval: '', moreau: '', caron: '' };

const today = new Date().toISOString().slice(0, 10);
const residenceBody = () => ({
  managingOrganizationId: org.ccas,
  name: 'Les Tilleuls',
  addressLine: '12 rue des Tilleuls',
  communeInsee: '59355',
  finess: '590000017',
  capacity: '60',
  girMin: '5',
  girMax: '6',
  minAge: '60',
  services: 'Restauration, blanchisserie, téléassistance',
  monthlyPrice: '612,50',
});

type Detail = {
  units: { id: string; number: string; status: string; occupant: { person: { name: string } | null } | null }[];
  waitingList: Entry[];
  closedEntries: Entry[];
  occupancyRate: number | null;
};
type Entry = {
  id: string;
  position: number | null;
  status: string;
  statusReason: string | null;
  person: { id: string; name: string } | null;
  girJustification: string | null;
  history: { kind: string; fromPosition: number | null; toPosition: number | null; reason: string | null }[];
};

async function detail(session: RoleSession = housing): Promise<Detail> {
  const res = await t.call(`/api/residences/${residenceId}`, { cookie: session.cookie });
  expect(res.status, res.text).toBe(200);
  return res.json as Detail;
}
const entryOf = (d: Detail, id: string) => [...d.waitingList, ...d.closedEntries].find((e) => e.id === id)!;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  org.ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lomme' });
  org.city = await createOrganization(db, ws, { kind: 'city_service', name: 'Service habitat' });
  const landlordOrg = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat du Nord' });
  housing = await signInWithRole(t, database, { workspaceId: ws, organizationId: org.city, role: 'housing_officer' });
  referent = await signInWithRole(t, database, { workspaceId: ws, organizationId: org.ccas, role: 'referent' });
  landlord = await signInWithRole(t, database, { workspaceId: ws, organizationId: landlordOrg, role: 'landlord' });
  const both = [
    { userId: housing.userId, organizationId: org.city },
    { userId: referent.userId, organizationId: org.ccas },
  ];
  person.duval = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: org.ccas,
    firstName: 'Germaine',
    lastName: 'Duval',
    caseTeam: both,
    details: { gir: 6 },
  });
  // GIR 3 on file: outside a 5–6 range; only the housing officer follows her.
  person.moreau = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: org.city,
    firstName: 'Odette',
    lastName: 'Moreau',
    caseTeam: [{ userId: housing.userId, organizationId: org.city }],
    details: { gir: 3 },
  });
  person.caron = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: org.ccas,
    firstName: 'Henri',
    lastName: 'Caron',
    caseTeam: both,
  });
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('recording a residence', () => {
  it('refuses a malformed FINESS, an inverted GIR range and an unknown commune, field by field', async () => {
    const res = await t.call('/api/residences', {
      cookie: housing.cookie,
      body: { ...residenceBody(), finess: '59-000', girMin: '6', girMax: '4', communeInsee: '99999' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['finess', 'girMax']);
    const commune = await t.call('/api/residences', {
      cookie: housing.cookie,
      body: { ...residenceBody(), communeInsee: '99999' },
    });
    expect(commune.status).toBe(400);
    expect(commune.json.issues[0].path).toBe('communeInsee');
  });

  it('records it with its conditions, audited; readers without housing.manage cannot', async () => {
    const res = await t.call('/api/residences', { cookie: housing.cookie, body: residenceBody() });
    expect(res.status, res.text).toBe(201);
    residenceId = res.json.id;
    expect((await auditRowsOf(database, residenceId)).map((a) => a.action)).toEqual(['residence.create']);
    expect((await t.call('/api/residences', { cookie: referent.cookie, body: residenceBody() })).status).toBe(404);
    const read = await t.call(`/api/residences/${residenceId}`, { cookie: landlord.cookie });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ girMin: 5, girMax: 6, minAge: 60, monthlyPrice: 612.5, canManage: false });
  });

  it('answers 404 for an unknown residence', async () => {
    expect((await t.call(`/api/residences/${newId()}`, { cookie: housing.cookie })).status).toBe(404);
  });

  it('adds units, refusing a number already used in the residence', async () => {
    for (const [key, number] of [
      ['a', '101'],
      ['b', '102'],
      ['c', '103'],
    ] as const) {
      const res = await t.call(`/api/residences/${residenceId}/units`, {
        cookie: housing.cookie,
        body: { number, typology: 'T1bis', surfaceM2: '32,5', rent: '480', status: 'vacant' },
      });
      expect(res.status, res.text).toBe(201);
      unit[key] = res.json.id;
    }
    const dup = await t.call(`/api/residences/${residenceId}/units`, {
      cookie: housing.cookie,
      body: { number: '101', typology: 'T1', status: 'vacant' },
    });
    expect(dup.status).toBe(400);
    expect(dup.json.issues[0].path).toBe('number');
  });
});

describe('the waiting list', () => {
  const add = (personId: string, extra: Record<string, unknown> = {}) =>
    t.call(`/api/residences/${residenceId}/waiting-list`, {
      cookie: housing.cookie,
      body: { personId, requestedOn: today, wishedTypology: 'T1bis', ...extra },
    });

  it('adds visible persons at the end; a GIR outside the range needs a justification', async () => {
    const duval = await add(person.duval);
    expect(duval.status, duval.text).toBe(201);
    entry.duval = duval.json.id;
    const warned = await add(person.moreau);
    expect(warned.status).toBe(400);
    expect(warned.json.issues[0].path).toBe('girJustification');
    // The housing officer may not read sensitive data: the warning does not print the GIR itself.
    expect(warned.json.issues[0].message).toContain('hors de la plage');
    expect(warned.json.issues[0].message).not.toContain('GIR 3');
    const justified = await add(person.moreau, { girJustification: 'Couple : son mari, GIR 5, entre avec elle.' });
    expect(justified.status, justified.text).toBe(201);
    entry.moreau = justified.json.id;
    entry.caron = (await add(person.caron)).json.id;
    expect((await add(person.duval)).json.issues[0].path).toBe('personId');
    const audit = await auditRowsOf(database, entry.moreau);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'residence_waiting_entry.create',
        changedFields: expect.arrayContaining(['girJustification']),
      }),
    ]);
    const d = await detail();
    expect(d.waitingList.map((e) => [e.id, e.position])).toEqual([
      [entry.duval, 1],
      [entry.moreau, 2],
      [entry.caron, 3],
    ]);
  });

  it('refuses a person the user may not see, like a missing one', async () => {
    const hidden = await createPerson(database.db, {
      workspaceId: (await database.execute('select workspace_id from residences limit 1')).rows[0]!
        .workspace_id as string,
      owningOrganizationId: org.ccas,
      lastName: 'Cachée',
    });
    const res = await add(hidden);
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe('personId');
    expect((await add(newId())).json.issues[0].path).toBe('personId');
  });

  it('shows names, reasons and justifications only to readers of the file', async () => {
    const d = await detail(referent);
    expect(entryOf(d, entry.duval).person?.name).toBe('Germaine Duval');
    const moreau = entryOf(d, entry.moreau);
    expect(moreau.person).toBeNull();
    expect(moreau.girJustification).toBeNull();
    expect(moreau.history.every((h) => h.reason === null)).toBe(true);
    expect(entryOf(await detail(), entry.moreau).girJustification).toContain('Couple');
  });

  it('moves an entry up, shifting the one above, and keeps both moves in the history', async () => {
    const res = await t.call(`/api/residences/${residenceId}/waiting-list/${entry.caron}/move`, {
      cookie: housing.cookie,
      body: { toPosition: 2 },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.position).toBe(2);
    const d = await detail();
    expect(d.waitingList.map((e) => e.id)).toEqual([entry.duval, entry.caron, entry.moreau]);
    expect(entryOf(d, entry.caron).history.map((h) => [h.kind, h.fromPosition, h.toPosition])).toEqual([
      ['added', null, 3],
      ['moved', 3, 2],
    ]);
    expect(entryOf(d, entry.moreau).history.at(-1)).toMatchObject({ kind: 'moved', fromPosition: 2, toPosition: 3 });
    expect((await auditRowsOf(database, entry.caron)).map((a) => a.action)).toEqual([
      'residence_waiting_entry.create',
      'residence_waiting_entry.move',
    ]);
    const referentMove = await t.call(`/api/residences/${residenceId}/waiting-list/${entry.caron}/move`, {
      cookie: referent.cookie,
      body: { toPosition: 1 },
    });
    expect(referentMove.status).toBe(404);
  });

  it('keeps the history append-only in the database itself', async () => {
    await expect(database.execute('update residence_waiting_events set reason = $1', ['x'])).rejects.toThrow();
    await expect(database.execute('delete from residence_waiting_events')).rejects.toThrow();
  });

  it('marks an entry as offered, and refuses a withdrawal without a reason', async () => {
    const url = `/api/residences/${residenceId}/waiting-list/${entry.duval}/status`;
    expect((await t.call(url, { cookie: housing.cookie, body: { status: 'offered' } })).status).toBe(200);
    const noReason = await t.call(url, { cookie: housing.cookie, body: { status: 'withdrawn' } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.issues[0].path).toBe('reason');
    const same = await t.call(url, { cookie: housing.cookie, body: { status: 'offered' } });
    expect(same.status).toBe(400);
    expect(entryOf(await detail(), entry.duval)).toMatchObject({ status: 'offered', position: 1 });
  });
});

describe('admission', () => {
  const admit = (entryId: string, unitId: string, extra: Record<string, unknown> = {}) =>
    t.call(`/api/residences/${residenceId}/waiting-list/${entryId}/admit`, {
      cookie: housing.cookie,
      body: { unitId, movedInOn: today, ...extra },
    });

  it('assigns a vacant unit and takes the person off the list in one go, audited', async () => {
    const res = await admit(entry.duval, unit.a);
    expect(res.status, res.text).toBe(200);
    const d = await detail();
    expect(d.units.find((u) => u.id === unit.a)).toMatchObject({
      status: 'occupied',
      occupant: { person: { name: 'Germaine Duval' } },
    });
    expect(entryOf(d, entry.duval)).toMatchObject({ status: 'admitted', position: null });
    expect(d.waitingList.map((e) => [e.id, e.position])).toEqual([
      [entry.caron, 1],
      [entry.moreau, 2],
    ]);
    expect(d.occupancyRate).toBe(33);
    const list = await t.call('/api/residences', { cookie: landlord.cookie });
    expect(list.json.items.find((r: { id: string }) => r.id === residenceId)).toMatchObject({
      unitCount: 3,
      occupiedCount: 1,
      vacantCount: 2,
      occupancyRate: 33,
      waitingCount: 2,
    });
    expect((await auditRowsOf(database, entry.duval)).map((a) => a.action)).toContain('residence_waiting_entry.admit');
    expect((await auditRowsOf(database, unit.a)).map((a) => a.action)).toEqual([
      'residence_unit.create',
      'residence_unit.move_in',
    ]);
  });

  it('answers 409 for a unit already occupied and writes nothing', async () => {
    const before = await detail();
    const res = await admit(entry.caron, unit.a);
    expect(res.status).toBe(409);
    const after = await detail();
    expect(after.waitingList).toEqual(before.waitingList);
    expect(after.units).toEqual(before.units);
    expect((await auditRowsOf(database, entry.caron)).map((a) => a.action)).not.toContain(
      'residence_waiting_entry.admit',
    );
  });

  it('answers 409 for a unit under renovation, and for an entry already admitted', async () => {
    const renovate = await t.call(`/api/residences/${residenceId}/units/${unit.c}`, {
      method: 'PUT',
      cookie: housing.cookie,
      body: { number: '103', typology: 'T1bis', status: 'renovation' },
    });
    expect(renovate.status, renovate.text).toBe(200);
    expect((await admit(entry.caron, unit.c)).status).toBe(409);
    expect((await admit(entry.duval, unit.b)).status).toBe(409);
  });

  it('asks again for a justification when the GIR is outside the range at admission', async () => {
    const res = await admit(entry.moreau, unit.b);
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe('girJustification');
    const ok = await admit(entry.moreau, unit.b, { girJustification: 'Entrée en couple, avis du médecin.' });
    expect(ok.status, ok.text).toBe(200);
  });

  it('refuses a unit of another residence as unknown, and an entry of another residence as missing', async () => {
    const other = await t.call('/api/residences', {
      cookie: housing.cookie,
      body: { ...residenceBody(), name: 'Autre' },
    });
    const otherUnit = await t.call(`/api/residences/${other.json.id}/units`, {
      cookie: housing.cookie,
      body: { number: '1', typology: 'T1' },
    });
    expect(otherUnit.status).toBe(201);
    const res = await admit(entry.caron, otherUnit.json.id);
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe('unitId');
    const crossed = await t.call(`/api/residences/${other.json.id}/waiting-list/${entry.caron}/move`, {
      cookie: housing.cookie,
      body: { toPosition: 1 },
    });
    expect(crossed.status).toBe(404);
  });

  it('withdraws with a reason, then records the move out that frees the unit', async () => {
    const withdraw = await t.call(`/api/residences/${residenceId}/waiting-list/${entry.caron}/status`, {
      cookie: housing.cookie,
      body: { status: 'withdrawn', reason: 'Entrée en EHPAD' },
    });
    expect(withdraw.status).toBe(200);
    const d = await detail();
    expect(d.waitingList).toEqual([]);
    expect(entryOf(d, entry.caron)).toMatchObject({ status: 'withdrawn', statusReason: 'Entrée en EHPAD' });
    const url = `/api/residences/${residenceId}/units/${unit.a}/move-out`;
    expect((await t.call(url, { cookie: housing.cookie, body: { movedOutOn: today } })).status).toBe(200);
    expect((await t.call(url, { cookie: housing.cookie, body: { movedOutOn: today } })).status).toBe(409);
    expect((await detail()).units.find((u) => u.id === unit.a)).toMatchObject({ status: 'vacant', occupant: null });
  });
});
