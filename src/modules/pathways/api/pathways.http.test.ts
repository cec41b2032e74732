import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInAdmin, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<
  'referent' | 'colleague' | 'outsider' | 'manager' | 'landlord' | 'homeHelp' | 'admin' | 'otherWorkspace',
  RoleSession
>;
let ccas = '';
let personId = '';
let pathwayId = '';
let stages: { id: string; key: string; label: string }[] = [];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  ccas = await createOrganization(db, ws, { kind: 'ccas' });
  const landlordOrg = await createOrganization(db, ws, { kind: 'landlord' });
  const as = (role: Parameters<typeof signInWithRole>[2]['role'], organizationId = ccas) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId, role });
  s.referent = await as('referent');
  s.colleague = await as('ot');
  s.outsider = await as('referent');
  s.manager = await as('manager');
  s.landlord = await as('landlord', landlordOrg);
  s.homeHelp = await as('home_help');
  s.admin = await signInAdmin(t, database, ws, ccas);
  const otherWs = await createWorkspace(db);
  s.otherWorkspace = await signInWithRole(t, database, {
    workspaceId: otherWs,
    organizationId: await createOrganization(db, otherWs),
    role: 'referent',
  });
  personId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Germaine',
    lastName: 'Duval',
    birthDate: '1944-03-12',
    communeInsee: '59350',
    caseTeam: [
      { userId: s.referent.userId, organizationId: ccas },
      { userId: s.colleague.userId, organizationId: ccas },
      { userId: s.landlord.userId, organizationId: landlordOrg },
    ],
  });
  const opened = await t.call('/api/pathways', {
    cookie: s.referent.cookie,
    body: { personId, owningOrganizationId: ccas, referentUserId: s.referent.userId, channel: 'social_landlord' },
  });
  expect(opened.status).toBe(201);
  pathwayId = opened.json.id;
  stages = (await t.call('/api/pathway-stages', { cookie: s.referent.cookie })).json.items;
});
afterAll(async () => {
  t.close();
  await database.close();
});

const detail = (cookie: string) => t.call(`/api/pathways/${pathwayId}`, { cookie });
const stageId = (key: string) => stages.find((x) => x.key === key)!.id;

describe('who sees a pathway', () => {
  it('opens for the referent, the case team (landlord included) and the owning organisation’s manager', async () => {
    for (const who of [s.referent, s.colleague, s.landlord, s.manager]) {
      const res = await detail(who.cookie);
      expect(res.status, who.role).toBe(200);
      expect(res.json.pathway).toMatchObject({ firstName: 'Germaine', lastName: 'Duval', stageLabel: 'Repérage' });
    }
    expect((await detail(s.referent.cookie)).json.canWrite).toBe(true);
    expect((await detail(s.landlord.cookie)).json.canWrite).toBe(false);
  });

  it('answers 404, like a missing pathway, outside the team, to home-help and to another workspace', async () => {
    const missing = await t.call('/api/pathways/01900000-0000-7000-8000-000000000000', { cookie: s.outsider.cookie });
    for (const who of [s.outsider, s.homeHelp, s.otherWorkspace]) {
      const res = await detail(who.cookie);
      expect(res.status, who.role).toBe(404);
      expect(res.json).toEqual(missing.json);
    }
    expect((await t.call('/api/pathways', { cookie: s.homeHelp.cookie })).status).toBe(404);
    const list = await t.call('/api/pathways?scope=team', { cookie: s.outsider.cookie });
    expect(list.json.items).toEqual([]);
  });

  it('lets the landlord read but not write', async () => {
    const res = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.landlord.cookie,
      body: { kind: 'note', occurredAt: new Date().toISOString(), body: 'Passage' },
    });
    expect(res.status).toBe(404);
  });

  it('adds the referent to the person’s case team and audits the opening and each reading', async () => {
    const rows = await auditRowsOf(database, pathwayId);
    expect(rows[0]).toMatchObject({ action: 'pathway.open', actorUserId: s.referent.userId });
    expect(rows.some((r) => r.action === 'pathway.read' && r.actorUserId === s.manager.userId)).toBe(true);
  });
});

