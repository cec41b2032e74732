import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#src/shared/config.ts';
import type { Database } from '#src/shared/db/client.ts';
import { createLogger } from '#src/shared/log.ts';
import { createMailer } from '#src/shared/mail.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { MAX_EMAIL_ATTEMPTS } from '#src/modules/notifications/domain/email-delivery.ts';
import { notify, type NotifyInput } from '#src/modules/notifications/service/notify.ts';
import { sendPendingNotificationEmails } from '#src/modules/notifications/service/send-notification-emails.ts';
import { createOrganization, createUser, createWorkspace } from '#tests/fixtures/factories.ts';
import { startMailbox, type Mailbox } from '#tests/fixtures/smtp-mailbox.ts';

const PUBLIC_URL = 'https://demeure.exemple.fr';

let database: Database;
let mailbox: Mailbox;
let user: { userId: string; email: string };
let workspaceId: string;

const depsFor = (smtpPort: number) => {
  const config = loadConfig({ PUBLIC_URL, SMTP_PORT: String(smtpPort), LOG_LEVEL: 'silent' });
  return { database, config, mailer: createMailer(config.smtp), log: createLogger('silent') };
};

const reminder = (overrides: Partial<NotifyInput> = {}): NotifyInput => ({
  workspaceId,
  userId: user.userId,
  kind: 'task.reminder',
  title: 'Tâche à échéance : visite à domicile',
  body: 'Parcours de Mme Duval — échéance demain.',
  link: '/parcours/0190a1b2-0000-7000-8000-000000000001',
  email: true,
  ...overrides,
});

const emailState = async (id: string) => {
  const { rows } = await database.execute(
    'select email_status, email_attempts, email_next_attempt_at, email_sent_at from notifications where id = $1',
    [id],
  );
  const row = rows[0]!;
  return {
    status: row.email_status as string | null,
    attempts: row.email_attempts as number,
    nextAttemptAt: row.email_next_attempt_at ? new Date(row.email_next_attempt_at as string) : null,
    sentAt: row.email_sent_at,
  };
};

