import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { newId } from '#src/shared/db/ids.ts';
import { addDays } from '#src/modules/offers/domain/answer-delay.ts';
import { sendAnswerReminders } from '#src/modules/offers/index.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';
import { createMatchableUnit } from '#tests/fixtures/demo-applications.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'outsider' | 'officer' | 'landlord' | 'otherLandlord', RoleSession>;
let ws = '';
let ccas = '';
let landlordOrg = '';
let otherLandlordOrg = '';
let committeeId = '';
const today = parisDay(new Date());

type Case = { sneNumber: string; applicationId: string; pathwayId: string };

let sneSerial = 100;
/** A person followed by the referent, with an open pathway and an application; the pathway at `stageKey`. */
async function applicant(stageKey = 'co_construction'): Promise<Case> {
  const personId = await createPerson(database.db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Germaine',
    lastName: `Duval ${sneSerial}`,
    caseTeam: [{ userId: s.referent.userId, organizationId: ccas }],
  });
  const pathway = await t.call('/api/pathways', {
    cookie: s.referent.cookie,
    body: { personId, owningOrganizationId: ccas, referentUserId: s.referent.userId, channel: 'social_landlord' },
  });
  expect(pathway.status).toBe(201);
  const pathwayId = pathway.json.id as string;
  // Stage set directly: walking the qualification and the case review is the pathways module's test.
  await database.execute(
    `update pathways set stage_id = (select id from pathway_stages where workspace_id = $1 and key = $2)
     where workspace_id = $1 and id = $3`,
    [ws, stageKey, pathwayId],
  );
  if (stageKey === 'co_construction')
    await database.execute(
      `insert into pathway_solution_options (workspace_id, id, pathway_id, kind, description, chosen_on, created_by)
       values ($1, $2, $3, 'social_housing_transfer', 'Mutation dans le parc social', $4, $5)`,
      [ws, newId(), pathwayId, addDays(today, -40), s.referent.userId],
    );
  const sneNumber = `059122400${String(sneSerial++).padStart(6, '0')}AB4`;
  const res = await t.call('/api/housing-applications', {
    cookie: s.referent.cookie,
    body: { pathwayId, sneNumber, firstFiledOn: '2026-01-10', wishedTypologies: ['T2'], maxStepsClimbable: 0 },
  });
  expect(res.status).toBe(201);
  return { sneNumber, applicationId: res.json.id, pathwayId };
}

const unit = () => createMatchableUnit(database.db, { workspaceId: ws, organizationId: landlordOrg });

