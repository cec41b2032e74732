import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';
import { createMatchableUnit } from '#tests/fixtures/demo-applications.ts';
import { sendRenewalReminders } from '#src/modules/applications/index.ts';
import { openPathway } from '#tests/fixtures/pathways.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'outsider' | 'manager' | 'landlord' | 'otherLandlord' | 'officer', RoleSession>;
let ws = '';
let landlordOrg = '';
let pathwayId = '';
let applicationId = '';
let personId = '';

const base = {
  sneNumber: '059 12 24 00123456 AB 4',
  firstFiledOn: '2025-06-01',
  isTransfer: true,
  wishedCommunes: ['59355'],
  communesStrict: true,
  wishedTypologies: ['T2', 'T3'],
  maxBudgetEur: 560,
  maxStepsClimbable: 2,
  walkingAid: 'cane',
  needsStepFreeShower: true,
  needsLift: true,
  weights: { near_doctor: 5, second_bedroom: 2 },
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas' });
  landlordOrg = await createOrganization(db, ws, { kind: 'landlord' });
  const otherLandlordOrg = await createOrganization(db, ws, { kind: 'landlord' });
  const as = (role: Parameters<typeof signInWithRole>[2]['role'], organizationId = ccas) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId, role });
  s.referent = await as('referent');
  s.outsider = await as('referent');
  s.manager = await as('manager');
  s.officer = await as('housing_officer');
  s.landlord = await as('landlord', landlordOrg);
  s.otherLandlord = await as('landlord', otherLandlordOrg);
  personId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Germaine',
    lastName: 'Duval',
    communeInsee: '59350',
    caseTeam: [
      { userId: s.referent.userId, organizationId: ccas },
      // The landlord signalled her: on the case team, yet applications stay out of a landlord's reach.
      { userId: s.landlord.userId, organizationId: landlordOrg },
    ],
  });
  pathwayId = await openPathway(t, s.referent, { personId, organizationId: ccas, channel: 'social_landlord' });
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('recording an application', () => {
  it('refuses a numéro unique in a wrong format, with a French message next to the field', async () => {
    const res = await t.call('/api/housing-applications', {
      cookie: s.referent.cookie,
      body: { ...base, pathwayId, sneNumber: '12345' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'sneNumber', message: expect.stringContaining('18 caractères') }]);
  });

  it('records it for a pathway the referent follows, normalised and audited, expiring a year later', async () => {
    const res = await t.call('/api/housing-applications', { cookie: s.referent.cookie, body: { ...base, pathwayId } });
    expect(res.status).toBe(201);
    applicationId = res.json.id;
    const detail = await t.call(`/api/housing-applications/${applicationId}`, { cookie: s.referent.cookie });
    expect(detail.json).toMatchObject({
      sneNumber: '059122400123456AB4',
      expiresOn: '2026-06-01',
      personName: 'Germaine Duval',
      qualified: true,
      wishedCommunes: [{ code: '59355', name: 'Lomme' }],
      cotationPoints: null,
    });
    expect((await auditRowsOf(database, applicationId)).map((r) => r.action)).toEqual([
      'housing_application.create',
      'housing_application.read',
    ]);
  });

  it('refuses the same numéro unique twice, an unknown commune, and a half-filled cotation', async () => {
    const res = await t.call('/api/housing-applications', {
      cookie: s.referent.cookie,
      body: { ...base, pathwayId, wishedCommunes: ['99999'], cotationPoints: 120 },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'cotationPoints',
      'sneNumber',
      'wishedCommunes.0',
    ]);
  });

  it('updates what changed, with the changed fields in the audit', async () => {
    const res = await t.call(`/api/housing-applications/${applicationId}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: { ...base, cotationPoints: 212, cotationGridVersion: 'MEL 2024', cotationAsOf: '2026-10-01' },
    });
    expect(res.status).toBe(200);
    const audit = await auditRowsOf(database, applicationId);
    expect(audit.at(-1)).toMatchObject({
      action: 'housing_application.update',
      changedFields: ['cotationAsOf', 'cotationGridVersion', 'cotationPoints'],
    });
  });
});

describe('household resources and wished services', () => {
  const resources = { householdSize: 1, referenceIncomeEur: 18_000, referenceIncomeYear: 2024 };
  it('refuses a household of 0, an income without its year and an unknown service, in French next to each field', async () => {
    const res = await t.call(`/api/housing-applications/${applicationId}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: { ...base, householdSize: 0, referenceIncomeEur: 18_000, wishedServices: ['spa'] },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'householdSize', message: 'Indiquez un nombre de personnes entre 1 et 20.' },
        { path: 'wishedServices.0', message: 'Choisissez des services dans la liste.' },
      ]),
    );
    const noYear = await t.call(`/api/housing-applications/${applicationId}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: { ...base, householdSize: 1, referenceIncomeEur: 18_000 },
    });
    expect(noYear.json.issues).toEqual([
      {
        path: 'referenceIncomeYear',
        message: 'Indiquez le revenu fiscal de référence et son année, ou aucun des deux.',
      },
    ]);
  });

  it('records them, audited with the changed fields, and returns them', async () => {
    const res = await t.call(`/api/housing-applications/${applicationId}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: { ...base, ...resources, wishedServices: ['common_room', 'telecare'] },
    });
    expect(res.status).toBe(200);
    expect((await auditRowsOf(database, applicationId)).at(-1)).toMatchObject({
      action: 'housing_application.update',
      changedFields: expect.arrayContaining([
        'householdSize',
        'referenceIncomeEur',
        'referenceIncomeYear',
        'wishedServices',
      ]),
    });
    const detail = await t.call(`/api/housing-applications/${applicationId}`, { cookie: s.referent.cookie });
    expect(detail.json).toMatchObject({ ...resources, wishedServices: ['common_room', 'telecare'] });
  });
});

