import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '#src/shared/config.ts';
import type { Database } from '#src/shared/db/client.ts';
import { createLogger } from '#src/shared/log.ts';
import { createMailer } from '#src/shared/mail.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { notify } from '#src/modules/notifications/index.ts';
import { startJobs } from '#src/app/jobs.ts';
import { createOrganization, createUser, createWorkspace } from '#tests/fixtures/factories.ts';
import { startMailbox, type Mailbox } from '#tests/fixtures/smtp-mailbox.ts';

let database: Database;
let mailbox: Mailbox;

beforeAll(async () => {
  database = await createTestDatabase();
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox.close();
  await database.close();
});

/** On PostgreSQL pg-boss opens its own pool: it needs the address of this test's database. */
async function databaseUrl(): Promise<string | undefined> {
  const template = inject('databaseTemplate');
  if (template.kind !== 'postgres') return undefined;
  const { rows } = await database.execute('select current_database() as name');
  const url = new URL(template.url);
  url.pathname = `/${rows[0]!.name as string}`;
  return url.toString();
}

describe('the job queue', () => {
  it('runs the scheduled e-mail sender on the application database', async () => {
    const workspaceId = await createWorkspace(database.db);
    const organizationId = await createOrganization(database.db, workspaceId);
    const user = await createUser(database.db, { workspaceId, organizationId, role: 'referent' });
    await database.db.transaction((tx) =>
      notify(tx, {
        workspaceId,
        userId: user.userId,
        kind: 'task.reminder',
        title: 'Rappel planifié',
        body: '',
        link: null,
        email: true,
      }),
    );

    const url = await databaseUrl();
    const config = loadConfig({
      SMTP_PORT: String(mailbox.port),
      LOG_LEVEL: 'silent',
      ...(url ? { DATABASE_URL: url } : {}),
    });
    const mailer = createMailer(config.smtp);
    // The shortest intervals pg-boss accepts, so the every-minute schedule fires within seconds.
    const stop = await startJobs(
      { config, database, mailer, log: createLogger('silent') },
      { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1 },
    );
    try {
      const mail = await mailbox.mailTo(user.email, 20_000);
      expect(mail.subject).toBe('Demeure — Rappel planifié');
      expect(mail.text).toContain('/notifications');
    } finally {
      await stop();
      mailer.close();
    }
  });
});
