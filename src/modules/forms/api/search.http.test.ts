import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'outsider' | 'homeHelp' | 'otherWorkspace', RoleSession>;
let responseId = '';
let personId = '';

const search = (query: string, session: RoleSession = s.referent) =>
  t.call(`/api/form-responses/search?${query}`, { cookie: session.cookie });

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws);
  const as = (role: 'referent' | 'home_help') =>
    signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role });
  s.referent = await as('referent');
  s.outsider = await as('referent');
  s.homeHelp = await as('home_help');
  const otherWs = await createWorkspace(db);
  s.otherWorkspace = await signInWithRole(t, database, {
    workspaceId: otherWs,
    organizationId: await createOrganization(db, otherWs),
    role: 'referent',
  });
  personId = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Émile',
    lastName: 'Durand',
    caseTeam: [{ userId: s.referent.userId, organizationId: ccas }],
  });
  const templates = await t.call('/api/form-templates', { cookie: s.referent.cookie });
  const grid = templates.json.items.find((x: { key: string }) => x.key === 'lomme_visite_qualification');
  const created = await t.call(`/api/people/${personId}/form-responses`, {
    method: 'POST',
    cookie: s.referent.cookie,
    body: {
      templateVersionId: grid.latestVersionId,
      answers: { pieces: [{ piece: 'salle_de_bain', activites_difficiles: ['se_laver'] }] },
    },
  });
  expect(created.status).toBe(201);
  responseId = created.json.id;
});

afterAll(async () => {
  t.close();
  await database.close();
});

describe('GET /api/form-responses/search', () => {
  it('finds a room by its label, with the question, for the case team, and audits the response shown', async () => {
    const res = await search('q=SALLE%20DE%20BAIN');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total: 1, limit: 20, offset: 0 });
    expect(res.json.items).toEqual([
      {
        id: responseId,
        personId,
        personName: 'Émile Durand',
        templateTitle: 'Visite à domicile : grille de qualification',
        status: 'draft',
        date: expect.any(String),
        excerpt: { question: 'Pièce 1 — Pièce', answer: 'Salle de bain' },
      },
    ]);
    const audit = await auditRowsOf(database, responseId);
    expect(audit.filter((r) => r.action === 'form_response.search_hit')).toEqual([
      {
        action: 'form_response.search_hit',
        entityType: 'form_response',
        changedFields: [],
        actorUserId: s.referent.userId,
      },
    ]);
  });

  it('shows nothing of a person outside the case team or of another workspace', async () => {
    expect((await search('q=salle', s.outsider)).json).toMatchObject({ items: [], total: 0 });
    expect((await search('q=salle', s.otherWorkspace)).json).toMatchObject({ items: [], total: 0 });
    const audit = await auditRowsOf(database, responseId);
    expect(audit.some((r) => r.actorUserId !== s.referent.userId)).toBe(false);
  });

  it('needs person.read and a session', async () => {
    expect((await search('q=salle', s.homeHelp)).status).toBe(404);
    expect((await t.call('/api/form-responses/search?q=salle')).status).toBe(401);
  });

  it('says field by field what is wrong with the criteria', async () => {
    const issuesOf = async (query: string) => {
      const res = await search(query);
      expect(res.status).toBe(400);
      return res.json.issues as { path: string; message: string }[];
    };
    expect(await issuesOf('q=a')).toEqual([{ path: 'q', message: 'Saisissez au moins 2 caractères.' }]);
    expect(await issuesOf(`q=${'a'.repeat(101)}`)).toEqual([
      { path: 'q', message: 'Saisissez au plus 100 caractères.' },
    ]);
    expect(await issuesOf('template=grille')).toEqual([
      { path: 'template', message: 'Choisissez un formulaire de la liste.' },
    ]);
    expect(await issuesOf('status=archived')).toEqual([{ path: 'status', message: 'Choisissez un état de la liste.' }]);
    expect(await issuesOf('from=2026-02-30')).toEqual([
      { path: 'from', message: 'Saisissez une date valide, par exemple 01/03/2026.' },
    ]);
    expect(await issuesOf('from=2026-03-01&to=2026-02-01')).toEqual([
      { path: 'to', message: 'La date de fin doit être postérieure ou égale à la date de début.' },
    ]);
  });
});
