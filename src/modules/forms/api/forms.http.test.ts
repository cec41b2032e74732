import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInAdmin, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'outsider' | 'landlord' | 'admin' | 'otherWorkspace', RoleSession>;
let ccas = '';
let personId = '';
let otherPersonId = '';
let templateId = '';
let v1 = '';

const definition = (extra: unknown[] = []) => ({
  sections: [
    {
      name: 'logement',
      title: 'Logement',
      items: [
        {
          type: 'number',
          name: 'etage',
          label: 'Étage',
          required: true,
          constraint: '. >= 0 and . <= 40',
          constraintMessage: 'Indiquez un étage entre 0 et 40.',
        },
        { type: 'yes_no', name: 'ascenseur', label: 'Ascenseur ?', relevant: '${etage} > 0' },
        {
          type: 'repeat',
          name: 'pieces',
          label: 'Pièces',
          itemLabel: 'Pièce',
          questions: [{ type: 'text', name: 'piece', label: 'Pièce', required: true }],
        },
        ...extra,
      ],
    },
  ],
});

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
  s.outsider = await as('referent', await createOrganization(db, ws, { kind: 'ccas' }));
  s.landlord = await as('landlord', landlordOrg);
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
    caseTeam: [
      { userId: s.referent.userId, organizationId: ccas },
      { userId: s.landlord.userId, organizationId: landlordOrg },
    ],
  });
  otherPersonId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Marcel',
    lastName: 'Petit',
    caseTeam: [{ userId: s.referent.userId, organizationId: ccas }],
  });
  const created = await t.call('/api/admin/form-templates', {
    cookie: s.admin.cookie,
    body: { key: 'visite_test', title: 'Visite test', kind: 'home_visit', definition: definition() },
  });
  expect(created.status).toBe(201);
  templateId = created.json.id;
  v1 = created.json.versionId;
});
afterAll(async () => {
  t.close();
  await database.close();
});

const respond = (cookie: string, body: Record<string, unknown>, person = personId) =>
  t.call(`/api/people/${person}/form-responses`, { cookie, body });

describe('templates', () => {
  it('lists the shipped Lomme templates next to the created one, with their latest version', async () => {
    const res = await t.call('/api/form-templates', { cookie: s.referent.cookie });
    expect(res.status).toBe(200);
    expect(res.json.items.map((x: { key: string }) => x.key).sort()).toEqual([
      'etape_evaluation_domicile',
      'etape_premier_accueil',
      'lomme_entretien_logement_social',
      'lomme_visite_qualification',
      'visite_test',
    ]);
    const grid = res.json.items.find((x: { key: string }) => x.key === 'lomme_visite_qualification');
    const version = await t.call(`/api/form-template-versions/${grid.latestVersionId}`, { cookie: s.referent.cookie });
    expect(version.json.definition.sections.map((x: { title: string }) => x.title)).toContain('Dangers repérés');
  });

  it('refuses a definition with a broken reference, naming it on its path', async () => {
    const res = await t.call(`/api/admin/form-templates/${templateId}/versions`, {
      cookie: s.admin.cookie,
      body: { definition: definition([{ type: 'text', name: 'x', label: 'X', relevant: "${inconnue} = 'a'" }]) },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      {
        path: 'definition.sections.0.items.3.relevant',
        message: 'Référence inconnue : ${inconnue} ne désigne aucune question.',
      },
    ]);
  });

  it('lets only an administrator create templates or publish versions', async () => {
    const res = await t.call(`/api/admin/form-templates/${templateId}/versions`, {
      cookie: s.referent.cookie,
      body: { definition: definition() },
    });
    // A route the role does not grant answers like a missing one.
    expect(res.status).toBe(404);
  });
});

