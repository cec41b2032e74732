import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { auditRowsOf, signInAdmin } from '#tests/fixtures/role-sessions.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let ws: string;
let ccas: string;
let landlordOrg: string;
let admin: { userId: string; email: string; cookie: string };
let referent: { userId: string; email: string };
let otherWorkspaceUser: { userId: string; email: string };
let otherWorkspaceMembershipId: string;
const cookies = { manager: '', referent: '' };

type MemberJson = {
  userId: string;
  email: string;
  memberships: { id: string; organizationId: string; organizationName: string; role: string }[];
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  ws = await createWorkspace(db);
  ccas = await createOrganization(db, ws, { name: 'CCAS de Lattes' });
  landlordOrg = await createOrganization(db, ws, { kind: 'landlord', name: 'Hérault Habitat' });
  admin = await signInAdmin(t, database, ws, ccas);
  const manager = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'manager' });
  referent = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'referent', name: 'Rose Référente' });
  cookies.manager = await t.signIn(manager.email, TEST_PASSWORD);
  cookies.referent = await t.signIn(referent.email, TEST_PASSWORD);
  const otherWs = await createWorkspace(db);
  const otherOrg = await createOrganization(db, otherWs);
  otherWorkspaceUser = await createUser(db, { workspaceId: otherWs, organizationId: otherOrg, role: 'ot' });
  const { rows } = await database.execute('select id from memberships where user_id = $1', [otherWorkspaceUser.userId]);
  otherWorkspaceMembershipId = rows[0]!.id as string;
});
afterAll(async () => {
  t.close();
  await database.close();
});

const members = async (cookie = admin.cookie): Promise<MemberJson[]> => {
  const res = await t.call('/api/users', { cookie });
  expect(res.status).toBe(200);
  return res.json.items;
};
const membershipsOf = async (userId: string) => (await members()).find((m) => m.userId === userId)?.memberships ?? [];

describe('listing the accounts of the workspace', () => {
  it('shows each account once with its organisations and roles, and no one from another workspace', async () => {
    const items = await members(cookies.manager);
    const rose = items.find((m) => m.userId === referent.userId)!;
    expect(rose.memberships).toEqual([
      expect.objectContaining({ organizationId: ccas, organizationName: 'CCAS de Lattes', role: 'referent' }),
    ]);
    expect(items.map((m) => m.userId)).not.toContain(otherWorkspaceUser.userId);
    expect(new Set(items.map((m) => m.userId)).size).toBe(items.length);
  });

  it('answers 404 to a referent', async () => {
    expect((await t.call('/api/users', { cookie: cookies.referent })).status).toBe(404);
  });
});