describe('lists', () => {
  it('filters the caseload by channel, stage, commune, age band and person', async () => {
    const ids = async (query: string) =>
      (await t.call(`/api/pathways?${query}`, { cookie: s.referent.cookie })).json.items.map(
        (p: { id: string }) => p.id,
      );
    expect(await ids('')).toEqual([pathwayId]);
    expect(await ids('channel=social_landlord&ageBand=75-84&commune=59350')).toEqual([pathwayId]);
    expect(await ids('channel=reception_desk')).toEqual([]);
    expect(await ids('ageBand=85%2B')).toEqual([]);
    expect(await ids(`stageId=${stageId('referral')}&personne=${personId}`)).toEqual([pathwayId]);
    expect(await ids('personne=01900000-0000-7000-8000-000000000000')).toEqual([]);
  });

  it('exports CSV with a BOM and semicolons, audited', async () => {
    const res = await t.app.request(`${TEST_ORIGIN}/api/pathways/export.csv?scope=team`, {
      headers: { origin: TEST_ORIGIN, cookie: s.manager.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('Nom;Prénom;Âge');
    expect(text).toContain('Duval;Germaine;');
    const { rows } = await database.execute(
      "select count(*)::int as n from audit_log where action = 'pathway.export' and actor_user_id = $1",
      [s.manager.userId],
    );
    expect(rows[0]!.n).toBe(1);
  });
});

describe('stage transitions', () => {
  it('refuses to leave qualification without its fields, naming them, and refuses a future date', async () => {
    const forward = await t.call(`/api/pathways/${pathwayId}/transitions`, {
      cookie: s.referent.cookie,
      body: { toStageId: stageId('qualification') },
    });
    expect(forward.status).toBe(201);
    const res = await t.call(`/api/pathways/${pathwayId}/transitions`, {
      cookie: s.referent.cookie,
      body: { toStageId: stageId('case_review') },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toContainEqual({
      path: 'qualificationSummary',
      message: 'Pour quitter l’étape « Qualification », renseignez la synthèse de la qualification.',
    });
    expect(res.json.issues.map((i: { path: string }) => i.path)).toContain('homeVisit');
    const future = await t.call(`/api/pathways/${pathwayId}/transitions`, {
      cookie: s.referent.cookie,
      body: { toStageId: stageId('referral'), reason: 'Erreur', effectiveOn: '2999-01-01' },
    });
    expect(future.json.issues).toEqual([
      { path: 'effectiveOn', message: 'La date d’effet ne peut pas être dans le futur.' },
    ]);
  });

  it('moves on once the summary and a home visit in pairs are recorded, with days per stage', async () => {
    await t.call(`/api/pathways/${pathwayId}`, {
      method: 'PATCH',
      cookie: s.referent.cookie,
      body: { qualificationSummary: 'Baignoire inaccessible, souhaite rester dans le quartier' },
    });
    const visit = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.referent.cookie,
      body: {
        kind: 'home_visit',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        body: 'Visite avec le bailleur',
        secondVisitorUserId: s.landlord.userId,
      },
    });
    expect(visit.status).toBe(201);
    const res = await t.call(`/api/pathways/${pathwayId}/transitions`, {
      cookie: s.referent.cookie,
      body: { toStageId: stageId('case_review') },
    });
    expect(res.status).toBe(201);
    const page = (await detail(s.referent.cookie)).json;
    expect(page.pathway.stageLabel).toBe('Synthèse collective');
    expect(page.history.map((h: { kind: string }) => h.kind)).toEqual(['open', 'forward', 'forward']);
    expect(page.journal[0]).toMatchObject({ kind: 'home_visit', secondVisitorName: expect.any(String) });
    expect((await auditRowsOf(database, pathwayId)).map((r) => r.action)).toContain('pathway.advance');
  });
});

describe('journal', () => {
  it('keeps a private note from everyone but its author, managers included', async () => {
    const res = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.colleague.cookie,
      body: { kind: 'note', occurredAt: new Date().toISOString(), body: 'Impression personnelle', private: true },
    });
    expect(res.status).toBe(201);
    const bodies = async (who: RoleSession) =>
      (await detail(who.cookie)).json.journal.map((e: { body: string }) => e.body) as string[];
    expect(await bodies(s.colleague)).toContain('Impression personnelle');
    for (const who of [s.referent, s.manager, s.landlord])
      expect(await bodies(who)).not.toContain('Impression personnelle');
    expect(await auditRowsOf(database, res.json.id)).toMatchObject([{ action: 'pathway_journal.create' }]);
  });

  it('corrects by appending, only the author’s own entry, and refuses a private call', async () => {
    const first = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.referent.cookie,
      body: { kind: 'phone_call', occurredAt: new Date().toISOString(), body: 'Appel à la fille' },
    });
    const byOther = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.colleague.cookie,
      body: { kind: 'note', occurredAt: new Date().toISOString(), body: 'x', correctsEntryId: first.json.id },
    });
    expect(byOther.json.issues[0].path).toBe('correctsEntryId');
    const fix = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.referent.cookie,
      body: {
        kind: 'note',
        occurredAt: new Date().toISOString(),
        body: 'Appel au fils',
        correctsEntryId: first.json.id,
      },
    });
    expect(fix.status).toBe(201);
    const entries = (await detail(s.referent.cookie)).json.journal as {
      id: string;
      kind: string;
      correctedBy: string[];
    }[];
    expect(entries.find((e) => e.id === first.json.id)!.correctedBy).toEqual([fix.json.id]);
    expect(entries.find((e) => e.id === fix.json.id)!.kind).toBe('phone_call');
    const privateCall = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.referent.cookie,
      body: { kind: 'phone_call', occurredAt: new Date().toISOString(), body: 'x', private: true },
    });
    expect(privateCall.json.issues).toEqual([{ path: 'private', message: 'Seule une note peut être privée.' }]);
  });

  it('stores an entry sent twice with the same client id once, and refuses that id from someone else', async () => {
    const id = '01936b2e-4c1a-7d2e-9f00-0a1b2c3d4e5f';
    const entry = { id, kind: 'note', occurredAt: new Date().toISOString(), body: 'Note prise hors ligne' };
    const first = await t.call(`/api/pathways/${pathwayId}/journal`, { cookie: s.referent.cookie, body: entry });
    expect(first).toMatchObject({ status: 201, json: { id } });
    const replay = await t.call(`/api/pathways/${pathwayId}/journal`, { cookie: s.referent.cookie, body: entry });
    expect(replay).toMatchObject({ status: 200, json: { id } });
    const journal = (await detail(s.referent.cookie)).json.journal as { id: string }[];
    expect(journal.filter((e) => e.id === id)).toHaveLength(1);
    expect(await auditRowsOf(database, id)).toMatchObject([{ action: 'pathway_journal.create' }]);
    const stolen = await t.call(`/api/pathways/${pathwayId}/journal`, { cookie: s.colleague.cookie, body: entry });
    expect(stolen.status).toBe(409);
  });

  it('leaves form entries to the forms module', async () => {
    const res = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.referent.cookie,
      body: { kind: 'form', occurredAt: new Date().toISOString(), body: 'Formulaire' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe('kind');
  });
});

