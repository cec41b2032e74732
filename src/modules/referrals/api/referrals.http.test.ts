import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const org = { ccas: '', cityHousing: '', landlord: '', saad: '' };
let reception: RoleSession;
let referent: RoleSession;
let housing: RoleSession;
let landlord: RoleSession;
let otherLandlord: RoleSession;
let homeHelp: RoleSession;
let manager: RoleSession;
let existingPersonId = '';

const valid = {
  channel: 'home_help_alert',
  subjectFirstName: 'Thérèse',
  subjectLastName: 'Duval',
  subjectApproximateAge: '82',
  subjectAddress: '12 rue des Tilleuls, 3e étage sans ascenseur',
  description: 'Ne peut plus enjamber la baignoire.',
  difficulties: ['bathroom', 'stairs'],
  urgency: 'normal',
  consent: 'informed_not_asked',
};

const raise = async (session: RoleSession, body: Record<string, unknown>) => {
  const res = await t.call('/api/referrals', { cookie: session.cookie, body });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string };
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  org.ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lomme' });
  org.cityHousing = await createOrganization(db, ws, { kind: 'city_service', name: 'Service habitat-logement' });
  org.landlord = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat du Nord' });
  org.saad = await createOrganization(db, ws, { kind: 'association', name: 'SAAD Lys' });
  const as = (organizationId: string, role: RoleSession['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId, role });
  reception = await as(org.ccas, 'reception');
  referent = await as(org.ccas, 'referent');
  housing = await as(org.cityHousing, 'housing_officer');
  landlord = await as(org.landlord, 'landlord');
  otherLandlord = await as(org.landlord, 'landlord');
  homeHelp = await as(org.saad, 'home_help');
  manager = await as(org.ccas, 'manager');
  existingPersonId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: org.ccas,
    firstName: 'Marcel',
    lastName: 'Dubois',
    birthDate: '1936-12-30',
  });
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('raising a referral', () => {
  it('refuses a referral with no channel, with the French message on the field, and stores nothing', async () => {
    const { channel: _none, ...withoutChannel } = valid;
    const before = await t.call('/api/referrals', { cookie: homeHelp.cookie });
    const res = await t.call('/api/referrals', { cookie: homeHelp.cookie, body: withoutChannel });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.issues).toEqual([
      { path: 'channel', message: 'Choisissez le canal par lequel la situation est arrivée.' },
    ]);
    const after = await t.call('/api/referrals', { cookie: homeHelp.cookie });
    expect(after.json.total).toBe(before.json.total);
  });

  it('requires the person to be informed, unless the danger is immediate', async () => {
    const res = await t.call('/api/referrals', {
      cookie: homeHelp.cookie,
      body: { ...valid, consent: 'not_informed' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['consent']);
    await raise(homeHelp, { ...valid, consent: 'not_informed', urgency: 'immediate_danger' });
  });

  it('needs at least a name when no existing file is named', async () => {
    const res = await t.call('/api/referrals', {
      cookie: landlord.cookie,
      body: { ...valid, subjectFirstName: '', subjectLastName: '' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['subjectLastName']);
  });

  it('records the signaller and their organisation, and audits the creation', async () => {
    const created = await raise(landlord, {
      ...valid,
      channel: 'social_landlord',
      signalledByName: 'Sa fille',
      subjectCommuneInsee: '59355',
    });
    const res = await t.call(`/api/referrals/${created.id}`, { cookie: landlord.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'new',
      channel: 'social_landlord',
      raisedByOrganizationName: 'Habitat du Nord',
      signalledByName: 'Sa fille',
      // The commune is named for reading, from the official list (Lomme, a commune associée of Lille).
      subject: {
        firstName: 'Thérèse',
        lastName: 'Duval',
        approximateAge: 82,
        communeInsee: '59355',
        communeName: 'Lomme',
      },
      difficulties: ['bathroom', 'stairs'],
      canTriage: false,
    });
    const audit = await auditRowsOf(database, created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'referral.create', actorUserId: landlord.userId });
    expect(audit[0]!.changedFields).toContain('channel');
  });

  it('links an existing file only if the signaller may open it', async () => {
    const hidden = await t.call('/api/referrals', {
      cookie: landlord.cookie,
      body: { ...valid, personId: existingPersonId },
    });
    expect(hidden.status).toBe(400);
    expect(hidden.json.issues.map((i: { path: string }) => i.path)).toEqual(['personId']);
    const linked = await raise(reception, {
      ...valid,
      channel: 'reception_desk',
      personId: existingPersonId,
      subjectFirstName: '',
      subjectLastName: '',
    });
    const res = await t.call(`/api/referrals/${linked.id}`, { cookie: reception.cookie });
    expect(res.json).toMatchObject({ personId: existingPersonId, subject: { lastName: 'Dubois' } });
  });
});

describe('who sees which referral', () => {
  it("shows a landlord or a home-help agent only their own referrals, others' answering like missing ones", async () => {
    const mine = await raise(otherLandlord, { ...valid, channel: 'social_landlord', subjectLastName: 'Lemaire' });
    const list = await t.call('/api/referrals', { cookie: otherLandlord.cookie });
    expect(list.status).toBe(200);
    expect(list.json.canTriage).toBe(false);
    expect(list.json.items.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    const theirs = await t.call(`/api/referrals/${mine.id}`, { cookie: landlord.cookie });
    const missing = await t.call(`/api/referrals/${newId()}`, { cookie: landlord.cookie });
    expect(theirs.status).toBe(404);
    expect(theirs.json).toEqual(missing.json);
    const byHomeHelp = await t.call(`/api/referrals/${mine.id}`, { cookie: homeHelp.cookie });
    expect(byHomeHelp.status).toBe(404);
  });

  it('never lets a signaller triage, nor read the triage options', async () => {
    const mine = await raise(homeHelp, valid);
    for (const session of [homeHelp, landlord]) {
      for (const action of ['accept', 'redirect', 'close']) {
        const res = await t.call(`/api/referrals/${mine.id}/${action}`, { cookie: session.cookie, body: {} });
        expect(res.status, `${session.role} ${action}`).toBe(404);
      }
      expect((await t.call('/api/referrals/triage-options', { cookie: session.cookie })).status).toBe(404);
    }
  });

  it('is closed to roles that may neither raise nor triage', async () => {
    expect((await t.call('/api/referrals', { cookie: manager.cookie })).status).toBe(404);
  });
});

describe('the triage queue', () => {
  it('lists the whole workspace, most urgent first, then newest', async () => {
    const res = await t.call('/api/referrals?limit=200', { cookie: housing.cookie });
    expect(res.status).toBe(200);
    expect(res.json.canTriage).toBe(true);
    const items = res.json.items as { urgency: string; receivedAt: string }[];
    expect(items.length).toBe(res.json.total);
    const rank = (u: string) => ['normal', 'high', 'immediate_danger'].indexOf(u);
    for (let i = 1; i < items.length; i += 1) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(rank(a.urgency) > rank(b.urgency) || (a.urgency === b.urgency && a.receivedAt >= b.receivedAt)).toBe(true);
    }
    expect(items[0]!.urgency).toBe('immediate_danger');
  });

  it('filters by channel, urgency and status, and by text ignoring accents and case', async () => {
    const get = async (query: string) =>
      (await t.call(`/api/referrals?${query}`, { cookie: reception.cookie })).json as {
        items: { channel: string; urgency: string; status: string; subjectName: string }[];
        total: number;
      };
    const byChannel = await get('channel=social_landlord');
    expect(byChannel.total).toBeGreaterThan(0);
    expect(byChannel.items.every((r) => r.channel === 'social_landlord')).toBe(true);
    const urgent = await get('urgency=immediate_danger');
    expect(urgent.items.every((r) => r.urgency === 'immediate_danger')).toBe(true);
    expect((await get('status=closed')).total).toBe(0);
    const text = await get('q=THERESE');
    expect(text.total).toBeGreaterThan(0);
    expect(text.items.every((r) => r.subjectName.startsWith('Thérèse '))).toBe(true);
    expect((await get('q=lemaire')).items.map((r) => r.subjectName)).toEqual(['Thérèse Lemaire']);
  });
});

describe('triage decisions', () => {
  it('redirects only with a reason and a target, once', async () => {
    const { id } = await raise(homeHelp, valid);
    const noReason = await t.call(`/api/referrals/${id}/redirect`, {
      cookie: reception.cookie,
      body: { toOrganizationId: org.saad, reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    const noTarget = await t.call(`/api/referrals/${id}/redirect`, {
      cookie: reception.cookie,
      body: { reason: 'Relève du SSIAD' },
    });
    expect(noTarget.json.issues.map((i: { path: string }) => i.path)).toEqual(['toOrganizationId']);
    const done = await t.call(`/api/referrals/${id}/redirect`, {
      cookie: reception.cookie,
      body: { toOrganizationId: org.saad, reason: 'Relève de l’aide à domicile' },
    });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({
      status: 'redirected',
      decision: { redirectedToName: 'SAAD Lys', redirectReason: 'Relève de l’aide à domicile' },
    });
    const again = await t.call(`/api/referrals/${id}/close`, {
      cookie: reception.cookie,
      body: { reason: 'out_of_scope' },
    });
    expect(again.status).toBe(409);
    expect((await auditRowsOf(database, id)).map((r) => r.action)).toEqual(['referral.create', 'referral.redirect']);
    // The signaller sees the outcome, not the triage's free-text reasons.
    const seen = await t.call(`/api/referrals/${id}`, { cookie: homeHelp.cookie });
    expect(seen.json.status).toBe('redirected');
    expect(seen.json.decision).toMatchObject({ redirectedToName: 'SAAD Lys', redirectReason: null });
  });

  it('lets only one of two simultaneous decisions through', async () => {
    const { id } = await raise(homeHelp, valid);
    const answers = await Promise.all([
      t.call(`/api/referrals/${id}/close`, { cookie: reception.cookie, body: { reason: 'duplicate' } }),
      t.call(`/api/referrals/${id}/redirect`, {
        cookie: housing.cookie,
        body: { toName: 'CLIC du secteur', reason: 'Relève du CLIC' },
      }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await auditRowsOf(database, id);
    expect(audit.filter((r) => r.action !== 'referral.create')).toHaveLength(1);
  });

  it('refuses a redirection to an organisation outside the workspace', async () => {
    const { id } = await raise(homeHelp, valid);
    const res = await t.call(`/api/referrals/${id}/redirect`, {
      cookie: housing.cookie,
      body: { toOrganizationId: newId(), reason: 'Autre service' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['toOrganizationId']);
  });

  it('closes as out of scope with a coded reason, "other" needing a comment', async () => {
    const { id } = await raise(homeHelp, valid);
    const bare = await t.call(`/api/referrals/${id}/close`, { cookie: housing.cookie, body: { reason: 'other' } });
    expect(bare.status).toBe(400);
    expect(bare.json.issues.map((i: { path: string }) => i.path)).toEqual(['comment']);
    const done = await t.call(`/api/referrals/${id}/close`, {
      cookie: housing.cookie,
      body: { reason: 'person_declines', comment: 'Ne souhaite pas déménager' },
    });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'closed', decision: { closureReason: 'person_declines' } });
    const audit = await auditRowsOf(database, id);
    expect(audit.at(-1)).toMatchObject({ action: 'referral.close', actorUserId: housing.userId });
    expect(audit.at(-1)!.changedFields).toEqual(['closureComment', 'closureReason', 'status']);
  });

  it('accepts into a pathway only with the person’s agreement, creating the file and opening the pathway', async () => {
    const { id } = await raise(homeHelp, { ...valid, subjectLastName: 'Fontaine', subjectFirstName: 'Raymonde' });
    const body = {
      firstName: 'Raymonde',
      lastName: 'Fontaine',
      birthDate: '1943-09-01',
      referentUserId: referent.userId,
      owningOrganizationId: org.ccas,
    };
    const noConsent = await t.call(`/api/referrals/${id}/accept`, { cookie: reception.cookie, body });
    expect(noConsent.status).toBe(400);
    expect(noConsent.json.issues.map((i: { path: string }) => i.path)).toEqual(['consentConfirmed']);
    const badReferent = await t.call(`/api/referrals/${id}/accept`, {
      cookie: reception.cookie,
      body: { ...body, consentConfirmed: true, referentUserId: landlord.userId },
    });
    expect(badReferent.status).toBe(400);
    expect(badReferent.json.issues.map((i: { path: string }) => i.path)).toEqual(['referentUserId']);

    const res = await t.call(`/api/referrals/${id}/accept`, {
      cookie: reception.cookie,
      body: { ...body, consentConfirmed: true },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: 'accepted', consent: 'agreed' });
    expect(res.json.personId).toEqual(expect.any(String));
    expect(res.json.pathwayId).toEqual(expect.any(String));
    const pathway = await database.execute(
      'select person_id, referent_user_id, owning_organization_id, channel from pathways where id = $1',
      [res.json.pathwayId],
    );
    expect(pathway.rows[0]).toEqual({
      person_id: res.json.personId,
      referent_user_id: referent.userId,
      owning_organization_id: org.ccas,
      channel: 'home_help_alert',
    });
    const audit = await auditRowsOf(database, id);
    expect(audit.map((r) => r.action)).toEqual(['referral.create', 'referral.accept']);
    expect(audit[1]!.changedFields).toEqual(['consent', 'pathwayId', 'personId', 'status']);
    // The home-help agent learns that it was accepted, not where the file is.
    const seen = await t.call(`/api/referrals/${id}`, { cookie: homeHelp.cookie });
    expect(seen.json).toMatchObject({ status: 'accepted', personId: null, pathwayId: null });
  });

  it('offers the look-alike files instead of creating a duplicate, then links the chosen one', async () => {
    const { id } = await raise(reception, {
      ...valid,
      channel: 'reception_desk',
      consent: 'agreed',
      subjectFirstName: 'Marcel',
      subjectLastName: 'Dubois',
    });
    const base = { referentUserId: referent.userId, owningOrganizationId: org.ccas };
    const duplicate = await t.call(`/api/referrals/${id}/accept`, {
      cookie: reception.cookie,
      body: { ...base, firstName: 'Marcel', lastName: 'Dubois', birthDate: '1936-12-30' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.details.candidates.map((c: { person: { id: string } }) => c.person.id)).toEqual([
      existingPersonId,
    ]);
    // Nothing was half-done: the referral is still new and no pathway exists.
    expect((await t.call(`/api/referrals/${id}`, { cookie: reception.cookie })).json.status).toBe('new');
    const linked = await t.call(`/api/referrals/${id}/accept`, {
      cookie: reception.cookie,
      body: { ...base, personId: existingPersonId },
    });
    expect(linked.status, linked.text).toBe(200);
    expect(linked.json).toMatchObject({ status: 'accepted', personId: existingPersonId });
  });
});

it('offers the organisations, the actor’s own organisations and the possible referents', async () => {
  const res = await t.call('/api/referrals/triage-options', { cookie: reception.cookie });
  expect(res.status).toBe(200);
  expect(res.json.organizations.map((o: { name: string }) => o.name)).toContain('Habitat du Nord');
  expect(res.json.owningOrganizations).toEqual([{ id: org.ccas, name: 'CCAS de Lomme' }]);
  const referentIds = res.json.referents.map((r: { userId: string }) => r.userId);
  expect(referentIds).toEqual(expect.arrayContaining([referent.userId, reception.userId, housing.userId]));
  expect(referentIds).not.toContain(landlord.userId);
  expect(referentIds).not.toContain(manager.userId);
});
