import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { sendFundingReminders } from '#src/modules/funding/index.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { openPathway } from '#tests/fixtures/pathways.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

const e = messages.funding.errors;
let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'financial' | 'otherReferent' | 'ot' | 'manager' | 'accueil', RoleSession>;
let pathwayId = '';
let projectId = '';
let quoteId = '';
const today = parisDay(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const quote = (over: Record<string, unknown> = {}) => ({
  supplierName: 'Bains Sécurité SARL',
  issuedOn: '2025-05-15',
  lines: [
    {
      label: 'Douche à l’italienne',
      quantity: '1',
      unitPriceExclTax: '8 000,00',
      vatRate: 'renovation',
      eligibleWorks: true,
    },
    { label: 'Barres d’appui', quantity: '2', unitPriceExclTax: '500', vatRate: 'renovation', eligibleWorks: 'on' },
  ],
  statedInclTax: '9 900,00',
  ...over,
});
const household = {
  filingOn: '2025-06-01',
  paymentOn: '2025-09-01',
  age: '78',
  gir: '',
  householdSize: '1',
  referenceTaxIncome: '16000',
  inIleDeFrance: 'false',
  tenure: 'owner_occupier',
  mpaWorksLast5Years: '',
};

async function project(who = s.referent) {
  const res = await t.call(`/api/funding/projects/${projectId}`, { cookie: who.cookie });
  return res;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const ws = await createWorkspace(database.db);
  const ccas = await createOrganization(database.db, ws, { kind: 'ccas' });
  const as = (role: RoleSession['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role });
  s.referent = await as('referent');
  s.financial = await as('social_financial');
  s.otherReferent = await as('referent');
  s.ot = await as('ot');
  s.manager = await as('manager');
  s.accueil = await as('reception');
  const personId = await createPerson(database.db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'André',
    lastName: 'Garcia',
    birthDate: '1947-03-02',
    caseTeam: [s.referent, s.financial].map((m) => ({ userId: m.userId, organizationId: ccas })),
  });
  pathwayId = await openPathway(t, s.referent, { personId, organizationId: ccas, channel: 'social_landlord' });
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('projects and quotes', () => {
  it('opens a project on the pathway, audited with the person; the case team only sees it', async () => {
    const res = await t.call('/api/funding/projects', {
      cookie: s.referent.cookie,
      body: { pathwayId, title: 'Salle de bain' },
    });
    expect(res.status, res.text).toBe(201);
    projectId = res.json.id;
    expect((await auditRowsOf(database, projectId))[0]).toMatchObject({ action: 'funding_project.create' });
    expect((await project(s.financial)).status).toBe(200);
    expect((await project(s.manager)).status).toBe(200);
    expect((await project(s.otherReferent)).status).toBe(404);
    expect((await project(s.accueil)).status).toBe(404);
    const listed = await t.call(`/api/pathways/${pathwayId}/funding-projects`, { cookie: s.referent.cookie });
    expect(listed.json.items).toEqual([expect.objectContaining({ id: projectId, title: 'Salle de bain', quotes: 0 })]);
  });

  it('refuses a negative line and a total the lines do not give, on their fields, keeping nothing', async () => {
    const negative = quote({
      lines: [{ label: 'Remise', quantity: '1', unitPriceExclTax: '-50', vatRate: 'renovation', eligibleWorks: false }],
      statedInclTax: '',
    });
    const res = await t.call(`/api/funding/projects/${projectId}/quotes`, {
      cookie: s.referent.cookie,
      body: negative,
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toContainEqual({ path: 'lines.0.unitPriceExclTax', message: e.priceNegative });
    const wrong = await t.call(`/api/funding/projects/${projectId}/quotes`, {
      cookie: s.referent.cookie,
      body: quote({ statedInclTax: '10 800' }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues).toContainEqual({ path: 'statedInclTax', message: e.totalMismatch(990_000) });
    const badAmount = await t.call(`/api/funding/projects/${projectId}/quotes`, {
      cookie: s.referent.cookie,
      body: quote({ statedInclTax: 'beaucoup' }),
    });
    expect(badAmount.json.issues).toContainEqual({ path: 'statedInclTax', message: e.amountInvalid });
    expect((await project()).json.quotes).toEqual([]);
  });

  it('records quotes with their totals, and a reader without write gets 404', async () => {
    const res = await t.call(`/api/funding/projects/${projectId}/quotes`, {
      cookie: s.financial.cookie,
      body: quote(),
    });
    expect(res.status, res.text).toBe(201);
    quoteId = res.json.id;
    const second = await t.call(`/api/funding/projects/${projectId}/quotes`, {
      cookie: s.referent.cookie,
      body: quote({ supplierName: 'Autre artisan', statedInclTax: null, lines: [quote().lines[0]] }),
    });
    expect(second.status).toBe(201);
    const denied = await t.call(`/api/funding/projects/${projectId}/quotes`, { cookie: s.ot.cookie, body: quote() });
    expect(denied.status).toBe(404);
    const quotes = (await project()).json.quotes;
    expect(quotes[0]).toMatchObject({ supplier: 'Bains Sécurité SARL', exclTaxCents: 900_000, inclTaxCents: 990_000 });
    expect(quotes[1]).toMatchObject({ inclTaxCents: 880_000 });
  });
});

describe('plans and applications', () => {
  let planId = '';
  it('saves the plan of funding-rules §7 with its figures and parameters, pre-filled age from the file', async () => {
    const view = (await project()).json;
    expect(view.household.age).toBeGreaterThanOrEqual(78);
    const res = await t.call(`/api/funding/projects/${projectId}/plans`, {
      cookie: s.referent.cookie,
      body: { ...household, quoteId },
    });
    expect(res.status, res.text).toBe(201);
    planId = res.json.id;
    const plan = (await project()).json.plans[0];
    expect(plan.figures.outOfPocketCents).toBe(360_000);
    const mpa = plan.figures.lines.find((l: { aid: string }) => l.aid === 'mpa');
    expect(mpa).toMatchObject({ shareCents: 630_000, certain: true });
    expect(mpa.parameters.find((p: { id: string }) => p.id === 'mpa.rate')).toMatchObject({ confidence: 'official' });
    expect((await auditRowsOf(database, planId))[0]).toMatchObject({ action: 'funding_plan.create' });
    const listed = await t.call(`/api/pathways/${pathwayId}/funding-projects`, { cookie: s.referent.cookie });
    expect(listed.json.items).toEqual([expect.objectContaining({ id: projectId, outOfPocketCents: 360_000 })]);
  });

  it('keeps a saved plan as computed even when the rules would now say otherwise', async () => {
    await database.execute(
      `update funding_plans set figures = jsonb_set(figures, '{outOfPocketCents}', '1') where id = $1`,
      [planId],
    );
    expect((await project()).json.plans[0].figures.outOfPocketCents).toBe(1);
    await database.execute(
      `update funding_plans set figures = jsonb_set(figures, '{outOfPocketCents}', '360000') where id = $1`,
      [planId],
    );
  });

  it('refuses a payment date before the filing date and a quote of another project', async () => {
    const res = await t.call(`/api/funding/projects/${projectId}/plans`, {
      cookie: s.referent.cookie,
      body: { ...household, quoteId: projectId, paymentOn: '2025-01-01' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'quoteId', message: e.quoteOfAnotherProject },
        { path: 'paymentOn', message: e.paymentBeforeFiling },
      ]),
    );
  });

  it('warns on an aid the person is not eligible to, and allows it with a justification, audited', async () => {
    const url = `/api/funding/plans/${planId}/applications`;
    const refused = await t.call(url, { cookie: s.referent.cookie, body: { aid: "crédit d'impôt" } });
    expect(refused.status).toBe(400);
    expect(refused.json.issues[0].path).toBe('justification');
    expect(refused.json.issues[0].message).toMatch(/n’est pas éligible/);
    const allowed = await t.call(url, {
      cookie: s.referent.cookie,
      body: { aid: "crédit d'impôt", justification: 'Revenus 2025 en hausse : à vérifier avec les impôts.' },
    });
    expect(allowed.status, allowed.text).toBe(201);
    expect((await auditRowsOf(database, allowed.json.id))[0]).toMatchObject({
      action: 'funding_application.create_not_eligible',
      changedFields: ['aid', 'justification'],
    });
  });

  it('follows the MaPrimeAdapt’ application from draft to paid, with delays and N+1 follow-ups; stale is 409', async () => {
    const created = await t.call(`/api/funding/plans/${planId}/applications`, {
      cookie: s.financial.cookie,
      body: { aid: 'mpa' },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    const step = (body: Record<string, unknown>) =>
      t.call(`/api/funding/applications/${id}/steps`, { cookie: s.financial.cookie, body });
    expect((await step({ status: 'paid', occurredOn: today, revision: 1 })).json.issues).toContainEqual({
      path: 'status',
      message: e.transitionNotAllowed,
    });
    expect((await step({ status: 'submitted', occurredOn: daysAgo(150), revision: 1 })).status).toBe(204);
    expect((await step({ status: 'submitted', occurredOn: daysAgo(150), revision: 1 })).status).toBe(409);
    const docs = await t.call(`/api/funding/applications/${id}/documents`, {
      method: 'PUT',
      cookie: s.financial.cookie,
      body: { documents: [{ key: 'autonomy_diagnostic', received: true }], revision: 2 },
    });
    expect(docs.status, docs.text).toBe(204);

    // A file silent for longer than the Anah's usual delay is reminded to the pathway referent, once.
    expect((await sendFundingReminders(database.db, new Date())).stalled).toBe(1);
    expect((await sendFundingReminders(database.db, new Date())).stalled).toBe(0);
    const { rows } = await database.execute(
      `select kind, link from notifications where user_id = $1 and kind = 'funding.application_stalled'`,
      [s.referent.userId],
    );
    expect(rows).toEqual([{ kind: 'funding.application_stalled', link: `/financements/projets/${projectId}` }]);

    expect((await step({ status: 'accepted', occurredOn: daysAgo(60), revision: 3 })).json.issues).toContainEqual({
      path: 'granted',
      message: e.grantedRequired,
    });
    expect((await step({ status: 'accepted', occurredOn: daysAgo(60), granted: '6 300', revision: 3 })).status).toBe(
      204,
    );
    expect((await step({ status: 'paid', occurredOn: daysAgo(30), revision: 4 })).status).toBe(204);
    const view = (await project()).json;
    const application = view.applications.find((a: { id: string }) => a.id === id);
    expect(application).toMatchObject({
      status: 'paid',
      grantedCents: 630_000,
      decisionDays: 90,
      paymentDays: 30,
    });
    expect(application.documents).toContainEqual({ key: 'autonomy_diagnostic', received: true });
    expect(application.timeline.map((e: { status: string }) => e.status)).toEqual([
      'draft',
      'submitted',
      'accepted',
      'paid',
    ]);
    // The tax credit line is not eligible here: only the use of the adaptation is followed up.
    expect(view.plans[0]).toMatchObject({ taxDeclarationDueOn: null, usageCheckDueOn: expect.any(String) });
    expect((await auditRowsOf(database, id)).map((r) => r.action)).toEqual([
      'funding_application.create',
      'funding_application.submitted',
      'funding_application.documents',
      'funding_application.remind',
      'funding_application.accepted',
      'funding_application.paid',
    ]);
  });

  it('counts amounts by funder and the out-of-pocket distribution, as JSON and CSV', async () => {
    const period = `from=${daysAgo(400)}&to=${today}`;
    const res = await t.call(`/api/funding/indicators?${period}`, { cookie: s.manager.cookie });
    expect(res.status, res.text).toBe(200);
    expect(res.json.byFunder).toEqual([
      { funder: 'Anah', applications: 1, requestedCents: 630_000, obtainedCents: 630_000, medianDecisionDays: 90 },
    ]);
    expect(res.json.outOfPocket.find((b: { from: number }) => b.from === 2000).plans).toBe(1);
    const csv = await t.call(`/api/funding/indicators.csv?${period}`, { cookie: s.referent.cookie });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Anah;1;6300,00;6300,00;90');
    expect((await t.call(`/api/funding/indicators?${period}`, { cookie: s.accueil.cookie })).status).toBe(404);
  });
});
