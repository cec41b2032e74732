import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';
import { base32Decode, hotp, totpFromUri, wrongTotpFromUri } from '#tests/fixtures/totp.ts';

let database: Database;
let t: TestApp;
let ws: string;
let org: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  ws = await createWorkspace(database.db);
  org = await createOrganization(database.db, ws);
});
afterAll(async () => {
  t.close();
  await database.close();
});

const TOTP_WRONG = 'Code incorrect. Vérifiez l’heure de votre téléphone et réessayez.';

/** Each test gets its own client address, so better-auth's per-address rate limits stay per test. */
let lastAddress = 0;

/** A browser: keeps the cookies the server sets (and drops the ones it expires) across calls. */
function browser() {
  const jar = new Map<string, string>();
  const headers = { 'x-forwarded-for': `198.51.100.${(lastAddress += 1)}` };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    jar,
    cookie,
    async call(path: string, body?: unknown) {
      const res = await t.call(path, { ...(body === undefined ? {} : { body }), cookie: cookie(), headers });
      for (const line of res.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const name = pair.slice(0, pair.indexOf('='));
        const value = pair.slice(pair.indexOf('=') + 1);
        const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
        if (expired) jar.delete(name);
        else jar.set(name, value);
      }
      return res;
    },
  };
}
type Browser = ReturnType<typeof browser>;

async function signIn(b: Browser, email: string) {
  const res = await b.call('/api/auth/sign-in/email', { email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return res;
}

/** Enables TOTP on the signed-in account, as the set-up page does; returns the otpauth URI and backup codes. */
async function enableTotp(b: Browser): Promise<{ totpURI: string; backupCodes: string[] }> {
  const res = await b.call('/api/auth/two-factor/enable', { password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  const verified = await b.call('/api/auth/two-factor/verify-totp', { code: totpFromUri(res.json.totpURI) });
  expect(verified.status).toBe(200);
  return res.json;
}

describe('the test TOTP generator', () => {
  it('matches the RFC 6238 reference values', () => {
    const key = Buffer.from('12345678901234567890');
    expect(hotp(key, Math.floor(59 / 30), 8)).toBe('94287082');
    expect(hotp(key, Math.floor(1111111109 / 30), 8)).toBe('07081804');
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString()).toBe('12345678901234567890');
  });
});

describe('an administrator without a second factor', () => {
  it('holds no permission until TOTP is set up, then gets them all', async () => {
    const admin = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'admin' });
    const b = browser();
    const signedIn = await signIn(b, admin.email);
    expect(signedIn.json.twoFactorRedirect).toBeUndefined();

    const before = await b.call('/api/me');
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ twoFactorSetupRequired: true, permissions: [] });
    expect((await b.call('/api/users')).status).toBe(404);
    expect((await b.call('/api/auth/get-session')).json.user.twoFactorEnabled).toBe(false);

    const wrongPassword = await b.call('/api/auth/two-factor/enable', { password: 'pas le bon mot de passe' });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.json).toEqual({
      code: 'unauthenticated',
      message: 'Mot de passe incorrect.',
      issues: [{ path: 'password', message: 'Mot de passe incorrect.' }],
    });

    const enabled = await b.call('/api/auth/two-factor/enable', { password: TEST_PASSWORD });
    expect(enabled.status).toBe(200);
    const uri = new URL(enabled.json.totpURI);
    expect(uri.protocol).toBe('otpauth:');
    expect(enabled.json.totpURI).toMatch(new RegExp(`^otpauth://totp/Demeure:${encodeURIComponent(admin.email)}\\?`));
    expect(uri.searchParams.get('secret')).toMatch(/^[A-Z2-7]{32,}$/);
    expect(uri.searchParams.get('issuer')).toBe('Demeure');
    expect(enabled.json.backupCodes).toHaveLength(10);

    // Nothing changes until a first code proves the app holds the secret.
    expect((await b.call('/api/me')).json.twoFactorSetupRequired).toBe(true);
    const wrong = await b.call('/api/auth/two-factor/verify-totp', { code: wrongTotpFromUri(enabled.json.totpURI) });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({
      code: 'unauthenticated',
      message: TOTP_WRONG,
      issues: [{ path: 'code', message: TOTP_WRONG }],
    });
    expect((await b.call('/api/me')).json.permissions).toEqual([]);

    const oldSession = b.cookie();
    const verified = await b.call('/api/auth/two-factor/verify-totp', { code: totpFromUri(enabled.json.totpURI) });
    expect(verified.status).toBe(200);
    // The session is replaced: the page reloads /api/me and the permissions are there.
    expect(b.cookie()).not.toBe(oldSession);
    expect((await t.call('/api/me', { cookie: oldSession })).status).toBe(401);
    const after = await b.call('/api/me');
    expect(after.json.twoFactorSetupRequired).toBe(false);
    expect(after.json.permissions).toEqual(expect.arrayContaining(['user.read', 'user.manage', 'audit.read']));
    expect((await b.call('/api/users')).status).toBe(200);
    expect((await b.call('/api/auth/get-session')).json.user.twoFactorEnabled).toBe(true);

    // Starting again is refused once it is on.
    const again = await b.call('/api/auth/two-factor/enable', { password: TEST_PASSWORD });
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('La vérification en deux étapes est déjà activée sur ce compte.');
  });
});

