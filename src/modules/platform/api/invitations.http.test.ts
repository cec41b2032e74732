import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { auditRowsOf, signInAdmin } from '#tests/fixtures/role-sessions.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';
import { startMailbox, type Mailbox } from '#tests/fixtures/smtp-mailbox.ts';

let database: Database;
let mailbox: Mailbox;
let t: TestApp;
let ws: string;
let ccas: string;
let admin: { userId: string; cookie: string };
let otherWorkspaceOrg: string;
const cookies = { manager: '', referent: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  mailbox = await startMailbox();
  t = createTestApp(database, { smtpPort: mailbox.port });
  const db = database.db;
  ws = await createWorkspace(db);
  ccas = await createOrganization(db, ws, { name: 'CCAS de Châlons-en-Champagne' });
  admin = await signInAdmin(t, database, ws, ccas);
  const manager = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'manager' });
  const referent = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  cookies.manager = await t.signIn(manager.email, TEST_PASSWORD);
  cookies.referent = await t.signIn(referent.email, TEST_PASSWORD);
  otherWorkspaceOrg = await createOrganization(db, await createWorkspace(db));
});
afterAll(async () => {
  t.close();
  await mailbox.close();
  await database.close();
});

const invite = (body: Record<string, unknown>, cookie = admin.cookie) => t.call('/api/invitations', { body, cookie });
const tokenOf = (link: string) => link.slice(`${TEST_ORIGIN}/invitation/`.length);
const NEW_PASSWORD = 'une phrase de passe assez longue';

