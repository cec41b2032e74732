import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { auditRowsOf, signInAdmin } from '#tests/fixtures/role-sessions.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import { fictionalSiret } from '#tests/fixtures/demo-territory.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let ws: string;
let otherWorkspaceOrg: string;
const cookies = { admin: '', manager: '', referent: '', otherAdmin: '' };
let adminUserId = '';

const SIRET_A = fictionalSiret('1234567890001');
const SIRET_B = fictionalSiret('9876543210002');
const SPACED = (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;
const WRONG_KEY = `${SIRET_A.slice(0, 13)}${(Number(SIRET_A[13]) + 1) % 10}`;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { name: 'CCAS de Lomme' });
  const admin = await signInAdmin(t, database, ws, ccas);
  cookies.admin = admin.cookie;
  adminUserId = admin.userId;
  const manager = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'manager' });
  const referent = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  cookies.manager = await t.signIn(manager.email, TEST_PASSWORD);
  cookies.referent = await t.signIn(referent.email, TEST_PASSWORD);
  const otherWs = await createWorkspace(db);
  otherWorkspaceOrg = await createOrganization(db, otherWs, { name: 'CCAS voisin', siret: SIRET_B });
  cookies.otherAdmin = (await signInAdmin(t, database, otherWs, otherWorkspaceOrg)).cookie;
});
afterAll(async () => {
  t.close();
  await database.close();
});

const countNamed = async (name: string) => {
  const { rows } = await database.execute('select count(*)::int as n from organizations where name = $1', [name]);
  return rows[0]!.n as number;
};

const create = (body: Record<string, unknown>, cookie = cookies.admin) =>
  t.call('/api/organizations', { body, cookie });

describe('creating an organisation', () => {
  it('refuses a SIRET whose key is wrong, in French on the siret field, and saves nothing', async () => {
    const res = await create({ kind: 'association', name: 'Association clé fausse', siret: WRONG_KEY });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.issues).toEqual([
      {
        path: 'siret',
        message: 'Ce SIRET est invalide : sa clé de contrôle ne correspond pas. Vérifiez les chiffres.',
      },
    ]);
    expect(await countNamed('Association clé fausse')).toBe(0);
  });

  it('refuses a SIRET that is not 14 digits', async () => {
    const res = await create({ kind: 'association', name: 'Association format', siret: '1234' });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'siret', message: 'Le SIRET doit comporter 14 chiffres.' }]);
  });

  it('refuses an INSEE code that is not in the official list', async () => {
    const res = await create({ kind: 'city_service', name: 'Service fantôme', communeInsee: '59999' });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: 'communeInsee', message: 'Code INSEE inconnu : choisissez une commune de la liste officielle.' },
    ]);
    expect(await countNamed('Service fantôme')).toBe(0);
  });

  it('requires a kind from the list and a name of at most 200 characters', async () => {
    const res = await create({ kind: 'club', name: 'x'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['kind', 'name']);
  });

  it('stores the SIRET without spaces, names the commune and audits the creation', async () => {
    const res = await create({
      kind: 'landlord',
      name: 'Habitat du Nord',
      siret: SPACED(SIRET_A),
      communeInsee: '59355',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      kind: 'landlord',
      name: 'Habitat du Nord',
      siret: SIRET_A,
      communeInsee: '59355',
      communeName: 'Lomme',
    });
    const audit = await auditRowsOf(database, res.json.id);
    expect(audit).toEqual([
      {
        action: 'organization.create',
        entityType: 'organization',
        changedFields: ['communeInsee', 'kind', 'name', 'siret'],
        actorUserId: adminUserId,
      },
    ]);
  });

  it('answers 409 on the siret field when another organisation of the workspace has the SIRET', async () => {
    const res = await create({ kind: 'company', name: 'Doublon SA', siret: SIRET_A });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('conflict');
    expect(res.json.issues).toEqual([
      { path: 'siret', message: 'Une autre organisation de votre territoire a déjà ce SIRET.' },
    ]);
    expect(await countNamed('Doublon SA')).toBe(0);
  });

  it('answers 409, never 500, when two creations race for the same SIRET', async () => {
    const siret = fictionalSiret('5550001110003');
    const results = await Promise.all([1, 2, 3].map((n) => create({ kind: 'company', name: `Course ${n}`, siret })));
    expect(results.map((r) => r.status).sort((x, y) => x - y)).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.json.issues[0].path === 'siret')).toBe(true);
  });

  it('accepts a SIRET used in another workspace: uniqueness is per territory', async () => {
    const res = await create({ kind: 'ccas', name: 'CCAS homonyme', siret: SIRET_B });
    expect(res.status).toBe(201);
  });
});

