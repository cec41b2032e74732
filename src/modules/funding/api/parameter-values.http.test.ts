import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { openPathway } from '#tests/fixtures/pathways.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

const e = messages.fundingRules.parameters.errors;
let database: Database;
let t: TestApp;
const s = {} as Record<'financial' | 'referent' | 'manager' | 'ot' | 'reception', RoleSession>;
let projectId = '';
let quoteId = '';

// Test figures for the MTP of April 2026 (not the official one), entered with their source.
const mtp = {
  parameter: 'mtp.monthly',
  from: '2026-04-01',
  value: 1301.01,
  confidence: 'official',
  sourceTitle: 'Circulaire Cnav 2026 (MTP)',
  sourceUrl: 'https://legislation.lassuranceretraite.fr/mtp-2026',
};
const ceilings = (value: number) => ({
  parameter: 'anah.income_ceilings',
  from: '2026-01-01',
  value: {
    idf: {
      tres_modestes: [24006, 35233, 42312, 49404, 56521, 7109],
      modestes: [1, 2, 3, 4, 5, 6],
      intermediaires: [1, 2, 3, 4, 5, 6],
    },
    hors_idf: {
      tres_modestes: [value, 25367, 30509, 35638, 40792, 5145],
      modestes: [1, 2, 3, 4, 5, 6],
      intermediaires: [1, 2, 3, 4, 5, 6],
    },
  },
  confidence: 'official',
  sourceTitle: 'Anah — guide des aides 2026',
  sourceUrl: 'https://www.anah.gouv.fr/guide-2026',
});
const list = async (who = s.financial) => (await t.call('/api/funding/parameters', { cookie: who.cookie })).json;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const ws = await createWorkspace(database.db);
  const ccas = await createOrganization(database.db, ws, { kind: 'ccas' });
  const as = (role: RoleSession['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role });
  s.financial = await as('social_financial');
  s.referent = await as('referent');
  s.manager = await as('manager');
  s.ot = await as('ot');
  s.reception = await as('reception');
  const personId = await createPerson(database.db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Marthe',
    lastName: 'Roussel',
    birthDate: '1947-03-02',
    caseTeam: [{ userId: s.referent.userId, organizationId: ccas }],
  });
  const pathwayId = await openPathway(t, s.referent, { personId, organizationId: ccas, channel: 'social_landlord' });
  const project = await t.call('/api/funding/projects', {
    cookie: s.referent.cookie,
    body: { pathwayId, title: 'Salle de bain' },
  });
  projectId = project.json.id;
  const quote = await t.call(`/api/funding/projects/${projectId}/quotes`, {
    cookie: s.referent.cookie,
    body: {
      supplierName: 'Bains Sécurité SARL',
      issuedOn: '2026-02-10',
      lines: [
        { label: 'Douche', quantity: '1', unitPriceExclTax: '9 000', vatRate: 'renovation', eligibleWorks: true },
      ],
      statedInclTax: '9 900,00',
    },
  });
  expect(quote.status, quote.text).toBe(201);
  quoteId = quote.json.id;
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('the parameters of the aid rules', () => {
  it('lists every shipped parameter with its dated values and sources, those not retrieved first', async () => {
    const page = await list(s.ot);
    expect(page.canWrite).toBe(false);
    expect(page.items.map((p: { id: string }) => p.id).slice(0, 4)).toEqual([
      'anah.income_ceilings',
      'mtp.monthly',
      'smic.hourly_gross',
      'ci200qa.income_ceiling_by_parts',
    ]);
    const anah = page.items[0];
    expect(anah.notRetrieved).toBe(true);
    expect(anah.values.at(-1)).toMatchObject({
      from: '2026-01-01',
      value: null,
      status: 'not_retrieved',
      enteredId: null,
    });
    expect(anah.values[0].sources[0].url).toMatch(/^https:\/\/www\.anah\.gouv\.fr\//);
    expect(anah.shape.hors_idf.tres_modestes).toHaveLength(6);
    expect((await list(s.reception)).code).toBe('not_found');
  });

  it('refuses a value not in the parameter’s shape, a negative part and an end before the start, each in French', async () => {
    const value = ceilings(17345).value;
    const res = await t.call('/api/funding/parameters/values', {
      cookie: s.financial.cookie,
      body: {
        ...ceilings(17345),
        to: '2025-12-31',
        value: { ...value, hors_idf: { ...value.hors_idf, modestes: [1, 'deux', -3, 4, 5, 6] } },
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: 'value.hors_idf.modestes.1', message: e.number },
      { path: 'value.hors_idf.modestes.2', message: e.negative },
      { path: 'to', message: e.endBeforeStart },
    ]);
    const missing = await t.call('/api/funding/parameters/values', {
      cookie: s.financial.cookie,
      body: { ...mtp, sourceTitle: ' ', sourceUrl: 'cnav' },
    });
    expect(missing.json.issues).toEqual([
      { path: 'sourceTitle', message: 'Indiquez la source (texte officiel, guide, circulaire).' },
      { path: 'sourceUrl', message: 'Saisissez l’adresse web de la source (https://…).' },
    ]);
    // Every fault at once: the checks across fields run even when the source is missing.
    const all = await t.call('/api/funding/parameters/values', {
      cookie: s.financial.cookie,
      body: {
        ...ceilings(17345),
        sourceTitle: '',
        to: '2025-12-31',
        value: { ...value, hors_idf: { ...value.hors_idf, modestes: [1, 'deux', 3, 4, 5, 6] } },
      },
    });
    expect(all.json.issues).toEqual([
      { path: 'sourceTitle', message: 'Indiquez la source (texte officiel, guide, circulaire).' },
      { path: 'value.hors_idf.modestes.1', message: e.number },
      { path: 'to', message: e.endBeforeStart },
    ]);
    const unknown = await t.call('/api/funding/parameters/values', {
      cookie: s.financial.cookie,
      body: { ...mtp, parameter: 'mtp.yearly' },
    });
    expect(unknown.json.issues).toEqual([{ path: 'parameter', message: e.unknownParameter }]);
  });

  it('refuses a period over a known value with the clash named on the start date', async () => {
    const res = await t.call('/api/funding/parameters/values', {
      cookie: s.financial.cookie,
      body: { ...mtp, from: '2025-10-01' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: 'from', message: e.overlapShipped('du 01/04/2025 au 31/03/2026', 'source secondaire') },
    ]);
  });

  it('enters a value with an audit row; a plan saved then uses it, with its source', async () => {
    // Entered by whoever edits the local aids; a manager reads them.
    const denied = await t.call('/api/funding/parameters/values', { cookie: s.manager.cookie, body: ceilings(17345) });
    expect(denied.status).toBe(404);
    expect((await list(s.manager)).canWrite).toBe(false);
    const created = await t.call('/api/funding/parameters/values', {
      cookie: s.financial.cookie,
      body: ceilings(17345),
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    expect((await auditRowsOf(database, id)).map((r) => [r.action, r.entityType])).toEqual([
      ['funding_parameter_value.create', 'funding_parameter_value'],
    ]);
    const anah = (await list()).items.find((p: { id: string }) => p.id === 'anah.income_ceilings');
    expect(anah.notRetrieved).toBe(false);
    expect(anah.values.at(-1)).toMatchObject({
      from: '2026-01-01',
      enteredId: id,
      sources: [
        {
          title: 'Anah — guide des aides 2026 — saisi par l’espace de travail',
          url: 'https://www.anah.gouv.fr/guide-2026',
        },
      ],
    });

    const plan = await t.call(`/api/funding/projects/${projectId}/plans`, {
      cookie: s.referent.cookie,
      body: {
        quoteId,
        filingOn: '2026-03-01',
        paymentOn: '2026-04-01',
        age: '78',
        gir: '',
        householdSize: '1',
        referenceTaxIncome: '16000',
        inIleDeFrance: 'false',
        tenure: 'owner_occupier',
        mpaWorksLast5Years: '',
      },
    });
    expect(plan.status, plan.text).toBe(201);
    const saved = (await t.call(`/api/funding/projects/${projectId}`, { cookie: s.referent.cookie })).json.plans[0];
    const line = saved.figures.lines.find((l: { aid: string }) => l.aid === 'mpa');
    expect(line).toMatchObject({ status: 'eligible', shareCents: 630_000, certain: true });
    expect(line.parameters.find((p: { id: string }) => p.id === 'anah.income_ceilings').sources[0].title).toMatch(
      /saisi par l’espace de travail$/,
    );
  });

  it('saving over a newer version answers 409 with the saved one; withdrawing keeps it as history', async () => {
    const entered = (await list()).items.find((p: { id: string }) => p.id === 'anah.income_ceilings').entered[0];
    const path = `/api/funding/parameters/values/${entered.id}`;
    const saved = await t.call(path, {
      method: 'PUT',
      cookie: s.financial.cookie,
      body: { ...ceilings(17400), revision: entered.revision },
    });
    expect(saved.status, saved.text).toBe(200);
    const stale = await t.call(path, {
      method: 'PUT',
      cookie: s.financial.cookie,
      body: { ...ceilings(17500), revision: entered.revision },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.message).toBe(e.stale);
    expect(stale.json.details.current.value.hors_idf.tres_modestes[0]).toBe(17400);
    expect((await t.call(path, { method: 'PUT', cookie: s.ot.cookie, body: ceilings(1) })).status).toBe(404);

    expect((await t.call(path, { method: 'DELETE', cookie: s.financial.cookie })).status).toBe(200);
    expect((await t.call(path, { method: 'DELETE', cookie: s.financial.cookie })).status).toBe(404);
    const anah = (await list()).items.find((p: { id: string }) => p.id === 'anah.income_ceilings');
    expect(anah.notRetrieved).toBe(true);
    expect(anah.entered).toEqual([expect.objectContaining({ id: entered.id, withdrawnAt: expect.any(String) })]);
    expect((await auditRowsOf(database, entered.id)).map((r) => [r.action, r.changedFields])).toEqual([
      ['funding_parameter_value.create', expect.any(Array)],
      ['funding_parameter_value.update', ['value']],
      ['funding_parameter_value.withdraw', ['archivedAt']],
    ]);
  });
});
