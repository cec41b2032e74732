import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { pdfText } from '#src/shared/pdf/pdf-text.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { insertTrials } from '#src/modules/trials/index.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { openPathway } from '#tests/fixtures/pathways.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

const v = messages.recommendations.validation;

let database: Database;
let t: TestApp;
let ws = '';
let ot: RoleSession;
let otElsewhere: RoleSession;
let referent: RoleSession;
let reception: RoleSession;
let landlord: RoleSession;
let ccas = '';
let personId = '';
let pathwayId = '';
let board = '';
let cane = '';

const sheetUrl = () => `/api/pathways/${pathwayId}/recommendation-sheet`;

/** A catalogue product written directly, as the catalogue's seed does. */
async function insertProduct(input: {
  name: string;
  iso: string;
  priceCents: number;
  lpp?: { code: string; base: number; ceiling: number | null };
  localDistributor?: string;
}) {
  const id = newId();
  await database.execute(
    `insert into catalogue_products (workspace_id, id, name, primary_iso_code, iso_edition, average_price_cents, price_date,
       price_source, lpp_code, lpp_base_cents, lpp_ceiling_cents)
     values ($1, $2, $3, $4, '2022', $5, '2026-09-01', 'relevé', $6, $7, $8)`,
    [
      ws,
      id,
      input.name,
      input.iso,
      input.priceCents,
      input.lpp?.code ?? null,
      input.lpp?.base ?? null,
      input.lpp?.ceiling ?? null,
    ],
  );
  if (input.localDistributor) {
    const distributorId = newId();
    await database.execute(
      `insert into catalogue_distributors (workspace_id, id, name, is_local, city, phone) values ($1, $2, $3, true, 'Lattes', '04 67 00 00 00')`,
      [ws, distributorId, input.localDistributor],
    );
    await database.execute(
      'insert into catalogue_product_distributors (workspace_id, id, product_id, distributor_id) values ($1, $2, $3, $4)',
      [ws, newId(), id, distributorId],
    );
  }
  return id;
}

const content = (overrides: Record<string, unknown> = {}) => ({
  situation: 'Vit seul ; difficultés pour enjamber la baignoire.',
  groupBy: 'activity',
  groups: [
    { key: 'd510', items: [{ productId: board, note: 'Largeur 70 cm' }] },
    { key: 'd450', items: [{ productId: cane, note: '' }] },
  ],
  works: [{ room: 'bathroom', what: 'Douche de plain-pied', why: 'Risque de chute' }],
  fundingLeads: 'Caisse de retraite',
  notes: '',
  ...overrides,
});

const save = (session: RoleSession, revision: number, body = content()) =>
  t.call(sheetUrl(), { method: 'PUT', cookie: session.cookie, body: { revision, content: body } });
const handOver = (session: RoleSession, revision: number, sharedWithPerson = false) =>
  t.call(`${sheetUrl()}/versions`, { cookie: session.cookie, body: { revision, sharedWithPerson } });
const read = (session: RoleSession) => t.call(sheetUrl(), { cookie: session.cookie });

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  ws = await createWorkspace(db);
  ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lattes' });
  const bailleur = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat du Sud' });
  const as = (organizationId: string, role: RoleSession['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId, role });
  ot = await as(ccas, 'ot');
  otElsewhere = await as(ccas, 'ot');
  referent = await as(ccas, 'referent');
  reception = await as(ccas, 'reception');
  landlord = await as(bailleur, 'landlord');
  personId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Joseph',
    lastName: 'Garcia',
    birthDate: '1944-03-12',
    caseTeam: [
      { userId: ot.userId, organizationId: ccas },
      { userId: referent.userId, organizationId: ccas },
    ],
    details: { gir: 4, girAssessedOn: '2026-11-02', girSource: 'aggir_grid' },
  });
  pathwayId = await openPathway(t, referent, { personId, organizationId: ccas });
  board = await insertProduct({
    name: 'Planche de bain',
    iso: '093303',
    priceCents: 4590,
    localDistributor: 'Médical Sud',
  });
  cane = await insertProduct({
    name: 'Canne anglaise',
    iso: '120306',
    priceCents: 2500,
    lpp: { code: '1234567', base: 1220, ceiling: 2200 },
  });
  await insertTrials(db, [
    {
      workspaceId: ws,
      id: newId(),
      personId,
      productId: board,
      therapistUserId: ot.userId,
      context: 'showroom',
      triedOn: '2026-11-20',
      outcome: 'suitable',
      reasonNote: 'Transfert sûr',
    },
  ]);
});