describe('changing an organisation', () => {
  it('changes only the fields sent and audits which ones changed', async () => {
    const created = await create({ kind: 'association', name: 'Les Amis du Quartier', communeInsee: '59350' });
    const res = await t.call(`/api/organizations/${created.json.id}`, {
      method: 'PATCH',
      body: { name: 'Les Amis du Vieux-Lille', communeInsee: '59350' },
      cookie: cookies.admin,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: 'Les Amis du Vieux-Lille', kind: 'association', communeName: 'Lille' });
    const audit = await auditRowsOf(database, created.json.id);
    expect(audit.map((a) => [a.action, a.changedFields])).toEqual([
      ['organization.create', ['communeInsee', 'kind', 'name']],
      ['organization.update', ['name']],
    ]);
  });

  it('refuses to take the SIRET of another organisation of the workspace', async () => {
    const created = await create({ kind: 'company', name: 'Entreprise honnête' });
    const res = await t.call(`/api/organizations/${created.json.id}`, {
      method: 'PATCH',
      body: { siret: SIRET_A },
      cookie: cookies.admin,
    });
    expect(res.status).toBe(409);
    expect(res.json.issues[0].path).toBe('siret');
  });

  it('validates a change like a creation', async () => {
    const created = await create({ kind: 'company', name: 'Entreprise à corriger' });
    const res = await t.call(`/api/organizations/${created.json.id}`, {
      method: 'PATCH',
      body: { siret: WRONG_KEY, communeInsee: '00000' },
      cookie: cookies.admin,
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['communeInsee', 'siret']);
  });

  it('answers 404 for an organisation of another workspace, and leaves it unchanged', async () => {
    const res = await t.call(`/api/organizations/${otherWorkspaceOrg}`, {
      method: 'PATCH',
      body: { name: 'Piraté' },
      cookie: cookies.admin,
    });
    expect(res.status).toBe(404);
    expect(await countNamed('Piraté')).toBe(0);
    const list = await t.call('/api/organizations', { cookie: cookies.admin });
    expect(list.json.items.map((o: { id: string }) => o.id)).not.toContain(otherWorkspaceOrg);
  });
});

describe('who may see and change organisations', () => {
  it('lists the workspace organisations sorted by name for a manager', async () => {
    const res = await t.call('/api/organizations', { cookie: cookies.manager });
    expect(res.status).toBe(200);
    const names = res.json.items.map((o: { name: string }) => o.name);
    expect(names).toContain('CCAS de Lomme');
    expect(names).not.toContain('CCAS voisin');
    expect([...names].sort((a: string, b: string) => a.localeCompare(b, 'fr'))).toEqual(names);
  });

  it('lets a manager read but not create or change', async () => {
    expect((await t.call('/api/organizations', { cookie: cookies.manager })).json.canManage).toBe(false);
    expect((await t.call('/api/organizations', { cookie: cookies.admin })).json.canManage).toBe(true);
    expect((await create({ kind: 'ccas', name: 'Par la direction' }, cookies.manager)).status).toBe(404);
    const [first] = (await t.call('/api/organizations', { cookie: cookies.manager })).json.items;
    const patch = await t.call(`/api/organizations/${first.id}`, {
      method: 'PATCH',
      body: { name: 'Renommé' },
      cookie: cookies.manager,
    });
    expect(patch.status).toBe(404);
    expect(await countNamed('Par la direction')).toBe(0);
  });

  it('answers 404 to a referent on every organisation route', async () => {
    expect((await t.call('/api/organizations', { cookie: cookies.referent })).status).toBe(404);
    expect((await create({ kind: 'ccas', name: 'Par le référent' }, cookies.referent)).status).toBe(404);
  });

  it('asks an anonymous caller to sign in', async () => {
    expect((await t.call('/api/organizations')).status).toBe(401);
  });
});

describe('API contract', () => {
  it('documents the administration routes in the OpenAPI document', async () => {
    const res = await t.call('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        '/api/communes',
        '/api/organizations',
        '/api/organizations/{id}',
        '/api/users',
        '/api/memberships',
        '/api/memberships/{id}',
        '/api/invitations',
        '/api/invitations/{id}/revoke',
        '/api/invitations/{id}/renew',
        '/api/invitations/{token}',
        '/api/invitations/{token}/accept',
      ]),
    );
    expect(res.json.components.schemas.OrganizationInput.required).toEqual(['kind', 'name']);
  });
});