describe('responses', () => {
  it('answers 400 with the constraint message on the question path, and stores nothing', async () => {
    const res = await respond(s.referent.cookie, { templateVersionId: v1, answers: { etage: 55 } });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'answers.etage', message: 'Indiquez un étage entre 0 et 40.' }]);
    const repeat = await respond(s.referent.cookie, {
      templateVersionId: v1,
      answers: { etage: 1, pieces: [{ piece: 'Cuisine' }, {}] },
      submit: true,
    });
    expect(repeat.json.issues).toEqual([
      { path: 'answers.pieces.1.piece', message: 'Cette question est obligatoire.' },
    ]);
    expect((await t.call(`/api/people/${personId}/form-responses`, { cookie: s.referent.cookie })).json.items).toEqual(
      [],
    );
  });

  it('saves a draft, drops irrelevant answers, submits, then refuses changes; every write is audited', async () => {
    const created = await respond(s.referent.cookie, {
      templateVersionId: v1,
      answers: { etage: 0, ascenseur: 'yes' },
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('draft');
    const id = created.json.id;
    const detail = await t.call(`/api/form-responses/${id}`, { cookie: s.referent.cookie });
    expect(detail.json).toMatchObject({ answers: { etage: 0, pieces: [] }, status: 'draft', canWrite: true });

    const submitted = await t.call(`/api/form-responses/${id}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: {
        revision: 1,
        answers: { etage: 3, ascenseur: 'no', pieces: [{ piece: 'Salle de bain' }] },
        submit: true,
      },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toMatchObject({ status: 'submitted', revision: 2 });
    const again = await t.call(`/api/form-responses/${id}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: { revision: 2, answers: { etage: 4 } },
    });
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('Ce formulaire a été validé : il ne peut plus être modifié.');

    expect((await auditRowsOf(database, id)).map((r) => [r.action, r.changedFields])).toEqual([
      ['form_response.created', ['answers.etage', 'answers.pieces']],
      ['form_response.read', []],
      ['form_response.submitted', ['answers.ascenseur', 'answers.etage', 'answers.pieces', 'status']],
    ]);
  });

  it('refuses a change based on an older revision and returns the answers saved meanwhile', async () => {
    const created = await respond(s.referent.cookie, { templateVersionId: v1, answers: { etage: 1 } });
    const id = created.json.id;
    expect(created.json.revision).toBe(1);
    const put = (revision: number, etage: number) =>
      t.call(`/api/form-responses/${id}`, {
        method: 'PUT',
        cookie: s.referent.cookie,
        body: { revision, answers: { etage } },
      });
    expect((await put(1, 2)).json.revision).toBe(2);
    // A second writer still on revision 1 (an offline tablet) must not overwrite floor 2.
    const stale = await put(1, 5);
    expect(stale.status).toBe(409);
    expect(stale.json.details.current).toMatchObject({ answers: { etage: 2 }, revision: 2, status: 'draft' });
    expect((await put(2, 5)).json.revision).toBe(3);
    const detail = await t.call(`/api/form-responses/${id}`, { cookie: s.referent.cookie });
    expect(detail.json).toMatchObject({ answers: { etage: 5 }, revision: 3 });
  });

  it('stores a create replayed with the same client id once', async () => {
    const id = newId();
    const body = { id, templateVersionId: v1, answers: { etage: 2 } };
    expect((await respond(s.referent.cookie, body)).status).toBe(201);
    const replay = await respond(s.referent.cookie, body);
    expect(replay.status).toBe(200);
    expect(replay.json.id).toBe(id);
    expect((await respond(s.referent.cookie, body, otherPersonId)).status).toBe(409);
    expect((await auditRowsOf(database, id)).map((r) => r.action)).toEqual(['form_response.created']);
  });

  it('attaches a response to a pathway of the same person only', async () => {
    const opened = await t.call('/api/pathways', {
      cookie: s.referent.cookie,
      body: {
        personId: otherPersonId,
        owningOrganizationId: ccas,
        referentUserId: s.referent.userId,
        channel: 'reception_desk',
      },
    });
    expect(opened.status).toBe(201);
    const wrong = await respond(s.referent.cookie, { templateVersionId: v1, pathwayId: opened.json.id, answers: {} });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues).toEqual([{ path: 'pathwayId', message: 'Ce parcours ne concerne pas cette personne.' }]);
    const right = await respond(
      s.referent.cookie,
      { templateVersionId: v1, pathwayId: opened.json.id, answers: {} },
      otherPersonId,
    );
    expect(right.status).toBe(201);
    const list = await t.call(`/api/people/${otherPersonId}/form-responses`, { cookie: s.referent.cookie });
    expect(list.json.items[0]).toMatchObject({ id: right.json.id, pathwayId: opened.json.id });
  });

  it('keeps old responses on their version when a new version is published', async () => {
    const old = await respond(s.referent.cookie, { templateVersionId: v1, answers: { etage: 1 } });
    const published = await t.call(`/api/admin/form-templates/${templateId}/versions`, {
      cookie: s.admin.cookie,
      body: { definition: definition([{ type: 'text', name: 'bailleur', label: 'Bailleur', required: true }]) },
    });
    expect(published.status).toBe(201);
    expect(published.json.version).toBe(2);
    const detail = await t.call(`/api/form-responses/${old.json.id}`, { cookie: s.referent.cookie });
    expect(detail.json).toMatchObject({ templateVersionId: v1, version: 1 });
    // The old draft is still checked against version 1, which did not require the new question.
    const submitted = await t.call(`/api/form-responses/${old.json.id}`, {
      method: 'PUT',
      cookie: s.referent.cookie,
      body: { revision: 1, answers: { etage: 1 }, submit: true },
    });
    expect(submitted.status).toBe(200);
    const v2 = await respond(s.referent.cookie, {
      templateVersionId: published.json.versionId,
      answers: { etage: 1 },
      submit: true,
    });
    expect(v2.json.issues).toEqual([{ path: 'answers.bailleur', message: 'Cette question est obligatoire.' }]);
    // A tablet that filled version 1 offline syncs after version 2 was published: it stays a version-1 response.
    const synced = await respond(s.referent.cookie, {
      id: newId(),
      templateVersionId: v1,
      answers: { etage: 2 },
      submit: true,
    });
    expect(synced.status).toBe(201);
    const syncedDetail = await t.call(`/api/form-responses/${synced.json.id}`, { cookie: s.referent.cookie });
    expect(syncedDetail.json).toMatchObject({ templateVersionId: v1, version: 1, answers: { etage: 2 } });
  });

  it('answers 404 for a person or a response the user may not see, in or out of the workspace', async () => {
    const created = await respond(s.referent.cookie, { templateVersionId: v1, answers: {} });
    const id = created.json.id;
    for (const who of [s.outsider, s.otherWorkspace]) {
      expect((await respond(who.cookie, { templateVersionId: v1, answers: {} })).status, who.role).toBe(404);
      expect((await t.call(`/api/people/${personId}/form-responses`, { cookie: who.cookie })).status).toBe(404);
      expect((await t.call(`/api/form-responses/${id}`, { cookie: who.cookie })).status).toBe(404);
      const put = await t.call(`/api/form-responses/${id}`, {
        method: 'PUT',
        cookie: who.cookie,
        body: { revision: 1, answers: {} },
      });
      expect(put.status).toBe(404);
    }
    // The landlord on the case team reads the responses but may not fill forms.
    expect((await t.call(`/api/form-responses/${id}`, { cookie: s.landlord.cookie })).json.canWrite).toBe(false);
    expect((await respond(s.landlord.cookie, { templateVersionId: v1, answers: {} })).status).toBe(404);
    const list = await t.call(`/api/people/${personId}/form-responses`, { cookie: s.referent.cookie });
    expect(list.json.items[0]).toMatchObject({ id, templateTitle: 'Visite test', status: 'draft' });
  });
});