describe('tasks', () => {
  it('refuses a due date in the past with a French field error', async () => {
    const res = await t.call(`/api/pathways/${pathwayId}/tasks`, {
      cookie: s.referent.cookie,
      body: { title: 'Relancer le bailleur', dueDate: '2020-01-01', assigneeUserId: s.referent.userId },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      {
        path: 'dueDate',
        message: 'L’échéance ne peut pas être dans le passé : choisissez aujourd’hui ou une date à venir.',
      },
    ]);
  });

  it('adds a task for a team member with a reminder at 08:00 Paris time, lists it and marks it done', async () => {
    const res = await t.call(`/api/pathways/${pathwayId}/tasks`, {
      cookie: s.referent.cookie,
      body: { title: 'Relancer le bailleur', dueDate: today(), assigneeUserId: s.colleague.userId },
    });
    expect(res.status).toBe(201);
    const mine = await t.call('/api/pathway-tasks', { cookie: s.colleague.cookie });
    expect(mine.json.items).toMatchObject([{ id: res.json.id, lastName: 'Duval', overdue: false }]);
    const remindAt = new Date(mine.json.items[0].remindAt);
    expect(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' }).format(remindAt)).toBe(
      '08:00',
    );
    const outsiderTask = await t.call(`/api/pathways/${pathwayId}/tasks`, {
      cookie: s.referent.cookie,
      body: { title: 'x', dueDate: today(), assigneeUserId: s.outsider.userId },
    });
    expect(outsiderTask.json.issues[0].path).toBe('assigneeUserId');
    const done = await t.call(`/api/pathway-tasks/${res.json.id}`, {
      method: 'PATCH',
      cookie: s.colleague.cookie,
      body: { status: 'done' },
    });
    expect(done.status).toBe(200);
    expect((await auditRowsOf(database, res.json.id)).map((r) => r.action)).toEqual([
      'pathway_task.create',
      'pathway_task.update',
    ]);
  });
});

