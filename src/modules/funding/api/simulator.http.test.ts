import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'financial' | 'outsider' | 'ot' | 'reception', RoleSession>;
let personId = '';

const pensionFundAid = {
  name: 'Aide pour bien vieillir chez soi',
  funderName: 'Carsat Nord-Picardie',
  funderKind: 'pension_fund',
  minAge: 55,
  girMin: 5,
  girMax: 6,
  retirementSchemes: ['general'],
  base: 'technical_aids',
  ratePercent: 100,
  cap: 3000,
  inForceFrom: '2024-01-01',
  sourceTitle: 'Assurance retraite — plan d’action personnalisé',
  sourceUrl: 'https://www.lassuranceretraite-idf.fr/',
  confidence: 'official',
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas' });
  const as = (role: Parameters<typeof signInWithRole>[2]['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role });
  s.financial = await as('social_financial');
  s.outsider = await as('social_financial');
  s.ot = await as('ot');
  s.reception = await as('reception');
  personId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Jean',
    lastName: 'Garcia',
    birthDate: '1946-03-12',
    communeInsee: '34129',
    caseTeam: [{ userId: s.financial.userId, organizationId: ccas }],
    details: { tenure: 'owner', gir: 4, girSource: 'aggir_ccas', girAssessedOn: '2026-10-01' },
  });
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('the aid simulator', () => {
  it('pre-fills the household from the file of a person on the case team, and audits the reading', async () => {
    const res = await t.call(`/api/people/${personId}/funding-household`, { cookie: s.financial.cookie });
    expect(res.status).toBe(200);
    expect(res.json.household).toMatchObject({
      gir: 4,
      girAttested: true,
      householdSize: 1,
      tenure: 'owner_occupier',
      inIleDeFrance: false,
    });
    expect(res.json.household.age).toBeGreaterThanOrEqual(80);
    expect(res.json.origins.gir).toBe('GIR inscrit au dossier');
    expect((await auditRowsOf(database, personId)).map((r) => r.action)).toContain('person.read');
  });

  it('answers 404 for a file outside the reader’s case team', async () => {
    expect((await t.call(`/api/people/${personId}/funding-household`, { cookie: s.outsider.cookie })).status).toBe(404);
  });

  it('without the income, says what is missing and still computes the aids that do not need it', async () => {
    const res = await t.call('/api/funding/simulations', {
      cookie: s.financial.cookie,
      body: {
        household: {
          age: 78,
          gir: 3,
          householdSize: 1,
          tenure: 'owner_occupier',
          monthlyResources: 900,
          inCouple: false,
          worksExclTax: 9000,
        },
        filingDate: '2025-06-01',
      },
    });
    expect(res.status).toBe(200);
    const byAid = Object.fromEntries(res.json.results.map((r: { aid: string }) => [r.aid, r]));
    expect(byAid.mpa.status).toBe('to_check');
    expect(byAid.mpa.missingInputs).toContain('Somme des revenus fiscaux de référence du ménage');
    expect(byAid.apa.status).toBe('eligible');
    expect(byAid.apa.amount).toBeGreaterThan(0);
    expect(res.json.paymentDate).toBe('2025-06-01');
  });

  it('refuses a GIR out of range with a French message on the field', async () => {
    const res = await t.call('/api/funding/simulations', {
      cookie: s.financial.cookie,
      body: { household: { gir: 7 } },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toContainEqual({ path: 'household.gir', message: 'Le GIR va de 1 à 6.' });
  });

  it('is closed to a role without funding access', async () => {
    expect(
      (await t.call('/api/funding/simulations', { cookie: s.reception.cookie, body: { household: {} } })).status,
    ).toBe(404);
  });
});

describe('aids the workspace describes itself', () => {
  let aidId = '';

  it('are added with an audit row and then count in every simulation of the workspace', async () => {
    const created = await t.call('/api/funding/local-aids', { cookie: s.financial.cookie, body: pensionFundAid });
    expect(created.status).toBe(201);
    aidId = created.json.id;
    expect((await auditRowsOf(database, aidId)).map((r) => r.action)).toEqual(['funding_local_aid.create']);

    const res = await t.call('/api/funding/simulations', {
      cookie: s.ot.cookie,
      body: {
        household: { age: 72, gir: 5, retirementScheme: 'general', technicalAids: 3400 },
        filingDate: '2025-06-01',
      },
    });
    const aid = res.json.results.find((r: { title: string }) => r.title === pensionFundAid.name);
    expect(aid).toMatchObject({ status: 'eligible', amount: 3000, funder: 'Carsat Nord-Picardie' });
  });

  it('refuses an end before the start, a GIR range upside down and a missing rate, each on its field', async () => {
    for (const [change, path] of [
      [{ inForceTo: '2023-12-31' }, 'inForceTo'],
      [{ girMin: 6, girMax: 5 }, 'girMax'],
      [{ ratePercent: null }, 'ratePercent'],
    ] as const) {
      const res = await t.call('/api/funding/local-aids', {
        cookie: s.financial.cookie,
        body: { ...pensionFundAid, ...change },
      });
      expect(res.status).toBe(400);
      expect(res.json.issues[0].path).toBe(path);
    }
  });

  it('saving over a newer version answers 409 with the saved one; withdrawing keeps it out of simulations', async () => {
    const listed = await t.call('/api/funding/local-aids', { cookie: s.financial.cookie });
    const current = listed.json.items.find((a: { id: string }) => a.id === aidId);
    expect(current.ratePercent).toBe(100);
    const saved = await t.call(`/api/funding/local-aids/${aidId}`, {
      method: 'PUT',
      cookie: s.financial.cookie,
      body: { ...pensionFundAid, cap: 2500, revision: current.revision },
    });
    expect(saved.status).toBe(200);
    const stale = await t.call(`/api/funding/local-aids/${aidId}`, {
      method: 'PUT',
      cookie: s.financial.cookie,
      body: { ...pensionFundAid, cap: 2000, revision: current.revision },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.details.current.cap).toBe(2500);

    expect(
      (await t.call(`/api/funding/local-aids/${aidId}`, { method: 'DELETE', cookie: s.financial.cookie })).status,
    ).toBe(200);
    const res = await t.call('/api/funding/simulations', { cookie: s.financial.cookie, body: { household: {} } });
    expect(res.json.results.some((r: { title: string }) => r.title === pensionFundAid.name)).toBe(false);
    expect((await auditRowsOf(database, aidId)).map((r) => r.action)).toEqual([
      'funding_local_aid.create',
      'funding_local_aid.update',
      'funding_local_aid.archive',
    ]);
  });

  it('an occupational therapist may read them but not change them', async () => {
    expect((await t.call('/api/funding/local-aids', { cookie: s.ot.cookie })).status).toBe(200);
    expect((await t.call('/api/funding/local-aids', { cookie: s.ot.cookie, body: pensionFundAid })).status).toBe(404);
  });
});