describe('eligibility settings', () => {
  const ceiling = { financing: 'PLUS', householdSize: 1, validFrom: '2026-01-01', ceilingEur: 24_300, source: 'Test' };

  it('are kept by the housing officer only: 404 for a referent, read by landlords', async () => {
    expect((await t.call('/api/income-ceilings', { cookie: s.referent.cookie, body: ceiling })).status).toBe(404);
    const put = await t.call('/api/housing-admission-settings', {
      method: 'PUT',
      cookie: s.landlord.cookie,
      body: { residenceGirMin: 5, residenceGirMax: 6, asvMaxGir: 4 },
    });
    expect(put.status).toBe(404);
    const read = await t.call('/api/housing-eligibility-settings', { cookie: s.landlord.cookie });
    expect(read.json).toMatchObject({ ceilings: [], canManage: false });
  });

  it('refuses a bad ceiling or range with French messages next to the fields', async () => {
    const bad = await t.call('/api/income-ceilings', {
      cookie: s.officer.cookie,
      body: { ...ceiling, financing: 'PLI', householdSize: 7, ceilingEur: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'financing', message: 'Choisissez PLAI, PLUS ou PLS.' },
        { path: 'householdSize', message: 'Indiquez une taille de ménage entre 1 et 6.' },
        { path: 'ceilingEur', message: 'Indiquez un plafond en euros, supérieur à 0.' },
      ]),
    );
    const range = await t.call('/api/housing-admission-settings', {
      method: 'PUT',
      cookie: s.officer.cookie,
      body: { residenceGirMin: 6, residenceGirMax: 5, asvMaxGir: 4 },
    });
    expect(range.json.issues).toEqual([
      { path: 'residenceGirMax', message: 'Le GIR maximum doit être supérieur ou égal au GIR minimum.' },
    ]);
  });

  it('dates each ceiling, refuses a second one on the same date, and audits every change', async () => {
    const created = await t.call('/api/income-ceilings', { cookie: s.officer.cookie, body: ceiling });
    expect(created.status).toBe(201);
    const future = await t.call('/api/income-ceilings', {
      cookie: s.officer.cookie,
      body: { ...ceiling, validFrom: '2099-01-01', ceilingEur: 99_000 },
    });
    const twice = await t.call('/api/income-ceilings', { cookie: s.officer.cookie, body: ceiling });
    expect(twice.status).toBe(400);
    expect(twice.json.issues[0].path).toBe('validFrom');
    const list = await t.call('/api/housing-eligibility-settings', { cookie: s.officer.cookie });
    expect(list.json.ceilings).toEqual([
      expect.objectContaining({ id: future.json.id, inForce: false }),
      expect.objectContaining({ id: created.json.id, ceilingEur: 24_300, inForce: true, source: 'Test' }),
    ]);
    await t.call(`/api/income-ceilings/${future.json.id}`, { method: 'DELETE', cookie: s.officer.cookie });
    expect((await auditRowsOf(database, future.json.id)).map((r) => r.action)).toEqual([
      'income_ceiling.create',
      'income_ceiling.delete',
    ]);
    const saved = await t.call('/api/housing-admission-settings', {
      method: 'PUT',
      cookie: s.officer.cookie,
      body: { residenceGirMin: 5, residenceGirMax: 6, asvMaxGir: 4 },
    });
    expect(saved.status).toBe(200);
    const settings = await t.call('/api/housing-eligibility-settings', { cookie: s.officer.cookie });
    expect(settings.json.admission).toEqual({ residenceGirMin: 5, residenceGirMax: 6, asvMaxGir: 4 });
    const rows = await database.execute(
      "select changed_fields from audit_log where action = 'matching_settings.update' and actor_user_id = $1",
      [s.officer.userId],
    );
    expect(rows.rows).toHaveLength(1);
  });
});

