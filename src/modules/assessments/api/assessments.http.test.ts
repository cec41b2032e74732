import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { ratingFields } from '#src/modules/assessments/domain/aggir.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let referent: RoleSession;
let outsider: RoleSession;
let reception: RoleSession;
let landlord: RoleSession;
let personId = '';
let otherPersonId = '';
let pathwayId = '';

const allA = Object.fromEntries(ratingFields.map((f) => [f, 'A']));
/** Toilette du haut B alone: toilette B, group H sum 2000 → rank 12, GIR 5. */
const girFive = { ...allA, toiletteHaut: 'B' };

const grid = (personIdParam: string) => `/api/people/${personIdParam}/aggir`;
const fileOf = async (id: string) => (await t.call(`/api/people/${id}`, { cookie: referent.cookie })).json;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lomme' });
  const bailleur = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat du Nord' });
  const as = (organizationId: string, role: RoleSession['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId, role });
  referent = await as(ccas, 'referent');
  outsider = await as(ccas, 'referent');
  reception = await as(ccas, 'reception');
  landlord = await as(bailleur, 'landlord');
  personId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Germaine',
    lastName: 'Duval',
    caseTeam: [{ userId: referent.userId, organizationId: ccas }],
  });
  otherPersonId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    caseTeam: [{ userId: referent.userId, organizationId: ccas }],
  });
  const opened = await t.call('/api/pathways', {
    cookie: referent.cookie,
    body: {
      personId: otherPersonId,
      owningOrganizationId: ccas,
      referentUserId: referent.userId,
      channel: 'reception_desk',
    },
  });
  expect(opened.status, opened.text).toBe(201);
  pathwayId = opened.json.id;
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('recording an AGGIR grid', () => {
  it('refuses a grid with a missing answer, with the French message on that answer', async () => {
    const { transferts: _, ...missing } = allA;
    const res = await t.call(grid(personId), {
      cookie: referent.cookie,
      body: { ...missing, assessedOn: '2026-11-02' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'transferts', message: messages.assessments.validation.ratingRequired }]);
    expect((await fileOf(personId)).gir).toBeNull();
  });

  it('refuses a future date and a letter other than A, B or C', async () => {
    const res = await t.call(grid(personId), {
      cookie: referent.cookie,
      body: { ...allA, coherence: 'D', assessedOn: '2999-01-01' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['assessedOn', 'coherence']);
  });

  it('refuses a pathway of another person', async () => {
    const res = await t.call(grid(personId), {
      cookie: referent.cookie,
      body: { ...allA, assessedOn: '2026-11-02', pathwayId },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'pathwayId', message: messages.assessments.validation.pathwayUnknown }]);
  });

  it('computes the GIR, writes it on the file with its date and source, and audits both', async () => {
    const res = await t.call(grid(personId), {
      cookie: referent.cookie,
      body: { ...girFive, assessedOn: '2026-11-02', note: 'Visite à domicile' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ gir: 5, fileUpdated: true });
    expect(await fileOf(personId)).toMatchObject({ gir: 5, girAssessedOn: '2026-11-02', girSource: 'aggir_grid' });
    expect(await auditRowsOf(database, res.json.id)).toEqual([
      {
        action: 'aggir_assessment.create',
        entityType: 'aggir_assessment',
        changedFields: ['assessedOn', 'gir', 'rank', 'ratings'],
        actorUserId: referent.userId,
      },
    ]);
    const personAudit = (await auditRowsOf(database, personId)).filter((r) => r.action === 'person.update');
    expect(personAudit.at(-1)!.changedFields).toEqual(['gir', 'girAssessedOn', 'girSource']);
  });

  it('keeps a more recent GIR on the file when an older grid is recorded, and lists the history newest first', async () => {
    const older = await t.call(grid(personId), {
      cookie: referent.cookie,
      body: { ...allA, assessedOn: '2026-01-15' },
    });
    expect(older.status, older.text).toBe(201);
    expect(older.json).toMatchObject({ gir: 6, fileUpdated: false });
    expect(await fileOf(personId)).toMatchObject({ gir: 5, girAssessedOn: '2026-11-02' });
    const history = await t.call(grid(personId), { cookie: referent.cookie });
    expect(history.status).toBe(200);
    expect(history.json.person).toEqual({ id: personId, firstName: 'Germaine', lastName: 'Duval' });
    expect(history.json.items.map((i: { assessedOn: string; gir: number }) => [i.assessedOn, i.gir])).toEqual([
      ['2026-11-02', 5],
      ['2026-01-15', 6],
    ]);
    expect(history.json.items[0]).toMatchObject({
      rank: 12,
      note: 'Visite à domicile',
      evaluator: { id: referent.userId },
      ratings: girFive,
    });
  });

  it('attaches the grid to a pathway of the person', async () => {
    const res = await t.call(grid(otherPersonId), {
      cookie: referent.cookie,
      body: { ...allA, assessedOn: '2026-11-03', pathwayId },
    });
    expect(res.status, res.text).toBe(201);
    const history = await t.call(grid(otherPersonId), { cookie: referent.cookie });
    expect(history.json.items[0].pathwayId).toBe(pathwayId);
  });
});

describe('who may assess', () => {
  it('answers 404 to a user who sees the file without its health data (reception), reading or writing', async () => {
    expect((await t.call(grid(personId), { cookie: reception.cookie })).status).toBe(404);
    const res = await t.call(grid(personId), { cookie: reception.cookie, body: { ...allA, assessedOn: '2026-11-04' } });
    expect(res.status).toBe(404);
    expect((await fileOf(personId)).girAssessedOn).toBe('2026-11-02');
  });

  it('answers 404 to a referent outside the case team, as for a missing file', async () => {
    expect((await t.call(grid(personId), { cookie: outsider.cookie })).status).toBe(404);
    const res = await t.call(grid(personId), { cookie: outsider.cookie, body: { ...allA, assessedOn: '2026-11-04' } });
    expect(res.status).toBe(404);
  });

  it('answers 404 to a role without the permissions (landlord), as for a missing file', async () => {
    expect((await t.call(grid(personId), { cookie: landlord.cookie })).status).toBe(404);
    const res = await t.call(grid(personId), { cookie: landlord.cookie, body: { ...allA, assessedOn: '2026-11-04' } });
    expect(res.status).toBe(404);
    expect((await fileOf(personId)).girAssessedOn).toBe('2026-11-02');
  });
});