async function offer(c: Case, unitId: string, who = s.landlord) {
  const res = await t.call('/api/offers', {
    cookie: who.cookie,
    body: { sneNumber: c.sneNumber, unitId, origin: 'landlord', proposedOn: addDays(today, -30) },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

async function attribute(offerId: string, notifiedOn: string) {
  const res = await t.call(`/api/offers/${offerId}/committee-decision`, {
    cookie: s.landlord.cookie,
    body: { committeeId, decision: 'attribution', rank: 1, notifiedOn },
  });
  expect(res.status).toBe(204);
}

const stageKeyOf = async (pathwayId: string) =>
  (
    await database.execute(
      `select s.key from pathways p join pathway_stages s on s.workspace_id = p.workspace_id and s.id = p.stage_id
       where p.id = $1`,
      [pathwayId],
    )
  ).rows[0]?.key;
const unitStatusOf = async (unitId: string) =>
  (await database.execute('select status from housing_units where id = $1', [unitId])).rows[0]?.status;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  ws = await createWorkspace(database.db);
  ccas = await createOrganization(database.db, ws, { kind: 'ccas' });
  landlordOrg = await createOrganization(database.db, ws, { kind: 'landlord' });
  otherLandlordOrg = await createOrganization(database.db, ws, { kind: 'landlord' });
  const as = (role: Parameters<typeof signInWithRole>[2]['role'], organizationId = ccas) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId, role });
  s.referent = await as('referent');
  s.outsider = await as('referent');
  s.officer = await as('housing_officer');
  s.landlord = await as('landlord', landlordOrg);
  s.otherLandlord = await as('landlord', otherLandlordOrg);
  const committee = await t.call('/api/offer-committees', {
    cookie: s.landlord.cookie,
    body: { heldOn: addDays(today, -60), commune: 'Lomme' },
  });
  expect(committee.status).toBe(201);
  committeeId = committee.json.id;
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('making offers', () => {
  it('lets landlord staff offer their own unit by the numéro unique, audited with the person', async () => {
    const c = await applicant();
    const offerId = await offer(c, await unit());
    const detail = await t.call(`/api/offers/${offerId}`, { cookie: s.landlord.cookie });
    expect(detail.json).toMatchObject({ status: 'proposed', sneNumber: c.sneNumber, applicationId: c.applicationId });
    const [created] = await auditRowsOf(database, offerId);
    expect(created).toMatchObject({ action: 'offer.create', actorUserId: s.landlord.userId });
    const person = await database.execute('select person_id from audit_log where entity_id = $1', [offerId]);
    expect(person.rows[0]?.person_id).toBe(detail.json.personId);
  });

  it('keeps another landlord out: their units are unknown, their offers missing (404) and unlisted', async () => {
    const c = await applicant();
    const unitId = await unit();
    const offerId = await offer(c, unitId);
    const res = await t.call('/api/offers', {
      cookie: s.otherLandlord.cookie,
      body: { sneNumber: c.sneNumber, unitId, origin: 'landlord', proposedOn: today },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'unitId', message: 'Logement introuvable.' }]);
    expect((await t.call(`/api/offers/${offerId}`, { cookie: s.otherLandlord.cookie })).status).toBe(404);
    expect((await t.call(`/api/offers/${offerId}`, { cookie: s.outsider.cookie })).status).toBe(404);
    const list = await t.call('/api/offers', { cookie: s.otherLandlord.cookie });
    expect(list.json.items).toEqual([]);
    const mine = await t.call(`/api/offers?applicationId=${c.applicationId}`, { cookie: s.referent.cookie });
    expect(mine.json.items.map((o: { id: string }) => o.id)).toEqual([offerId]);
  });

  it('refuses an offer on an allocated unit with 409 and a French message', async () => {
    const c = await applicant();
    const unitId = await createMatchableUnit(database.db, {
      workspaceId: ws,
      organizationId: landlordOrg,
      unit: { status: 'allocated' },
    });
    const res = await t.call('/api/offers', {
      cookie: s.officer.cookie,
      body: { sneNumber: c.sneNumber, unitId, origin: 'ccas_suggestion', proposedOn: today },
    });
    expect(res.status).toBe(409);
    expect(res.json.message).toContain('déjà attribué');
  });
});

describe('the unit picker', () => {
  it('lists the units a user may offer, available now or later, narrowed by every word typed', async () => {
    const mine = (unit: Record<string, unknown>) =>
      createMatchableUnit(database.db, { workspaceId: ws, organizationId: landlordOrg, unit });
    const vacantT5 = await mine({ landlordUnitRef: 'PICK-1', typology: 'T5', bedrooms: 4 });
    const forthcomingT2 = await mine({ landlordUnitRef: 'PICK-2', status: 'to_deliver', availableFrom: '2027-03-01' });
    await mine({ landlordUnitRef: 'PICK-3', status: 'allocated' });
    const theirs = await createMatchableUnit(database.db, {
      workspaceId: ws,
      organizationId: otherLandlordOrg,
      unit: { landlordUnitRef: 'PICK-4' },
    });
    const ids = async (who: RoleSession, q: string) => {
      const res = await t.call(`/api/offer-units?${new URLSearchParams({ q })}`, { cookie: who.cookie });
      expect(res.status).toBe(200);
      return (res.json.items as { id: string }[]).map((i) => i.id).sort();
    };

    expect(await ids(s.landlord, 'pick')).toEqual([vacantT5, forthcomingT2].sort());
    // Every word must match: the typology and the commune, accents and case ignored.
    expect(await ids(s.landlord, 'pick t5 LOMMÉ')).toEqual([vacantT5]);
    expect(await ids(s.otherLandlord, 'pick')).toEqual([theirs]);
    expect(await ids(s.officer, 'pick')).toEqual([vacantT5, forthcomingT2, theirs].sort());
    expect(await ids(s.referent, 'pick')).toEqual([]);
    const one = await t.call(`/api/offer-units?q=PICK-2`, { cookie: s.landlord.cookie });
    expect(one.json).toMatchObject({
      total: 1,
      items: [{ landlordUnitRef: 'PICK-2', status: 'to_deliver', availableFrom: '2027-03-01', communeName: 'Lomme' }],
    });
  });
});