describe('who sees an application', () => {
  it('answers 404 to a referent outside the case team, and to landlord staff even on the case team', async () => {
    for (const who of [s.outsider, s.landlord]) {
      const get = await t.call(`/api/housing-applications/${applicationId}`, { cookie: who.cookie });
      expect(get.status, who.role).toBe(404);
      const list = await t.call(`/api/housing-applications?pathwayId=${pathwayId}`, { cookie: who.cookie });
      expect(list.json.items, who.role).toEqual([]);
    }
    const put = await t.call(`/api/housing-applications/${applicationId}`, {
      method: 'PUT',
      cookie: s.outsider.cookie,
      body: base,
    });
    expect(put.status).toBe(404);
    const create = await t.call('/api/housing-applications', {
      cookie: s.outsider.cookie,
      body: { ...base, sneNumber: '059122400999999AB4', pathwayId },
    });
    expect(create.status).toBe(404);
    const matches = await t.call(`/api/housing-applications/${applicationId}/matches`, { cookie: s.outsider.cookie });
    expect(matches.status).toBe(404);
  });

  it('is listed for the referent and the owning organisation’s manager', async () => {
    for (const who of [s.referent, s.manager]) {
      const list = await t.call(`/api/housing-applications?pathwayId=${pathwayId}`, { cookie: who.cookie });
      expect(
        list.json.items.map((a: { id: string }) => a.id),
        who.role,
      ).toEqual([applicationId]);
    }
  });
});