describe('an invitation, end to end', () => {
  it('is e-mailed with a link that creates the account; the person then signs in and has the role', async () => {
    const res = await invite({
      email: '  Lucie.Girard@Exemple.test ',
      name: 'Lucie Girard',
      organizationId: ccas,
      role: 'ot',
    });
    expect(res.status).toBe(201);
    expect(res.json.mailSent).toBe(true);
    expect(res.json.invitation).toMatchObject({
      email: 'lucie.girard@exemple.test',
      organizationName: 'CCAS de Châlons-en-Champagne',
      role: 'ot',
      status: 'pending',
    });
    const expiresInDays = (Date.parse(res.json.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(6.9);
    expect(expiresInDays).toBeLessThanOrEqual(7);

    const mail = await mailbox.mailTo('lucie.girard@exemple.test');
    expect(mail.subject).toBe('Demeure — invitation à rejoindre votre espace');
    const link = /https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link).toBe(res.json.link);
    expect(mail.text).toContain('« CCAS de Châlons-en-Champagne »');

    // Only the hash of the token is stored.
    const { rows } = await database.execute('select token_hash from invitations where id = $1', [
      res.json.invitation.id,
    ]);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toBe(tokenOf(link!));

    const token = tokenOf(link!);
    const shown = await t.call(`/api/invitations/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({
      email: 'lucie.girard@exemple.test',
      name: 'Lucie Girard',
      organizationName: 'CCAS de Châlons-en-Champagne',
      role: 'ot',
      existingAccount: false,
    });

    const accepted = await t.call(`/api/invitations/${token}/accept`, {
      body: { name: 'Lucie Girard', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ existingAccount: false, email: 'lucie.girard@exemple.test' });

    const cookie = await t.signIn('lucie.girard@exemple.test', NEW_PASSWORD);
    const me = await t.call('/api/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ email: 'lucie.girard@exemple.test', name: 'Lucie Girard' });
    expect(me.json.workspace.id).toBe(ws);
    expect(me.json.memberships).toEqual([
      { organizationId: ccas, organizationName: 'CCAS de Châlons-en-Champagne', organizationKind: 'ccas', role: 'ot' },
    ]);
    expect(me.json.permissions).toContain('catalogue.manage');

    const audit = await auditRowsOf(database, res.json.invitation.id);
    expect(audit.map((a) => a.action)).toEqual(['invitation.create', 'invitation.accept']);
    expect(audit[1]!.actorUserId).toBe(me.json.user.id);
    expect((await auditRowsOf(database, me.json.user.id)).map((a) => a.action)).toEqual(['user.create']);

    // A used link is dead.
    const reused = await t.call(`/api/invitations/${token}`);
    expect(reused.status).toBe(404);
    expect(reused.json.message).toMatch(/n’est plus valable/);
    const reaccepted = await t.call(`/api/invitations/${token}/accept`, {
      body: { name: 'X', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(reaccepted.status).toBe(404);
  });

  it('refuses a short or unconfirmed password in French, and the link keeps working', async () => {
    const res = await invite({
      email: 'marc.perrin@exemple.test',
      name: 'Marc Perrin',
      organizationId: ccas,
      role: 'reception',
    });
    const token = tokenOf(res.json.link);
    const short = await t.call(`/api/invitations/${token}/accept`, {
      body: { name: 'Marc Perrin', password: 'court', passwordConfirm: 'court' },
    });
    expect(short.status).toBe(400);
    expect(short.json.issues).toEqual([
      { path: 'password', message: 'Le mot de passe doit contenir au moins 12 caractères.' },
    ]);
    const differ = await t.call(`/api/invitations/${token}/accept`, {
      body: { name: 'Marc Perrin', password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}!` },
    });
    expect(differ.status).toBe(400);
    expect(differ.json.issues).toEqual([
      { path: 'passwordConfirm', message: 'Les deux mots de passe ne sont pas identiques.' },
    ]);
    expect((await t.call(`/api/invitations/${token}`)).status).toBe(200);
    const { rows } = await database.execute(
      "select count(*)::int as n from auth_user where email = 'marc.perrin@exemple.test'",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('adds the membership to an existing account without asking for a password', async () => {
    const other = await createOrganization(database.db, ws, { kind: 'university', name: 'Université de Reims' });
    const existing = await createUser(database.db, {
      workspaceId: ws,
      organizationId: ccas,
      role: 'livinglab',
      email: 'hugo.l@exemple.test',
    });
    const res = await invite({
      email: 'hugo.l@exemple.test',
      name: 'Hugo L.',
      organizationId: other,
      role: 'researcher',
    });
    const token = tokenOf(res.json.link);
    expect((await t.call(`/api/invitations/${token}`)).json.existingAccount).toBe(true);
    const accepted = await t.call(`/api/invitations/${token}/accept`, { body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.json.existingAccount).toBe(true);
    const me = await t.call('/api/me', { cookie: await t.signIn(existing.email, TEST_PASSWORD) });
    expect(me.json.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['livinglab', 'researcher']);
  });
});

describe('links that no longer work', () => {
  it('answers 404 for a revoked invitation', async () => {
    const res = await invite({
      email: 'revoquee@exemple.test',
      name: 'Révoquée',
      organizationId: ccas,
      role: 'reception',
    });
    const revoke = await t.call(`/api/invitations/${res.json.invitation.id}/revoke`, {
      method: 'POST',
      cookie: admin.cookie,
    });
    expect(revoke.status).toBe(204);
    const token = tokenOf(res.json.link);
    expect((await t.call(`/api/invitations/${token}`)).status).toBe(404);
    const accept = await t.call(`/api/invitations/${token}/accept`, {
      body: { name: 'R', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(accept.status).toBe(404);
    expect(accept.json.message).toMatch(/expiré, a été révoquée ou a déjà été utilisée/);
    const pending = (await t.call('/api/invitations', { cookie: admin.cookie })).json.items;
    expect(pending.map((i: { id: string }) => i.id)).not.toContain(res.json.invitation.id);
    expect((await auditRowsOf(database, res.json.invitation.id)).map((a) => a.action)).toEqual([
      'invitation.create',
      'invitation.revoke',
    ]);
  });

  it('answers 404 for an expired invitation, which the list shows as expired and can send again', async () => {
    const res = await invite({
      email: 'expiree@exemple.test',
      name: 'Expirée',
      organizationId: ccas,
      role: 'reception',
    });
    await database.execute("update invitations set expires_at = now() - interval '1 minute' where id = $1", [
      res.json.invitation.id,
    ]);
    const oldToken = tokenOf(res.json.link);
    expect((await t.call(`/api/invitations/${oldToken}`)).status).toBe(404);
    const accept = await t.call(`/api/invitations/${oldToken}/accept`, {
      body: { name: 'E', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(accept.status).toBe(404);
    const listed = (await t.call('/api/invitations', { cookie: admin.cookie })).json.items.find(
      (i: { id: string }) => i.id === res.json.invitation.id,
    );
    expect(listed.status).toBe('expired');

    await mailbox.mailTo('expiree@exemple.test');
    const renewed = await t.call(`/api/invitations/${res.json.invitation.id}/renew`, {
      method: 'POST',
      cookie: admin.cookie,
    });
    expect(renewed.status).toBe(200);
    expect(renewed.json.invitation.status).toBe('pending');
    expect((await mailbox.mailTo('expiree@exemple.test')).text).toContain(renewed.json.link);
    expect((await t.call(`/api/invitations/${tokenOf(renewed.json.link)}`)).status).toBe(200);
    expect((await t.call(`/api/invitations/${oldToken}`)).status).toBe(404);
  });

  it('answers 404 for a token that never existed', async () => {
    expect((await t.call('/api/invitations/pas-un-vrai-jeton')).status).toBe(404);
  });
});

describe('creating invitations', () => {
  it('refuses a second pending invitation for the same address and organisation, on the email field', async () => {
    await invite({ email: 'double@exemple.test', name: 'Double', organizationId: ccas, role: 'reception' });
    const again = await invite({
      email: 'double@exemple.test',
      name: 'Double',
      organizationId: ccas,
      role: 'reception',
    });
    expect(again.status).toBe(409);
    expect(again.json.issues[0].path).toBe('email');
  });

  it('refuses someone who is already a member of the organisation', async () => {
    const member = await createUser(database.db, { workspaceId: ws, organizationId: ccas, role: 'reception' });
    const res = await invite({ email: member.email, name: 'Déjà là', organizationId: ccas, role: 'ot' });
    expect(res.status).toBe(409);
    expect(res.json.issues).toEqual([
      { path: 'email', message: 'Cette personne est déjà membre de cette organisation.' },
    ]);
  });

  it('validates every field in French', async () => {
    const res = await invite({ email: 'pas-une-adresse', name: '', organizationId: '', role: 'chef' });
    expect(res.status).toBe(400);
    expect(
      Object.fromEntries(res.json.issues.map((i: { path: string; message: string }) => [i.path, i.message])),
    ).toEqual({
      email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
      name: 'Indiquez un nom.',
      organizationId: 'Choisissez une organisation.',
      role: 'Choisissez un rôle dans la liste.',
    });
  });

  it('refuses an organisation of another workspace', async () => {
    const res = await invite({
      email: 'intrus@exemple.test',
      name: 'Intrus',
      organizationId: otherWorkspaceOrg,
      role: 'admin',
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: 'organizationId', message: 'Cette organisation n’existe pas dans votre territoire.' },
    ]);
  });

  it('still creates the invitation and returns the link when the e-mail cannot be sent', async () => {
    const offline = await startMailbox();
    const port = offline.port;
    await offline.close();
    const broken = createTestApp(database, { smtpPort: port });
    try {
      const cookie = (await signInAdmin(broken, database, ws, ccas)).cookie;
      const res = await broken.call('/api/invitations', {
        body: { email: 'sans-mail@exemple.test', name: 'Sans Mail', organizationId: ccas, role: 'ot' },
        cookie,
      });
      expect(res.status).toBe(201);
      expect(res.json.mailSent).toBe(false);
      expect((await t.call(`/api/invitations/${tokenOf(res.json.link)}`)).status).toBe(200);
    } finally {
      broken.close();
    }
  });

  it('lets a manager list invitations but not send, renew or revoke them; a referent sees nothing', async () => {
    expect((await t.call('/api/invitations', { cookie: cookies.manager })).status).toBe(200);
    const [first] = (await t.call('/api/invitations', { cookie: cookies.manager })).json.items;
    expect(
      (await invite({ email: 'm@exemple.test', name: 'M', organizationId: ccas, role: 'ot' }, cookies.manager)).status,
    ).toBe(404);
    expect(
      (await t.call(`/api/invitations/${first.id}/revoke`, { method: 'POST', cookie: cookies.manager })).status,
    ).toBe(404);
    expect(
      (await t.call(`/api/invitations/${first.id}/renew`, { method: 'POST', cookie: cookies.manager })).status,
    ).toBe(404);
    expect((await t.call('/api/invitations', { cookie: cookies.referent })).status).toBe(404);
    expect(
      (await invite({ email: 'r@exemple.test', name: 'R', organizationId: ccas, role: 'ot' }, cookies.referent)).status,
    ).toBe(404);
  });
});