afterAll(async () => {
  t.close();
  await database.close();
});

describe('the draft', () => {
  it('starts empty, pre-filled with the age and the GIR on file for the therapist', async () => {
    const res = await read(ot);
    expect(res.status, res.text).toBe(200);
    expect(res.json.draft).toBeNull();
    expect(res.json.canWrite).toBe(true);
    expect(res.json.pathway).toMatchObject({ id: pathwayId, personId, firstName: 'Joseph', lastName: 'Garcia' });
    expect(res.json.person.gir).toBe(4);
    expect(res.json.person.age).toBeGreaterThanOrEqual(82);
    expect(res.json.versions).toEqual([]);
  });

  it('refuses unknown products and groups with French messages on their paths', async () => {
    const res = await save(
      ot,
      0,
      content({
        groups: [
          { key: 'bathroom', items: [] },
          { key: 'd510', items: [{ productId: newId(), note: '' }] },
          { key: 'd510', items: [] },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'content.groups.0.key', message: v.unknownGroup },
        { path: 'content.groups.1.items.0.productId', message: v.productUnknown },
        { path: 'content.groups.2.key', message: v.duplicateGroup },
      ]),
    );
    expect((await read(ot)).json.draft).toBeNull();
  });

  it('is created on revision 0, saved on the revision read, and a stale revision is a 409 with the current draft', async () => {
    const created = await save(ot, 0);
    expect(created.status, created.text).toBe(200);
    expect(created.json.revision).toBe(1);
    expect((await save(ot, 0)).status).toBe(409);

    const updated = await save(ot, 1, content({ notes: 'Revoir dans trois mois.' }));
    expect(updated.json.revision).toBe(2);
    const stale = await save(ot, 1, content({ notes: 'Écrit dans un autre onglet' }));
    expect(stale.status).toBe(409);
    expect(stale.json.message).toBe(messages.recommendations.conflict.stale);
    expect(stale.json.details.current).toMatchObject({ revision: 2, content: { notes: 'Revoir dans trois mois.' } });

    const view = (await read(ot)).json;
    expect(view.draft).toMatchObject({ revision: 2, content: { notes: 'Revoir dans trois mois.' } });
    const boardView = view.products.find((p: { id: string }) => p.id === board);
    expect(boardView).toMatchObject({
      isoCodeDisplay: '09 33 03',
      averagePrice: { cents: 4590, date: '2026-09-01' },
      localDistributors: [{ name: 'Médical Sud', phone: '04 67 00 00 00' }],
      trial: { outcome: 'suitable', triedOn: '2026-11-20', remark: 'Transfert sûr' },
    });
    expect(await auditRowsOf(database, created.json.id)).toEqual([
      expect.objectContaining({
        action: 'recommendation_sheet.created',
        actorUserId: ot.userId,
        changedFields: expect.arrayContaining(['content.groups', 'content.situation', 'content.works']),
      }),
      expect.objectContaining({ action: 'recommendation_sheet.updated', changedFields: ['content.notes'] }),
    ]);
  });

  it('is read by the case team, written only by a therapist, hidden from everyone else as missing', async () => {
    const byReferent = await read(referent);
    expect(byReferent.status).toBe(200);
    expect(byReferent.json.canWrite).toBe(false);
    // Without the permission the route answers as for a missing record.
    expect((await save(referent, 2)).status).toBe(404);
    // Another therapist outside the case team, a landlord not on it: as if the pathway did not exist.
    expect((await read(otElsewhere)).status).toBe(404);
    expect((await save(otElsewhere, 2)).status).toBe(404);
    expect((await handOver(otElsewhere, 2)).status).toBe(404);
    expect((await read(landlord)).status).toBe(404);
    // Reception sees every file of its organisation, but not health data: no GIR.
    const byReception = await read(reception);
    expect(byReception.status).toBe(200);
    expect(byReception.json.person.gir).toBeNull();
  });
});

