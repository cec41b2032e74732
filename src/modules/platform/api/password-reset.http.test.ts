import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import { startMailbox, type Mailbox } from '#tests/fixtures/smtp-mailbox.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let mailbox: Mailbox;
let t: TestApp;
let ws: string;
let org: string;

beforeAll(async () => {
  database = await createTestDatabase();
  mailbox = await startMailbox();
  t = createTestApp(database, { smtpPort: mailbox.port });
  ws = await createWorkspace(database.db);
  org = await createOrganization(database.db, ws);
});
afterAll(async () => {
  t.close();
  await mailbox.close();
  await database.close();
});

const NEW_PASSWORD = 'une toute nouvelle phrase de passe';
const RESET_PAGE = '/reinitialiser-mot-de-passe';
const INVALID_MESSAGE = 'Ce lien de réinitialisation est invalide ou a expiré. Demandez-en un nouveau.';

/** Each test gets its own client address, so better-auth's per-address rate limits stay per test. */
let lastAddress = 0;
const clientAddress = () => ({ 'x-forwarded-for': `192.0.2.${(lastAddress += 1)}` });

const requestReset = (email: string, headers: Record<string, string>) =>
  t.call('/api/auth/request-password-reset', { body: { email, redirectTo: RESET_PAGE }, headers });

/** The link of the reset e-mail sent to `email`. */
async function resetLinkFor(email: string): Promise<string> {
  const mail = await mailbox.mailTo(email);
  expect(mail.subject).toBe('Demeure — réinitialisation de votre mot de passe');
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeDefined();
  return link!;
}

/** Follows the e-mailed link the way a browser does: better-auth checks the token, then redirects to the page. */
async function follow(link: string) {
  expect(link.startsWith(`${TEST_ORIGIN}/api/auth/reset-password/`)).toBe(true);
  const res = await t.call(link.slice(TEST_ORIGIN.length));
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!, TEST_ORIGIN);
}

describe('password reset, end to end through a real SMTP server', () => {
  it('e-mails a link that leads to the reset page; the new password works, the old one and every session no longer do', async () => {
    const { email } = await createUser(database.db, {
      workspaceId: ws,
      organizationId: org,
      role: 'referent',
      email: 'claire.m@exemple.test',
    });
    const sessions = [await t.signIn(email, TEST_PASSWORD), await t.signIn(email, TEST_PASSWORD)];
    for (const cookie of sessions) expect((await t.call('/api/me', { cookie })).status).toBe(200);
    const headers = clientAddress();

    const asked = await requestReset('Claire.M@Exemple.test', headers);
    expect(asked.status).toBe(200);

    const landing = await follow(await resetLinkFor(email));
    expect(`${landing.origin}${landing.pathname}`).toBe(`${TEST_ORIGIN}${RESET_PAGE}`);
    const token = landing.searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(landing.searchParams.get('error')).toBeNull();

    const reset = await t.call('/api/auth/reset-password', { body: { newPassword: NEW_PASSWORD, token }, headers });
    expect(reset.status).toBe(200);

    const old = await t.call('/api/auth/sign-in/email', { body: { email, password: TEST_PASSWORD }, headers });
    expect(old.status).toBe(401);
    expect(old.json).toEqual({ code: 'unauthenticated', message: 'Adresse e-mail ou mot de passe incorrect.' });
    const fresh = await t.signIn(email, NEW_PASSWORD);
    expect((await t.call('/api/me', { cookie: fresh })).json.user.email).toBe(email);

    for (const cookie of sessions) {
      const me = await t.call('/api/me', { cookie });
      expect(me.status).toBe(401);
      expect(me.json.code).toBe('session_expired');
    }

    // The link works once.
    const again = await t.call('/api/auth/reset-password', {
      body: { newPassword: `${NEW_PASSWORD} bis`, token },
      headers,
    });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ code: 'bad_request', message: INVALID_MESSAGE });
    expect(
      (await follow(`${TEST_ORIGIN}/api/auth/reset-password/${token}?callbackURL=${encodeURIComponent(RESET_PAGE)}`))
        .search,
    ).toBe('?error=INVALID_TOKEN');
  });

  it('answers an unknown address exactly like a known one, and sends it nothing', async () => {
    const { email } = await createUser(database.db, {
      workspaceId: ws,
      organizationId: org,
      role: 'reception',
      email: 'connu@exemple.test',
    });
    const headers = clientAddress();
    const unknown = await requestReset('inconnu@exemple.test', headers);
    const known = await requestReset(email, headers);
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual(known.json);

    await resetLinkFor(email);
    expect(mailbox.all().flatMap((m) => m.to)).not.toContain('inconnu@exemple.test');
    const { rows } = await database.execute(
      "select count(*)::int as n from auth_verification where identifier like 'reset-password:%' and value not in (select id::text from auth_user)",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses an invalid address in French', async () => {
    const res = await requestReset('pas-une-adresse', clientAddress());
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      code: 'validation_failed',
      message: 'Certaines informations sont incorrectes. Corrigez les champs signalés.',
    });
    expect(mailbox.all().flatMap((m) => m.to)).not.toContain('pas-une-adresse');
  });
});

describe('links that no longer work', () => {
  it('refuses an unknown token in French, on the link and on the form', async () => {
    const headers = clientAddress();
    const landing = await follow(
      `${TEST_ORIGIN}/api/auth/reset-password/nimportequoi?callbackURL=${encodeURIComponent(RESET_PAGE)}`,
    );
    expect(landing.pathname).toBe(RESET_PAGE);
    expect(landing.searchParams.get('error')).toBe('INVALID_TOKEN');
    expect(landing.searchParams.get('token')).toBeNull();

    const res = await t.call('/api/auth/reset-password', {
      body: { newPassword: NEW_PASSWORD, token: 'nimportequoi' },
      headers,
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code: 'bad_request', message: INVALID_MESSAGE });
  });

  it('refuses an expired token in French and leaves the password unchanged', async () => {
    const { email } = await createUser(database.db, {
      workspaceId: ws,
      organizationId: org,
      role: 'ot',
      email: 'expire@exemple.test',
    });
    const headers = clientAddress();
    await requestReset(email, headers);
    const link = await resetLinkFor(email);
    const token = (await follow(link)).searchParams.get('token')!;
    // One hour later, as far as the database is concerned.
    await database.execute(
      "update auth_verification set expires_at = now() - interval '1 minute' where identifier = $1",
      [`reset-password:${token}`],
    );

    expect((await follow(link)).searchParams.get('error')).toBe('INVALID_TOKEN');
    const res = await t.call('/api/auth/reset-password', { body: { newPassword: NEW_PASSWORD, token }, headers });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code: 'bad_request', message: INVALID_MESSAGE });
    expect(await t.signIn(email, TEST_PASSWORD)).toMatch(/demeure\.session_token=/);
  });

  it('refuses a new password under 12 characters in French, next to the field, and the link keeps working', async () => {
    const { email } = await createUser(database.db, {
      workspaceId: ws,
      organizationId: org,
      role: 'referent',
      email: 'court@exemple.test',
    });
    const headers = clientAddress();
    await requestReset(email, headers);
    const token = (await follow(await resetLinkFor(email))).searchParams.get('token')!;
    const short = await t.call('/api/auth/reset-password', { body: { newPassword: 'trop court', token }, headers });
    expect(short.status).toBe(400);
    expect(short.json).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'password', message: 'Le mot de passe doit contenir au moins 12 caractères.' }],
    });
    const ok = await t.call('/api/auth/reset-password', { body: { newPassword: NEW_PASSWORD, token }, headers });
    expect(ok.status).toBe(200);
  });
});