/** A port nothing listens on: the mail server is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  database = await createTestDatabase();
  mailbox = await startMailbox();
  workspaceId = await createWorkspace(database.db);
  const organizationId = await createOrganization(database.db, workspaceId);
  user = await createUser(database.db, { workspaceId, organizationId, role: 'referent', name: 'Claire Morel' });
});
afterAll(async () => {
  await mailbox.close();
  await database.close();
});

describe('notification e-mails', () => {
  it('a notification whose transaction rolls back leaves no row and sends nothing', async () => {
    const deps = depsFor(mailbox.port);
    const before = mailbox.all().length;
    const rollback = new Error('the write failed after notify()');
    await expect(
      database.db.transaction(async (tx) => {
        await notify(tx, reminder({ title: 'Jamais envoyée' }));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const { rows } = await database.execute("select 1 from notifications where title = 'Jamais envoyée'");
    expect(rows).toHaveLength(0);
    expect(await sendPendingNotificationEmails(deps, new Date())).toMatchObject({ sent: 0 });
    expect(mailbox.all().length).toBe(before);
    deps.mailer.close();
  });

  it('reaches the mailbox exactly once, in French with a link to the app, even when senders run twice at once', async () => {
    const deps = depsFor(mailbox.port);
    const id = await database.db.transaction((tx) => notify(tx, reminder()));
    const now = new Date();
    const [first, second] = await Promise.all([
      sendPendingNotificationEmails(deps, now),
      sendPendingNotificationEmails(deps, now),
    ]);
    expect(first.sent + second.sent).toBe(1);
    expect((await sendPendingNotificationEmails(deps, new Date(now.getTime() + 3_600_000))).sent).toBe(0);

    const mail = await mailbox.mailTo(user.email);
    expect(mail.subject).toBe('Demeure — Tâche à échéance : visite à domicile');
    expect(mail.text).toContain('Bonjour Claire Morel');
    expect(mail.text).toContain(`${PUBLIC_URL}/parcours/0190a1b2-0000-7000-8000-000000000001`);
    // The body may name the person: it stays in the app.
    expect(mail.text).not.toContain('Duval');
    expect(mailbox.all().filter((m) => m.to.includes(user.email) && m.subject.includes('visite'))).toHaveLength(1);
    expect(await emailState(id)).toMatchObject({ status: 'sent', attempts: 1 });
    deps.mailer.close();
  });

  it('sends no e-mail for an in-app-only notification', async () => {
    const deps = depsFor(mailbox.port);
    const id = await database.db.transaction((tx) => notify(tx, reminder({ email: false, title: 'Dans l’app' })));
    expect((await sendPendingNotificationEmails(deps, new Date())).sent).toBe(0);
    expect(await emailState(id)).toMatchObject({ status: null, attempts: 0 });
    deps.mailer.close();
  });

  it('retries a refused e-mail later, then gives it up after the last attempt', async () => {
    const down = depsFor(await closedPort());
    const id = await database.db.transaction((tx) => notify(tx, reminder({ title: 'Serveur en panne' })));
    let now = new Date();
    expect(await sendPendingNotificationEmails(down, now)).toMatchObject({ sent: 0, retrying: 1 });
    let state = await emailState(id);
    expect(state).toMatchObject({ status: 'pending', attempts: 1 });
    expect(state.nextAttemptAt!.getTime() - now.getTime()).toBe(60_000);
    // Not due yet: nothing is tried.
    expect(await sendPendingNotificationEmails(down, new Date(now.getTime() + 30_000))).toMatchObject({ retrying: 0 });

    for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt += 1) {
      now = (await emailState(id)).nextAttemptAt!;
      await sendPendingNotificationEmails(down, now);
    }
    state = await emailState(id);
    expect(state).toMatchObject({ status: 'failed', attempts: MAX_EMAIL_ATTEMPTS, nextAttemptAt: null });

    // The mail server is back: a given-up e-mail stays given up.
    const up = depsFor(mailbox.port);
    expect((await sendPendingNotificationEmails(up, new Date(now.getTime() + 86_400_000))).sent).toBe(0);
    expect(mailbox.all().some((m) => m.subject.includes('Serveur en panne'))).toBe(false);
    down.mailer.close();
    up.mailer.close();
  });

  it('never resends an e-mail whose sender stopped mid-send', async () => {
    const deps = depsFor(mailbox.port);
    const id = await database.db.transaction((tx) => notify(tx, reminder({ title: 'Envoi interrompu' })));
    // What a sender killed between claiming and confirming leaves behind.
    await database.execute(
      "update notifications set email_status = 'sending', email_attempts = 1, email_next_attempt_at = now() + interval '15 minutes' where id = $1",
      [id],
    );
    expect((await sendPendingNotificationEmails(deps, new Date())).sent).toBe(0);
    const run = await sendPendingNotificationEmails(deps, new Date(Date.now() + 16 * 60_000));
    expect(run).toMatchObject({ sent: 0, abandoned: 1 });
    expect(await emailState(id)).toMatchObject({ status: 'failed' });
    expect(mailbox.all().some((m) => m.subject.includes('Envoi interrompu'))).toBe(false);
    deps.mailer.close();
  });

  it('sends nothing to someone who has left the workspace since', async () => {
    const deps = depsFor(mailbox.port);
    const organizationId = await createOrganization(database.db, workspaceId);
    const leaver = await createUser(database.db, { workspaceId, organizationId, role: 'reception' });
    const id = await database.db.transaction((tx) =>
      notify(tx, reminder({ userId: leaver.userId, title: 'Après le départ' })),
    );
    await database.execute('delete from memberships where user_id = $1', [leaver.userId]);
    expect(await sendPendingNotificationEmails(deps, new Date())).toMatchObject({ sent: 0, failed: 1 });
    expect(await emailState(id)).toMatchObject({ status: 'failed' });
    expect(mailbox.all().some((m) => m.to.includes(leaver.email))).toBe(false);
    deps.mailer.close();
  });

  it('refuses a link that leaves the app', async () => {
    await expect(
      database.db.transaction((tx) => notify(tx, reminder({ link: 'https://ailleurs.exemple/' }))),
    ).rejects.toThrow(/path inside the app/);
  });
});