describe('matching and the demand for a unit', () => {
  let fine = '';
  let bathtub = '';
  let works = '';
  let pls = '';
  let asv = '';
  beforeAll(async () => {
    const db = database.db;
    const make = (
      unit: Parameters<typeof createMatchableUnit>[1]['unit'],
      programme?: Parameters<typeof createMatchableUnit>[1]['programme'],
    ) => createMatchableUnit(db, { workspaceId: ws, organizationId: landlordOrg, unit, programme });
    fine = await make({});
    bathtub = await make({ showerType: 'bathtub' });
    works = await make({
      showerType: 'bathtub',
      works: ['step_free_shower'],
      worksFeasible: true,
      worksLandlordCommitment: true,
    });
    pls = await make({ financing: 'PLS' });
    asv = await make({}, { kind: 'asv_units' });
    const poi = await t.call('/api/points-of-interest', {
      cookie: s.officer.cookie,
      body: { kind: 'doctor', name: 'Cabinet du Bourg', latitude: 50.644, longitude: 2.988, communeInsee: '59355' },
    });
    expect(poi.status).toBe(201);
  });

  it('ranks compatible units first, names each failure and marks works-conditional units', async () => {
    const res = await t.call(`/api/housing-applications/${applicationId}/matches`, { cookie: s.referent.cookie });
    expect(res.status).toBe(200);
    const byUnit = new Map(res.json.items.map((m: { unit: { id: string } }) => [m.unit.id, m]));
    const ids = res.json.items.map((m: { unit: { id: string } }) => m.unit.id) as string[];
    expect(ids.filter((id) => [fine, works, bathtub].includes(id))).toEqual([fine, works, bathtub]);
    expect(byUnit.get(fine)).toMatchObject({ verdict: 'compatible', coverage: 1 });
    expect(byUnit.get(works)).toMatchObject({ verdict: 'after_works' });
    expect(byUnit.get(bathtub)).toMatchObject({
      verdict: 'incompatible',
      constraints: expect.arrayContaining([{ key: 'shower', outcome: 'fail', text: 'Baignoire ou douche à ressaut.' }]),
    });
    const doctor = (byUnit.get(fine) as { contributions: { key: string; text: string }[] }).contributions.find(
      (c) => c.key === 'near_doctor',
    )!;
    expect(doctor.text).toMatch(/^≈ \d+ min à pied \(Cabinet du Bourg\)/);
    expect(res.json.walkingMethod).toContain('1,3');
    const filtered = await t.call(`/api/housing-applications/${applicationId}/matches?verdict=incompatible`, {
      cookie: s.referent.cookie,
    });
    expect(filtered.json.items.map((m: { unit: { id: string } }) => m.unit.id)).toEqual([bathtub]);
  });

  it('checks the financing’s ceiling and the admission path, "à vérifier" when a datum or a setting is missing', async () => {
    type Line = { key: string; outcome: string; text: string };
    const lines = async (cookie: string) => {
      const res = await t.call(`/api/housing-applications/${applicationId}/matches`, { cookie });
      const byUnit = new Map<string, { verdict: string; constraints: Line[] }>(
        res.json.items.map((m: { unit: { id: string } }) => [m.unit.id, m]),
      );
      return (unitId: string, key: string) => ({
        verdict: byUnit.get(unitId)!.verdict,
        line: byUnit.get(unitId)!.constraints.find((c) => c.key === key),
      });
    };
    let of = await lines(s.referent.cookie);
    expect(of(fine, 'income_ceiling')).toMatchObject({
      verdict: 'compatible',
      line: { outcome: 'pass', text: expect.stringMatching(/2024 : 18\s000 € ; plafond PLUS : 24\s300 €/) },
    });
    expect(of(pls, 'income_ceiling')).toMatchObject({
      verdict: 'to_check',
      line: { outcome: 'unknown', text: expect.stringContaining('Aucun plafond PLS') },
    });
    expect(of(asv, 'admission')).toMatchObject({
      verdict: 'to_check',
      line: { outcome: 'unknown', text: expect.stringContaining('GIR de la personne n’est pas connu') },
    });
    await database.execute('update persons set gir = 3 where id = $1', [personId]);
    of = await lines(s.referent.cookie);
    expect(of(asv, 'admission')).toMatchObject({ line: { outcome: 'pass', text: expect.stringContaining('GIR 3') } });
    // The manager sees the application but may not read special-category data: the outcome, not the value.
    const manager = (await lines(s.manager.cookie))(asv, 'admission');
    expect(manager).toMatchObject({ verdict: 'compatible', line: { outcome: 'pass' } });
    expect(manager.line!.text).not.toMatch(/GIR 3/);
    await database.execute('update persons set gir = 6 where id = $1', [personId]);
    expect((await lines(s.referent.cookie))(asv, 'admission')).toMatchObject({
      verdict: 'incompatible',
      line: { outcome: 'fail' },
    });
  });

  it('shows a landlord anonymous counts only, small cells as "< 5"', async () => {
    const res = await t.call(`/api/units/${bathtub}/demand`, { cookie: s.landlord.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      qualified: { count: null, label: '< 5' },
      passing: { count: 0, label: '0' },
      eliminatedBy: [{ key: 'shower', applications: { count: null, label: '< 5' } }],
      persons: null,
    });
    expect(JSON.stringify(res.json)).not.toContain('Duval');
  });

  it('names the persons for a referent who may open their files, and hides another landlord’s unit', async () => {
    const res = await t.call(`/api/units/${fine}/demand`, { cookie: s.referent.cookie });
    expect(res.json).toMatchObject({
      qualified: { count: 1 },
      passing: { count: 1 },
      persons: [{ applicationId, personName: 'Germaine Duval', verdict: 'compatible' }],
    });
    const outsider = await t.call(`/api/units/${fine}/demand`, { cookie: s.outsider.cookie });
    expect(outsider.json).toMatchObject({ passing: { count: 1 }, persons: [] });
    expect((await t.call(`/api/units/${fine}/demand`, { cookie: s.otherLandlord.cookie })).status).toBe(404);
  });
});

