import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { notify } from '#src/modules/notifications/index.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let workspaceId: string;
let otherWorkspaceId: string;
let landlord: RoleSession;
let colleague: RoleSession;
const ids = { older: '', newer: '', alreadyRead: '', colleagues: '', otherWorkspace: '' };

const send = (userId: string, title: string, ws = workspaceId) =>
  database.db.transaction((tx) =>
    notify(tx, {
      workspaceId: ws,
      userId,
      kind: 'task.reminder',
      title,
      body: `Détail de ${title}`,
      link: '/',
      email: false,
    }),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  workspaceId = await createWorkspace(database.db);
  otherWorkspaceId = await createWorkspace(database.db);
  const organizationId = await createOrganization(database.db, workspaceId, { kind: 'landlord' });
  const otherOrganizationId = await createOrganization(database.db, otherWorkspaceId);
  // Notifications are for every role, landlord staff included.
  landlord = await signInWithRole(t, database, { workspaceId, organizationId, role: 'landlord' });
  colleague = await signInWithRole(t, database, { workspaceId, organizationId, role: 'landlord' });
  await database.execute(
    `insert into memberships (workspace_id, id, user_id, organization_id, role) values ($1, $2, $3, $4, 'referent')`,
    [otherWorkspaceId, newId(), landlord.userId, otherOrganizationId],
  );
  ids.alreadyRead = await send(landlord.userId, 'Déjà lue');
  await database.execute('update notifications set read_at = now() where id = $1', [ids.alreadyRead]);
  ids.older = await send(landlord.userId, 'Plus ancienne');
  ids.newer = await send(landlord.userId, 'Plus récente');
  ids.colleagues = await send(colleague.userId, 'Pour un collègue');
  ids.otherWorkspace = await send(landlord.userId, 'Autre territoire', otherWorkspaceId);
});
afterAll(async () => {
  t.close();
  await database.close();
});

const titles = (res: { json: { items: { title: string }[] } }) => res.json.items.map((i) => i.title);

describe('my notifications', () => {
  it('lists only mine in this workspace, unread first then newest', async () => {
    const res = await t.call('/api/notifications', { cookie: landlord.cookie });
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['Plus récente', 'Plus ancienne', 'Déjà lue']);
    expect(res.json.unreadCount).toBe(2);
    expect(res.json.items[0]).toEqual({
      id: ids.newer,
      kind: 'task.reminder',
      title: 'Plus récente',
      body: 'Détail de Plus récente',
      link: '/',
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(await t.call('/api/notifications/unread-count', { cookie: landlord.cookie })).toMatchObject({
      status: 200,
      json: { unreadCount: 2 },
    });
  });

  it('needs a session', async () => {
    expect((await t.call('/api/notifications')).status).toBe(401);
    expect((await t.call('/api/notifications/read-all', { method: 'POST' })).status).toBe(401);
  });

  it('marks one read, audited, and answers 404 for somebody else’s', async () => {
    const res = await t.call(`/api/notifications/${ids.older}/read`, { method: 'POST', cookie: landlord.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ readAt: expect.any(String), unreadCount: 1 });
    expect(await auditRowsOf(database, ids.older)).toEqual([
      {
        action: 'notification.read',
        entityType: 'notification',
        changedFields: ['readAt'],
        actorUserId: landlord.userId,
      },
    ]);
    // Marking again keeps the first reading time.
    const again = await t.call(`/api/notifications/${ids.older}/read`, { method: 'POST', cookie: landlord.cookie });
    expect(again.json.readAt).toBe(res.json.readAt);

    for (const id of [ids.colleagues, ids.otherWorkspace, newId()]) {
      const refused = await t.call(`/api/notifications/${id}/read`, { method: 'POST', cookie: landlord.cookie });
      expect(refused.status).toBe(404);
    }
    const { rows } = await database.execute('select read_at from notifications where id = any($1)', [
      [ids.colleagues, ids.otherWorkspace],
    ]);
    expect(rows.map((r) => r.read_at)).toEqual([null, null]);
    expect(
      (await t.call('/api/notifications/pas-un-id/read', { method: 'POST', cookie: landlord.cookie })).status,
    ).toBe(400);
  });

  it('marks all mine read and nobody else’s', async () => {
    const res = await t.call('/api/notifications/read-all', { method: 'POST', cookie: landlord.cookie });
    expect(res).toMatchObject({ status: 200, json: { updated: 1, unreadCount: 0 } });
    expect((await t.call('/api/notifications/unread-count', { cookie: landlord.cookie })).json.unreadCount).toBe(0);
    expect((await t.call('/api/notifications/unread-count', { cookie: colleague.cookie })).json.unreadCount).toBe(1);
    const { rows } = await database.execute(
      "select count(*)::int as n from audit_log where action = 'notification.read_all' and actor_user_id = $1",
      [landlord.userId],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