describe('signing in with TOTP', () => {
  it('asks for the code after the password, refuses a wrong one in French, accepts the right one', async () => {
    const admin = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'admin' });
    const setup = browser();
    await signIn(setup, admin.email);
    const { totpURI } = await enableTotp(setup);

    const b = browser();
    const first = await signIn(b, admin.email);
    expect(first.json).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
    expect([...b.jar.keys()]).toEqual(['demeure.two_factor']);
    expect((await b.call('/api/me')).status).toBe(401);

    const wrong = await b.call('/api/auth/two-factor/verify-totp', { code: wrongTotpFromUri(totpURI) });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({
      code: 'unauthenticated',
      message: TOTP_WRONG,
      issues: [{ path: 'code', message: TOTP_WRONG }],
    });
    expect((await b.call('/api/me')).status).toBe(401);

    const right = await b.call('/api/auth/two-factor/verify-totp', { code: totpFromUri(totpURI) });
    expect(right.status).toBe(200);
    expect(b.jar.has('demeure.session_token')).toBe(true);
    expect(b.jar.has('demeure.two_factor')).toBe(false);
    const me = await b.call('/api/me');
    expect(me.json.user.email).toBe(admin.email);
    expect(me.json.permissions).toContain('user.manage');
  });

  it('ends the challenge after five wrong codes', async () => {
    const user = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'referent' });
    const setup = browser();
    await signIn(setup, user.email);
    const { totpURI } = await enableTotp(setup);

    const b = browser();
    await signIn(b, user.email);
    for (let i = 0; i < 5; i += 1) {
      expect((await b.call('/api/auth/two-factor/verify-totp', { code: wrongTotpFromUri(totpURI) })).status).toBe(401);
    }
    const sixth = await b.call('/api/auth/two-factor/verify-totp', { code: totpFromUri(totpURI) });
    expect(sixth.status).toBe(401);
    expect(sixth.json.message).toBe('Trop de codes incorrects. Retournez à la connexion pour recommencer.');
    expect((await b.call('/api/me')).status).toBe(401);
  });

  it('accepts a backup code once instead of the app code', async () => {
    const user = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'ot' });
    const setup = browser();
    await signIn(setup, user.email);
    const { backupCodes } = await enableTotp(setup);
    const code = backupCodes[0]!;

    const b = browser();
    await signIn(b, user.email);
    const used = await b.call('/api/auth/two-factor/verify-backup-code', { code });
    expect(used.status).toBe(200);
    expect((await b.call('/api/me')).json.user.email).toBe(user.email);

    const c = browser();
    await signIn(c, user.email);
    const reused = await c.call('/api/auth/two-factor/verify-backup-code', { code });
    expect(reused.status).toBe(401);
    expect(reused.json.issues).toEqual([{ path: 'code', message: 'Code de secours incorrect ou déjà utilisé.' }]);
  });
});

describe('a user whose role does not require it', () => {
  it('has every permission without TOTP, may turn it on, then off again with the password', async () => {
    const user = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'reception' });
    const b = browser();
    await signIn(b, user.email);
    expect((await b.call('/api/me')).json).toMatchObject({
      twoFactorSetupRequired: false,
      permissions: expect.arrayContaining(['person.read']),
    });

    await enableTotp(b);
    expect((await b.call('/api/auth/get-session')).json.user.twoFactorEnabled).toBe(true);
    const signInAgain = await signIn(browser(), user.email);
    expect(signInAgain.json.twoFactorRedirect).toBe(true);

    const wrong = await b.call('/api/auth/two-factor/disable', { password: 'pas le bon mot de passe' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.issues).toEqual([{ path: 'password', message: 'Mot de passe incorrect.' }]);
    const off = await b.call('/api/auth/two-factor/disable', { password: TEST_PASSWORD });
    expect(off.status).toBe(200);
    expect((await b.call('/api/auth/get-session')).json.user.twoFactorEnabled).toBe(false);
    expect((await b.call('/api/me')).json.permissions).toContain('person.read');
    expect((await signIn(browser(), user.email)).json.twoFactorRedirect).toBeUndefined();
  });

  it('an administrator who turns it off loses the permissions again', async () => {
    const admin = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'admin' });
    const b = browser();
    await signIn(b, admin.email);
    await enableTotp(b);
    expect((await b.call('/api/me')).json.permissions).toContain('user.read');
    expect((await b.call('/api/auth/two-factor/disable', { password: TEST_PASSWORD })).status).toBe(200);
    expect((await b.call('/api/me')).json).toMatchObject({ twoFactorSetupRequired: true, permissions: [] });
  });
});
