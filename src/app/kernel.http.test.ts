import { inspectRoutes } from 'hono/dev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { isAccessMiddleware } from '#src/shared/http/access.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { MAX_BODY_BYTES } from '#src/app/create-app.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let referentEmail: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const ws = await createWorkspace(database.db);
  const org = await createOrganization(database.db, ws);
  ({ email: referentEmail } = await createUser(database.db, {
    workspaceId: ws,
    organizationId: org,
    role: 'referent',
  }));
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('route declarations', () => {
  it('every mounted route declares its access level', () => {
    const groups = new Map<string, unknown[]>();
    for (const route of t.app.routes) {
      const key = `${route.method} ${route.path}`;
      groups.set(key, [...(groups.get(key) ?? []), route.handler]);
    }
    const globalMiddleware = new Set(
      inspectRoutes(t.app)
        .filter((r) => r.isMiddleware && r.method === 'ALL')
        .map((r) => `${r.method} ${r.path}`),
    );
    const undeclared = [...groups.entries()]
      .filter(([key]) => !globalMiddleware.has(key))
      .filter(([, handlers]) => !handlers.some(isAccessMiddleware))
      .map(([key]) => key);
    expect(groups.size).toBeGreaterThan(5);
    expect(undeclared).toEqual([]);
  });

  it('serves the OpenAPI document with the module routes', async () => {
    const res = await t.call('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining(['/api/me', '/api/people/search', '/api/people/{id}']),
    );
  });
});

describe('errors and input', () => {
  it('answers an unknown API path with the JSON error shape and a request id', async () => {
    const res = await t.call('/api/nope');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ code: 'not_found', message: 'Cette ressource est introuvable.' });
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  it('asks to sign in, and says so differently once a session has expired', async () => {
    expect((await t.call('/api/me')).json.code).toBe('unauthenticated');
    const expired = await t.call('/api/me', { cookie: 'demeure.session_token=expired.token' });
    expect(expired.status).toBe(401);
    expect(expired.json.code).toBe('session_expired');
    expect(expired.json.message).toMatch(/session a expiré/);
  });

  it('rejects a malformed JSON body in French', async () => {
    const cookie = await t.signIn(referentEmail, TEST_PASSWORD);
    const res = await t.call('/api/auth/sign-out', { method: 'POST', rawBody: '{"oops', cookie });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('bad_request');
  });

  it('rejects an oversized body with 413', async () => {
    const res = await t.call('/api/auth/sign-in/email', {
      rawBody: JSON.stringify({ email: 'x'.repeat(MAX_BODY_BYTES + 10) }),
    });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ code: 'payload_too_large', message: 'Les données envoyées sont trop volumineuses.' });
  });

  it('refuses a cross-site form post (CSRF)', async () => {
    const res = await t.app.request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a@b.fr&password=x',
    });
    expect(res.status).toBe(403);
  });

  it('validates query parameters with per-field French issues', async () => {
    const cookie = await t.signIn(referentEmail, TEST_PASSWORD);
    const res = await t.call('/api/people/search?q=a', { cookie });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.issues).toEqual([{ path: 'q', message: 'Saisissez au moins 2 caractères.' }]);
  });

  it('sends the security headers', async () => {
    const res = await t.call('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('sign-in', () => {
  it('signs in, then reads the current user', async () => {
    const cookie = await t.signIn(referentEmail, TEST_PASSWORD);
    expect(cookie).toMatch(/demeure\.session_token=/);
    const me = await t.call('/api/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe(referentEmail);
    expect(me.json.permissions).toContain('person.read');
    const audited = await database.execute(
      "select count(*)::int as n from audit_log where action = 'auth.sign_in' and actor_user_id = $1",
      [me.json.user.id],
    );
    expect(audited.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('says wrong credentials in French, then locks the address after five failures', async () => {
    const ws = await createWorkspace(database.db);
    const org = await createOrganization(database.db, ws);
    const { email } = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'reception' });
    for (let i = 0; i < 5; i += 1) {
      const res = await t.call('/api/auth/sign-in/email', { body: { email, password: 'pas-le-bon-mot-de-passe' } });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ code: 'unauthenticated', message: 'Adresse e-mail ou mot de passe incorrect.' });
    }
    const locked = await t.call('/api/auth/sign-in/email', { body: { email, password: TEST_PASSWORD } });
    expect(locked.status).toBe(423);
    expect(locked.json.code).toBe('account_locked');
  });
});