describe('managing memberships', () => {
  it('adds an account of the workspace to another organisation, audited', async () => {
    const res = await t.call('/api/memberships', {
      body: { userId: referent.userId, organizationId: landlordOrg, role: 'housing_officer' },
      cookie: admin.cookie,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ organizationName: 'Hérault Habitat', role: 'housing_officer' });
    expect((await membershipsOf(referent.userId)).map((m) => m.role).sort()).toEqual(['housing_officer', 'referent']);
    expect(await auditRowsOf(database, res.json.id)).toEqual([
      expect.objectContaining({
        action: 'membership.create',
        changedFields: ['organizationId', 'role', 'userId'],
        actorUserId: admin.userId,
      }),
    ]);
  });

  it('refuses a second membership in the same organisation with 409 on the organisation field', async () => {
    const res = await t.call('/api/memberships', {
      body: { userId: referent.userId, organizationId: ccas, role: 'ot' },
      cookie: admin.cookie,
    });
    expect(res.status).toBe(409);
    expect(res.json.issues).toEqual([
      { path: 'organizationId', message: 'Ce compte est déjà membre de cette organisation.' },
    ]);
  });

  it('does not attach an account of another workspace', async () => {
    const res = await t.call('/api/memberships', {
      body: { userId: otherWorkspaceUser.userId, organizationId: ccas, role: 'ot' },
      cookie: admin.cookie,
    });
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe('userId');
  });

  it('changes a role, audited', async () => {
    const membership = (await membershipsOf(referent.userId)).find((m) => m.organizationId === ccas)!;
    const res = await t.call(`/api/memberships/${membership.id}`, {
      method: 'PATCH',
      body: { role: 'social_financial' },
      cookie: admin.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe('social_financial');
    expect((await auditRowsOf(database, membership.id)).at(-1)).toMatchObject({
      action: 'membership.update',
      changedFields: ['role'],
    });
  });

  it('refuses an unknown role in French', async () => {
    const membership = (await membershipsOf(referent.userId))[0]!;
    const res = await t.call(`/api/memberships/${membership.id}`, {
      method: 'PATCH',
      body: { role: 'king' },
      cookie: admin.cookie,
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'role', message: 'Choisissez un rôle dans la liste.' }]);
  });

  it('removes a membership, audited', async () => {
    const membership = (await membershipsOf(referent.userId)).find((m) => m.organizationId === landlordOrg)!;
    const res = await t.call(`/api/memberships/${membership.id}`, { method: 'DELETE', cookie: admin.cookie });
    expect(res.status).toBe(204);
    expect((await membershipsOf(referent.userId)).map((m) => m.organizationId)).toEqual([ccas]);
    expect((await auditRowsOf(database, membership.id)).at(-1)).toMatchObject({ action: 'membership.delete' });
  });

  it('answers 404 for a membership of another workspace and leaves it alone', async () => {
    const patch = await t.call(`/api/memberships/${otherWorkspaceMembershipId}`, {
      method: 'PATCH',
      body: { role: 'admin' },
      cookie: admin.cookie,
    });
    const del = await t.call(`/api/memberships/${otherWorkspaceMembershipId}`, {
      method: 'DELETE',
      cookie: admin.cookie,
    });
    expect([patch.status, del.status]).toEqual([404, 404]);
    const { rows } = await database.execute('select role from memberships where id = $1', [otherWorkspaceMembershipId]);
    expect(rows).toEqual([{ role: 'ot' }]);
  });

  it('lets a manager read but not change, add or remove', async () => {
    expect((await t.call('/api/users', { cookie: cookies.manager })).json.canManage).toBe(false);
    expect((await t.call('/api/users', { cookie: admin.cookie })).json.canManage).toBe(true);
    const membership = (await membershipsOf(referent.userId))[0]!;
    const patch = await t.call(`/api/memberships/${membership.id}`, {
      method: 'PATCH',
      body: { role: 'admin' },
      cookie: cookies.manager,
    });
    const del = await t.call(`/api/memberships/${membership.id}`, { method: 'DELETE', cookie: cookies.manager });
    const add = await t.call('/api/memberships', {
      body: { userId: referent.userId, organizationId: landlordOrg, role: 'admin' },
      cookie: cookies.manager,
    });
    expect([patch.status, del.status, add.status]).toEqual([404, 404, 404]);
    expect((await membershipsOf(referent.userId)).map((m) => m.role)).toEqual(['social_financial']);
  });
});

describe('the last administrator', () => {
  const lastAdminMessage =
    'Impossible : c’est le dernier administrateur de l’espace. Donnez d’abord le rôle d’administrateur à une autre personne.';

  it('cannot be demoted nor removed, with a clear French message', async () => {
    const own = (await membershipsOf(admin.userId))[0]!;
    const demote = await t.call(`/api/memberships/${own.id}`, {
      method: 'PATCH',
      body: { role: 'manager' },
      cookie: admin.cookie,
    });
    expect(demote.status).toBe(409);
    expect(demote.json).toEqual({
      code: 'conflict',
      message: lastAdminMessage,
      issues: [{ path: 'role', message: lastAdminMessage }],
    });
    const remove = await t.call(`/api/memberships/${own.id}`, { method: 'DELETE', cookie: admin.cookie });
    expect(remove.status).toBe(409);
    expect(remove.json.message).toBe(lastAdminMessage);
    expect((await membershipsOf(admin.userId))[0]!.role).toBe('admin');
  });

  it('can step down once another administrator exists', async () => {
    const other = await createUser(database.db, { workspaceId: ws, organizationId: landlordOrg, role: 'referent' });
    const otherMembership = (await membershipsOf(other.userId))[0]!;
    const promote = await t.call(`/api/memberships/${otherMembership.id}`, {
      method: 'PATCH',
      body: { role: 'admin' },
      cookie: admin.cookie,
    });
    expect(promote.status).toBe(200);
    const own = (await membershipsOf(admin.userId))[0]!;
    const demote = await t.call(`/api/memberships/${own.id}`, {
      method: 'PATCH',
      body: { role: 'manager' },
      cookie: admin.cookie,
    });
    expect(demote.status).toBe(200);
    // The former administrator has lost the right to manage accounts at once.
    const again = await t.call(`/api/memberships/${otherMembership.id}`, { method: 'DELETE', cookie: admin.cookie });
    expect(again.status).toBe(404);
  });

  it('keeps one administrator when two demote each other at the same moment', async () => {
    const pairWs = await createWorkspace(database.db);
    const pairOrg = await createOrganization(database.db, pairWs);
    const a = await signInAdmin(t, database, pairWs, pairOrg);
    const b = await signInAdmin(t, database, pairWs, pairOrg);
    const { rows } = await database.execute('select id, user_id from memberships where workspace_id = $1', [pairWs]);
    const idOf = (userId: string) => rows.find((r) => r.user_id === userId)!.id as string;
    const [first, second] = await Promise.all([
      t.call(`/api/memberships/${idOf(a.userId)}`, { method: 'PATCH', body: { role: 'manager' }, cookie: b.cookie }),
      t.call(`/api/memberships/${idOf(b.userId)}`, { method: 'PATCH', body: { role: 'manager' }, cookie: a.cookie }),
    ]);
    // The loser is refused either by the rule (409) or, if it starts after the winner's commit, by
    // having lost the admin role itself (404): in both cases one administrator remains.
    const statuses = [first.status, second.status].sort((x, y) => x - y);
    expect(statuses[0]).toBe(200);
    expect([404, 409]).toContain(statuses[1]);
    const admins = await database.execute(
      "select count(*)::int as n from memberships where workspace_id = $1 and role = 'admin'",
      [pairWs],
    );
    expect(admins.rows[0]!.n).toBe(1);
  });
});
