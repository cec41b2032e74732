import type { Database } from '#src/shared/db/client.ts';
import { createUser, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import type { TestApp } from '#tests/fixtures/test-app.ts';

/**
 * An administrator's session for HTTP tests. Administrators must use a second factor; the
 * enrolment has its own tests, so here the account signs in, then its enrolment is recorded as
 * done — exactly the state of an administrator who completed it.
 */
export async function signInAdmin(t: TestApp, database: Database, workspaceId: string, organizationId: string) {
  const admin = await createUser(database.db, { workspaceId, organizationId, role: 'admin' });
  const cookie = await t.signIn(admin.email, TEST_PASSWORD);
  await database.execute('update auth_user set two_factor_enabled = true where id = $1', [admin.userId]);
  return { ...admin, cookie };
}

/** The audit rows of one entity, oldest first. */
export async function auditRowsOf(database: Database, entityId: string) {
  const { rows } = await database.execute(
    'select action, entity_type, changed_fields, actor_user_id from audit_log where entity_id = $1 order by seq',
    [entityId],
  );
  return rows.map((r) => ({
    action: r.action as string,
    entityType: r.entity_type as string,
    changedFields: r.changed_fields as string[],
    actorUserId: r.actor_user_id as string | null,
  }));
}