describe('the committee', () => {
  it('asks the rank of an attribution and starts a ten-day delay from the notification', async () => {
    const offerId = await offer(await applicant(), await unit());
    const missing = await t.call(`/api/offers/${offerId}/committee-decision`, {
      cookie: s.landlord.cookie,
      body: { committeeId, decision: 'attribution', notifiedOn: addDays(today, -1) },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.issues.map((i: { path: string }) => i.path)).toEqual(['rank']);
    await attribute(offerId, addDays(today, -1));
    const detail = await t.call(`/api/offers/${offerId}`, { cookie: s.referent.cookie });
    expect(detail.json).toMatchObject({
      status: 'attributed',
      committeeRank: 1,
      responseDeadline: addDays(today, 9),
      committee: { id: committeeId, commune: 'Lomme' },
    });
  });
});

describe('the person’s answer', () => {
  it('is recorded by the case team only', async () => {
    const offerId = await offer(await applicant(), await unit());
    const body = { answer: 'refuse', answeredOn: today, refusal: { primaryReason: 'LOC.SANTE' } };
    expect((await t.call(`/api/offers/${offerId}/answer`, { cookie: s.landlord.cookie, body })).status).toBe(404);
    expect((await t.call(`/api/offers/${offerId}/answer`, { cookie: s.outsider.cookie, body })).status).toBe(404);
    expect((await t.call(`/api/offers/${offerId}/answer`, { cookie: s.officer.cookie, body })).status).toBe(403);
  });

  it('refuses a refusal without a reason code, on the field', async () => {
    const offerId = await offer(await applicant(), await unit());
    const res = await t.call(`/api/offers/${offerId}/answer`, {
      cookie: s.referent.cookie,
      body: { answer: 'refuse', answeredOn: today, refusal: { verbatim: 'Trop loin de mon médecin' } },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: 'refusal.primaryReason', message: 'Choisissez le motif principal du refus.' },
    ]);
    const unknown = await t.call(`/api/offers/${offerId}/answer`, {
      cookie: s.referent.cookie,
      body: {
        answer: 'refuse',
        answeredOn: today,
        refusal: { primaryReason: 'CAL.DOSSIER', secondaryReasons: ['X.Y'] },
      },
    });
    expect(unknown.json.issues.map((i: { path: string }) => i.path)).toEqual([
      'refusal.primaryReason',
      'refusal.secondaryReasons.0',
    ]);
  });

  it('keeps a coded refusal with a frozen copy of the unit, the words hidden from the landlord', async () => {
    const unitId = await unit();
    const offerId = await offer(await applicant(), unitId);
    const res = await t.call(`/api/offers/${offerId}/answer`, {
      cookie: s.referent.cookie,
      body: {
        answer: 'refuse',
        answeredOn: today,
        refusal: {
          primaryReason: 'LOC.SANTE',
          secondaryReasons: ['ACC.SDB'],
          verbatim: 'Trop loin de mon médecin',
          wouldAcceptIf: [{ attribute: 'distance_doctor', requiredValue: '10 minutes à pied' }],
          fixableByLandlord: 'no',
        },
      },
    });
    expect(res.status).toBe(204);
    const detail = await t.call(`/api/offers/${offerId}`, { cookie: s.referent.cookie });
    expect(detail.json.status).toBe('refused');
    expect(detail.json.refusal).toMatchObject({
      primaryReason: 'LOC.SANTE',
      stage: 'before_visit',
      verbatim: 'Trop loin de mon médecin',
      unitSnapshot: { id: unitId, typology: 'T2', rentEur: 420 },
    });
    // The copy stays as it was when the unit changes later.
    await database.execute('update housing_units set rent_eur = 999 where id = $1', [unitId]);
    const landlordView = await t.call(`/api/offers/${offerId}`, { cookie: s.landlord.cookie });
    expect(landlordView.json.refusal).toMatchObject({ verbatim: null, unitSnapshot: { rentEur: 420 } });
    const actions = (await auditRowsOf(database, offerId)).map((r) => r.action);
    expect(actions).toEqual(['offer.create', 'offer.answer']);
  });

  it('refuses an answer after the deadline unless marked late with a reason', async () => {
    const offerId = await offer(await applicant(), await unit());
    await attribute(offerId, addDays(today, -20));
    const body = { answer: 'refuse', answeredOn: today, refusal: { primaryReason: 'LOG.TROP_PETIT' } };
    const late = await t.call(`/api/offers/${offerId}/answer`, { cookie: s.referent.cookie, body });
    expect(late.status).toBe(400);
    expect(late.json.issues[0]).toMatchObject({ path: 'answeredOn', message: expect.stringContaining('a expiré le') });
    const noReason = await t.call(`/api/offers/${offerId}/answer`, {
      cookie: s.referent.cookie,
      body: { ...body, late: true },
    });
    expect(noReason.json.issues.map((i: { path: string }) => i.path)).toEqual(['lateReason']);
    const ok = await t.call(`/api/offers/${offerId}/answer`, {
      cookie: s.referent.cookie,
      body: { ...body, late: true, lateReason: 'Réponse donnée par téléphone au bailleur, apprise ce jour' },
    });
    expect(ok.status).toBe(204);
  });

  it('records "no answer" only once the delay has run out, as a PRO.SANS_REPONSE refusal', async () => {
    const early = await offer(await applicant(), await unit());
    await attribute(early, addDays(today, -2));
    const tooSoon = await t.call(`/api/offers/${early}/answer`, {
      cookie: s.referent.cookie,
      body: { answer: 'no_answer', answeredOn: today },
    });
    expect(tooSoon.json.issues.map((i: { path: string }) => i.path)).toEqual(['answer']);
    const lapsed = await offer(await applicant(), await unit());
    await attribute(lapsed, addDays(today, -15));
    const res = await t.call(`/api/offers/${lapsed}/answer`, {
      cookie: s.referent.cookie,
      body: { answer: 'no_answer', answeredOn: today },
    });
    expect(res.status).toBe(204);
    const detail = await t.call(`/api/offers/${lapsed}`, { cookie: s.referent.cookie });
    expect(detail.json).toMatchObject({ status: 'no_answer', refusal: { primaryReason: 'PRO.SANS_REPONSE' } });
  });

  it('on acceptance allocates the unit and moves the pathway in the same transaction; then the move', async () => {
    const c = await applicant('co_construction');
    const unitId = await unit();
    const offerId = await offer(c, unitId);
    await attribute(offerId, addDays(today, -1));
    const res = await t.call(`/api/offers/${offerId}/answer`, {
      cookie: s.referent.cookie,
      body: { answer: 'accept', answeredOn: today },
    });
    expect(res.json?.issues).toBeUndefined();
    expect(res.status).toBe(204);
    expect(await stageKeyOf(c.pathwayId)).toBe('implementation');
    expect(await unitStatusOf(unitId)).toBe('allocated');
    const second = await t.call('/api/offers', {
      cookie: s.landlord.cookie,
      body: { sneNumber: (await applicant()).sneNumber, unitId, origin: 'landlord', proposedOn: today },
    });
    expect(second.status).toBe(409);

    const moved = await t.call(`/api/offers/${offerId}/move-in`, {
      cookie: s.referent.cookie,
      body: { leaseSignedOn: today, movedInOn: today },
    });
    expect(moved.status).toBe(204);
    expect(await stageKeyOf(c.pathwayId)).toBe('aftercare');
    expect(await unitStatusOf(unitId)).toBe('occupied');
    // The person has their home: the application leaves the register for that reason.
    const application = await t.call(`/api/housing-applications/${c.applicationId}`, { cookie: s.referent.cookie });
    expect(application.json.status).toBe('struck_off_allocation');
    expect((await auditRowsOf(database, offerId)).map((r) => r.action)).toEqual([
      'offer.create',
      'offer.committee_decision',
      'offer.answer',
      'offer.move_in',
    ]);
  });

  it('rolls the acceptance back when the pathway cannot move (qualification not done)', async () => {
    const c = await applicant('referral');
    const unitId = await unit();
    const offerId = await offer(c, unitId);
    await attribute(offerId, addDays(today, -1));
    const res = await t.call(`/api/offers/${offerId}/answer`, {
      cookie: s.referent.cookie,
      body: { answer: 'accept', answeredOn: today },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toContain('chosenSolution');
    expect((await t.call(`/api/offers/${offerId}`, { cookie: s.referent.cookie })).json.status).toBe('attributed');
    expect(await unitStatusOf(unitId)).toBe('vacant');
    expect(await stageKeyOf(c.pathwayId)).toBe('referral');
  });
});

describe('the answer reminder', () => {
  it('notifies the referent once, two days before the deadline', async () => {
    const offerId = await offer(await applicant(), await unit());
    await attribute(offerId, addDays(today, -8));
    const first = await sendAnswerReminders(database.db, new Date());
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const rows = await database.execute(
      `select title, link from notifications where workspace_id = $1 and user_id = $2 and kind = 'offer.answer_due'`,
      [ws, s.referent.userId],
    );
    expect(rows.rows).toContainEqual({
      title: expect.stringContaining('réponse attendue au plus tard le'),
      link: `/propositions/${offerId}`,
    });
    expect((await sendAnswerReminders(database.db, new Date())).sent).toBe(0);
  });
});

describe('landlord reports', () => {
  type Report = {
    landlords: { id: string }[];
    indicators: { key: string; value: string | null }[];
    tables: { key: string; rows: { key: string; cells: (number | null)[] }[] }[];
  };
  const indicator = (r: Report, key: string) => r.indicators.find((i) => i.key === key)?.value;

  it('shows a landlord their own figures only, every count under 5 withheld, in JSON and CSV', async () => {
    const own = (await t.call('/api/offer-reports', { cookie: s.landlord.cookie })).json as Report;
    expect(own.landlords.map((l) => l.id)).toEqual([landlordOrg]);
    const { rows } = await database.execute(
      'select count(*)::int as n from offers where landlord_organization_id = $1',
      [landlordOrg],
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(5);
    expect(indicator(own, 'offers')).toBe(String(rows[0]?.n));
    // One refusal for a doctor too far: counted, but shown as "< 5".
    const reasons = own.tables.find((x) => x.key === 'reasons')!;
    expect(reasons.rows.find((r) => r.key === 'LOC.SANTE')?.cells).toEqual([null, null]);
    expect(JSON.stringify(own)).not.toContain('Trop loin de mon médecin');

    const other = (await t.call('/api/offer-reports', { cookie: s.otherLandlord.cookie })).json as Report;
    expect(other.landlords).toHaveLength(1);
    expect(indicator(other, 'offers')).toBeNull();
    // Asking for another landlord's figures gives one's own.
    const forced = await t.call(`/api/offer-reports?landlordId=${landlordOrg}`, { cookie: s.otherLandlord.cookie });
    expect(indicator(forced.json as Report, 'offers')).toBeNull();

    const csv = await t.call('/api/offer-reports/report.csv', { cookie: s.landlord.cookie });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('LOC.SANTE — Trop loin du médecin, de la pharmacie, des soins;< 5;< 5');
    const xlsx = await t.call('/api/offer-reports/report.xlsx', { cookie: s.officer.cookie });
    expect(xlsx.status).toBe(200);
  });
});