describe('handing over', () => {
  let first = '';

  it('refuses a sheet that recommends nothing', async () => {
    const emptied = await save(ot, 2, content({ groups: [{ key: 'd510', items: [] }], works: [] }));
    expect(emptied.status).toBe(200);
    const res = await handOver(ot, 3);
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'content.groups', message: v.emptySheet }]);
    expect((await save(ot, 3)).status).toBe(200);
  });

  it('freezes the draft as version 1; the same revision handed over twice is a 409', async () => {
    const res = await handOver(ot, 4, true);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ version: 1, revision: 5 });
    first = res.json.id;
    expect((await handOver(ot, 4)).status).toBe(409);
    const rows = await auditRowsOf(database, first);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'recommendation_sheet.handed_over',
        entityType: 'recommendation_sheet_version',
        actorUserId: ot.userId,
      }),
    ]);
  });

  it('never lets a later draft or version change what was handed over', async () => {
    const changed = await save(ot, 5, content({ situation: 'Situation revue après la visite', groups: [] }));
    expect(changed.status).toBe(200);
    const second = await handOver(ot, 6);
    expect(second.json.version).toBe(2);

    const v1 = await t.call(`/api/recommendation-sheet-versions/${first}`, { cookie: referent.cookie });
    expect(v1.status).toBe(200);
    expect(v1.json).toMatchObject({
      version: 1,
      sharedWithPerson: true,
      content: { situation: content().situation },
      snapshot: {
        therapistName: expect.any(String),
        organizationName: 'CCAS de Lattes',
        person: { firstName: 'Joseph', lastName: 'Garcia', gir: 4 },
      },
    });
    expect(v1.json.snapshot.products.map((p: { name: string }) => p.name)).toEqual([
      'Planche de bain',
      'Canne anglaise',
    ]);
    const list = (await read(ot)).json.versions;
    expect(list.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    // The database itself refuses to rewrite a version.
    await expect(
      database.execute(`update recommendation_sheet_versions set content = '{}'::jsonb where id = $1`, [first]),
    ).rejects.toThrow(/immutable/);
    // Reception reads the version without the GIR; a landlord outside the case team not at all.
    const byReception = await t.call(`/api/recommendation-sheet-versions/${first}`, { cookie: reception.cookie });
    expect(byReception.json.snapshot.person.gir).toBeNull();
    expect((await t.call(`/api/recommendation-sheet-versions/${first}`, { cookie: landlord.cookie })).status).toBe(404);
  });

  it('prints any version as a PDF naming its products, and audits the printing', async () => {
    const response = await t.app.request(`${TEST_ORIGIN}/api/recommendation-sheet-versions/${first}/pdf`, {
      headers: { origin: TEST_ORIGIN, cookie: referent.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      'attachment; filename="Preconisations Garcia Joseph v1',
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Planche de bain');
    expect(text).toContain('Canne anglaise');
    expect(text).toContain('Code LPP 1234567');
    expect(text).toContain('Médical Sud');
    expect(text).toContain('Essai du 20 novembre 2026 : Adapté — Transfert sûr');
    expect((await auditRowsOf(database, first)).map((r) => r.action)).toContain('recommendation_sheet.printed');
    const missing = await t.call(`/api/recommendation-sheet-versions/${newId()}/pdf`, { cookie: referent.cookie });
    expect(missing.status).toBe(404);
  });

  it('hands over what is on screen in one request: the draft takes it, audited as its change, then the version', async () => {
    const before = (await read(ot)).json.draft;
    const res = await t.call(`${sheetUrl()}/versions`, {
      cookie: ot.cookie,
      body: { revision: before.revision, content: { ...before.content, notes: 'Revoir après la livraison.' } },
    });
    expect(res.status, res.text).toBe(201);
    const after = (await read(ot)).json.draft;
    expect(after).toMatchObject({ revision: before.revision + 1, content: { notes: 'Revoir après la livraison.' } });
    const handed = await t.call(`/api/recommendation-sheet-versions/${res.json.id}`, { cookie: ot.cookie });
    expect(handed.json.content.notes).toBe('Revoir après la livraison.');
    expect((await auditRowsOf(database, before.id)).at(-1)).toEqual(
      expect.objectContaining({ action: 'recommendation_sheet.updated', changedFields: ['content.notes'] }),
    );
  });
});

describe('funding leads', () => {
  let leadPathwayId = '';
  let projectId = '';
  let revision = 0;
  const leadsUrl = () => `/api/pathways/${leadPathwayId}/recommendation-sheet`;
  const options = (session: RoleSession) => t.call(`${leadsUrl()}/funding-options`, { cookie: session.cookie });
  const saveLeads = (aidLeads: unknown[], fundingLeads = '') =>
    t.call(leadsUrl(), {
      method: 'PUT',
      cookie: ot.cookie,
      body: { revision, content: content({ aidLeads, fundingLeads }) },
    });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

  /** A project with a quote and a saved plan, as the funding team records them (MaPrimeAdapt' certain, 6 300 €). */
  async function projectWithPlan(onPathway: string, title: string, withPlan = true) {
    const created = await t.call('/api/funding/projects', {
      cookie: referent.cookie,
      body: { pathwayId: onPathway, title },
    });
    expect(created.status, created.text).toBe(201);
    if (!withPlan) return created.json.id as string;
    const quote = await t.call(`/api/funding/projects/${created.json.id}/quotes`, {
      cookie: referent.cookie,
      body: {
        supplierName: 'Bains Sécurité SARL',
        issuedOn: '2025-05-15',
        lines: [
          { label: 'Douche', quantity: '1', unitPriceExclTax: '8 000,00', vatRate: 'renovation', eligibleWorks: true },
          { label: 'Barres', quantity: '2', unitPriceExclTax: '500', vatRate: 'renovation', eligibleWorks: true },
        ],
        statedInclTax: '9 900,00',
      },
    });
    expect(quote.status, quote.text).toBe(201);
    const plan = await t.call(`/api/funding/projects/${created.json.id}/plans`, {
      cookie: referent.cookie,
      body: {
        quoteId: quote.json.id,
        filingOn: '2025-06-01',
        paymentOn: '2025-09-01',
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
    return created.json.id as string;
  }

  beforeAll(async () => {
    leadPathwayId = await openPathway(t, referent, { personId, organizationId: ccas });
  });

  it('proposes the aids of a simulation on the person’s file while no project has a plan', async () => {
    const res = await options(ot);
    expect(res.status, res.text).toBe(200);
    expect(res.json.basis).toBe('simulation');
    expect(res.json.projects).toEqual([]);
    const mpa = res.json.options.find((o: { aid: string }) => o.aid === 'mpa');
    // The file gives no income: nothing is certain, and no amount is made up.
    expect(mpa).toMatchObject({ projectId: null, funder: 'Anah', status: 'to_check', basisOn: today });
    expect(res.json.options.map((o: { aid: string }) => o.aid)).toContain('apa');
    // The aids are funding data: reception, without the funding permission, does not reach them.
    expect((await options(reception)).status).toBe(404);
  });

  it('keeps the figures the funding module gives, never those the browser sends', async () => {
    const res = await saveLeads([
      { aid: 'mpa', projectId: null, note: 'Pour la douche', status: 'eligible', amountCents: 999_999, title: 'X' },
    ]);
    expect(res.status, res.text).toBe(200);
    revision = res.json.revision;
    const [lead] = (await t.call(leadsUrl(), { cookie: ot.cookie })).json.draft.content.aidLeads;
    expect(lead).toMatchObject({
      aid: 'mpa',
      projectId: null,
      note: 'Pour la douche',
      funder: 'Anah',
      status: 'to_check',
      amountCents: null,
      basisOn: today,
    });
    expect(lead.title).not.toBe('X');
  });

  it('refuses an aid that does not exist, or twice the same, with French messages on the lead', async () => {
    const res = await saveLeads([
      { aid: 'aide inventée', projectId: null, note: '' },
      { aid: 'mpa', projectId: null, note: '' },
      { aid: 'mpa', projectId: null, note: '' },
    ]);
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'content.aidLeads.0.aid', message: v.aidUnknown },
        { path: 'content.aidLeads.2.aid', message: v.duplicateLead },
      ]),
    );
  });

  it('links a lead to a project’s plan: eligible for its share of the cost', async () => {
    projectId = await projectWithPlan(leadPathwayId, 'Salle de bain');
    const offered = await options(ot);
    expect(offered.json.basis).toBe('plans');
    expect(offered.json.projects).toEqual([{ id: projectId, title: 'Salle de bain', planOn: today }]);
    expect(offered.json.options.find((o: { aid: string }) => o.aid === 'mpa')).toMatchObject({
      projectId,
      projectTitle: 'Salle de bain',
      status: 'eligible',
      amountCents: 630_000,
    });
    const res = await saveLeads([{ aid: 'mpa', projectId, note: '' }], 'Complémentaire santé');
    expect(res.status, res.text).toBe(200);
    revision = res.json.revision;
    expect((await t.call(leadsUrl(), { cookie: ot.cookie })).json.draft.content).toMatchObject({
      fundingLeads: 'Complémentaire santé',
      aidLeads: [{ aid: 'mpa', projectId, projectTitle: 'Salle de bain', status: 'eligible', amountCents: 630_000 }],
    });
  });

  it('answers 404 for another workspace’s project, 400 for a project of another pathway or without a plan', async () => {
    const elsewhere = await createWorkspace(database.db);
    const org = await createOrganization(database.db, elsewhere, { kind: 'ccas' });
    const theirReferent = await signInWithRole(t, database, {
      workspaceId: elsewhere,
      organizationId: org,
      role: 'referent',
    });
    const theirPerson = await createPerson(database.db, {
      workspaceId: elsewhere,
      owningOrganizationId: org,
      caseTeam: [{ userId: theirReferent.userId, organizationId: org }],
    });
    const theirPathwayId = await openPathway(t, theirReferent, {
      personId: theirPerson,
      organizationId: org,
      channel: 'self',
    });
    const theirProject = await t.call('/api/funding/projects', {
      cookie: theirReferent.cookie,
      body: { pathwayId: theirPathwayId, title: 'Leur projet' },
    });
    expect(theirProject.status, theirProject.text).toBe(201);
    expect((await saveLeads([{ aid: 'mpa', projectId: theirProject.json.id, note: '' }])).status).toBe(404);

    const onFirstPathway = await projectWithPlan(pathwayId, 'Autre parcours', false);
    const withoutPlan = await projectWithPlan(leadPathwayId, 'Cuisine', false);
    const res = await saveLeads([
      { aid: 'mpa', projectId: onFirstPathway, note: '' },
      { aid: 'mpa', projectId: withoutPlan, note: '' },
      { aid: 'aide inventée', projectId, note: '' },
    ]);
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: 'content.aidLeads.0.projectId', message: v.projectOfAnotherPathway },
      { path: 'content.aidLeads.1.projectId', message: v.projectWithoutPlan },
      { path: 'content.aidLeads.2.aid', message: v.aidUnknown },
    ]);
    expect((await t.call(leadsUrl(), { cookie: ot.cookie })).json.draft.content.aidLeads).toHaveLength(1);
  });

  it('freezes the leads in the version handed over and prints them, uncertain ones never as estimates', async () => {
    const handed = await t.call(`${leadsUrl()}/versions`, { cookie: ot.cookie, body: { revision } });
    expect(handed.status, handed.text).toBe(201);
    revision = handed.json.revision;
    const removed = await saveLeads([]);
    expect(removed.status).toBe(200);
    const version = await t.call(`/api/recommendation-sheet-versions/${handed.json.id}`, { cookie: ot.cookie });
    expect(version.json.content.aidLeads).toEqual([
      expect.objectContaining({ aid: 'mpa', projectId, status: 'eligible', amountCents: 630_000 }),
    ]);
    const response = await t.app.request(`${TEST_ORIGIN}/api/recommendation-sheet-versions/${handed.json.id}/pdf`, {
      headers: { origin: TEST_ORIGIN, cookie: ot.cookie },
    });
    const text = pdfText(Buffer.from(await response.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toMatch(/Anah Éligible 6\s300,00\s€/);
    expect(text).toContain('Plan de financement « Salle de bain »');
    expect(text).toContain('Complémentaire santé');
  });
});