describe('points of interest', () => {
  it('are maintained by the housing officer only, with the commune checked', async () => {
    const body = {
      kind: 'pharmacy',
      name: 'Pharmacie du Marais',
      latitude: 50.64,
      longitude: 2.98,
      communeInsee: '59355',
    };
    expect((await t.call('/api/points-of-interest', { cookie: s.referent.cookie, body })).status).toBe(404);
    const bad = await t.call('/api/points-of-interest', {
      cookie: s.officer.cookie,
      body: { ...body, communeInsee: '00000' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('communeInsee');
    const created = await t.call('/api/points-of-interest', { cookie: s.officer.cookie, body });
    const id = created.json.id;
    const list = await t.call('/api/points-of-interest', { cookie: s.referent.cookie });
    expect(list.json.items).toContainEqual(expect.objectContaining({ id, communeName: 'Lomme', accessible: null }));
    const removed = await t.call(`/api/points-of-interest/${id}`, { method: 'DELETE', cookie: s.officer.cookie });
    expect(removed.status).toBe(200);
    expect((await auditRowsOf(database, id)).map((r) => r.action)).toEqual([
      'point_of_interest.create',
      'point_of_interest.delete',
    ]);
  });
});

describe('renewal reminders', () => {
  const notificationsOf = async (userId: string) =>
    (
      await database.execute(
        "select title, link from notifications where user_id = $1 and kind = 'housing_application.renewal' order by created_at",
        [userId],
      )
    ).rows as { title: string; link: string }[];

  it('reminds the referent once 60 days ahead and once 30 days ahead, never twice, again after a renewal', async () => {
    // The application expires on 2026-06-01.
    const noon = (day: string) => new Date(`${day}T10:00:00Z`);
    expect(await sendRenewalReminders(database.db, noon('2026-03-01'))).toEqual({ sent: 0 });
    expect(await sendRenewalReminders(database.db, noon('2026-04-15'))).toEqual({ sent: 1 });
    expect(await sendRenewalReminders(database.db, noon('2026-04-16'))).toEqual({ sent: 0 });
    expect(await sendRenewalReminders(database.db, noon('2026-05-10'))).toEqual({ sent: 1 });
    expect(await sendRenewalReminders(database.db, noon('2026-05-11'))).toEqual({ sent: 0 });
    expect(await notificationsOf(s.referent.userId)).toEqual([
      { title: 'Demande de logement social à renouveler dans 47 jours', link: `/demandes-logement/${applicationId}` },
      { title: 'Demande de logement social à renouveler dans 22 jours', link: `/demandes-logement/${applicationId}` },
    ]);
    const renewed = await t.call(`/api/housing-applications/${applicationId}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: { ...base, lastRenewedOn: '2026-05-12' },
    });
    expect(renewed.status).toBe(200);
    expect(await sendRenewalReminders(database.db, noon('2026-05-12'))).toEqual({ sent: 0 });
    expect(await sendRenewalReminders(database.db, noon('2027-04-01'))).toEqual({ sent: 1 });
  });
});