describe('solution options', () => {
  it('records the person’s view and non-rational criteria, and one choice', async () => {
    const body = {
      kind: 'social_housing_transfer',
      description: 'T2 en rez-de-chaussée',
      personStance: 'hesitant',
      personWords: 'Je veux rester près de mon médecin',
      criteria: ['near_doctor', 'second_bedroom'],
      otherCriteria: 'Garder ses voisins',
      familyPosition: 'La fille est favorable',
    };
    const a = await t.call(`/api/pathways/${pathwayId}/options`, { cookie: s.referent.cookie, body });
    const b = await t.call(`/api/pathways/${pathwayId}/options`, {
      cookie: s.referent.cookie,
      body: { kind: 'home_adaptation', description: 'Douche à l’italienne' },
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    await t.call(`/api/pathway-options/${a.json.id}/choice`, { cookie: s.referent.cookie, body: {} });
    await t.call(`/api/pathway-options/${b.json.id}/choice`, { cookie: s.referent.cookie, body: {} });
    const options = (await detail(s.referent.cookie)).json.options as { id: string; chosenOn: string | null }[];
    expect(options.map((o) => [o.id, o.chosenOn])).toEqual([
      [a.json.id, null],
      [b.json.id, today()],
    ]);
    expect(options[0]).toMatchObject({ criteria: ['near_doctor', 'second_bedroom'], personStance: 'hesitant' });
    const future = await t.call(`/api/pathway-options/${a.json.id}/choice`, {
      cookie: s.referent.cookie,
      body: { chosenOn: '2999-01-01' },
    });
    expect(future.json.issues[0].path).toBe('chosenOn');
    expect((await auditRowsOf(database, b.json.id)).map((r) => r.action)).toEqual([
      'pathway_option.create',
      'pathway_option.choose',
    ]);
  });
});

describe('stage administration', () => {
  it('is for administrators: rename, add before closure, refuse removing a stage in use', async () => {
    expect((await t.call('/api/admin/pathway-stages', { cookie: s.referent.cookie })).status).toBe(404);
    const list = await t.call('/api/admin/pathway-stages', { cookie: s.admin.cookie });
    expect(list.json.items.find((x: { key: string }) => x.key === 'case_review')).toMatchObject({ pathwaysNow: 1 });
    const rename = await t.call(`/api/admin/pathway-stages/${stageId('aftercare')}`, {
      method: 'PATCH',
      cookie: s.admin.cookie,
      body: { label: 'Suivi après la solution' },
    });
    expect(rename.status).toBe(200);
    const added = await t.call('/api/admin/pathway-stages', { cookie: s.admin.cookie, body: { label: 'Bilan' } });
    expect(added.status).toBe(201);
    const after = (await t.call('/api/admin/pathway-stages', { cookie: s.admin.cookie })).json.items as {
      label: string;
    }[];
    expect(after.map((x) => x.label).slice(-3)).toEqual(['Suivi après la solution', 'Bilan', 'Clôture']);
    const inUse = await t.call(`/api/admin/pathway-stages/${stageId('referral')}`, {
      method: 'DELETE',
      cookie: s.admin.cookie,
    });
    expect(inUse.status).toBe(409);
    const deactivate = await t.call(`/api/admin/pathway-stages/${stageId('case_review')}`, {
      method: 'PATCH',
      cookie: s.admin.cookie,
      body: { active: false },
    });
    expect(deactivate.json.issues[0].path).toBe('active');
    expect(
      (await t.call(`/api/admin/pathway-stages/${added.json.id}`, { method: 'DELETE', cookie: s.admin.cookie })).status,
    ).toBe(200);
  });
});
