import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { sendFollowUpReminders } from '#src/modules/trials/index.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

const e = messages.trials.errors;
let database: Database;
let t: TestApp;
const s = {} as Record<'ot' | 'otherOt' | 'referent' | 'documentation' | 'manager' | 'livinglab', RoleSession>;
let ws = '';
let ccas = '';
let personId = '';
let hiddenPersonId = '';
let product = '';
let quietProduct = '';
let foreignProduct = '';
const today = parisDay(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function insertProduct(workspaceId: string, name: string, isoCode: string, activities: string[]) {
  const id = newId();
  await database.execute(
    `insert into catalogue_products (workspace_id, id, name, primary_iso_code, iso_edition, activities)
     values ($1, $2, $3, $4, '2022', $5)`,
    [workspaceId, id, name, isoCode, activities],
  );
  return id;
}

const trial = (body: Record<string, unknown>) => ({
  personId,
  productId: product,
  context: 'showroom',
  triedOn: daysAgo(2),
  outcome: 'suitable',
  ...body,
});

async function record(body: Record<string, unknown>, who = s.ot) {
  const res = await t.call('/api/trials', { cookie: who.cookie, body: trial(body) });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  ws = await createWorkspace(database.db);
  ccas = await createOrganization(database.db, ws, { kind: 'ccas' });
  const as = (role: RoleSession['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role });
  s.ot = await as('ot');
  s.otherOt = await as('ot');
  s.referent = await as('referent');
  s.documentation = await as('documentation');
  s.manager = await as('manager');
  s.livinglab = await as('livinglab');
  personId = await createPerson(database.db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'André',
    lastName: 'Garcia',
    caseTeam: [s.ot, s.referent].map((m) => ({ userId: m.userId, organizationId: ccas })),
  });
  hiddenPersonId = await createPerson(database.db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    caseTeam: [{ userId: s.otherOt.userId, organizationId: ccas }],
  });
  product = await insertProduct(ws, 'Planche de bain', '093303', ['d510']);
  quietProduct = await insertProduct(ws, 'Barre d’appui', '181803', ['d510', 'd420']);
  const otherWs = await createWorkspace(database.db);
  foreignProduct = await insertProduct(otherWs, 'Siège de douche', '093303', []);
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('recording a trial', () => {
  it('records the therapist’s trial with a person on their case team, audited with the person', async () => {
    const id = await record({
      outcome: 'needs_adjustment',
      reasons: ['too_bulky'],
      reasonNote: 'Trop large pour la baignoire.',
      satisfaction: '4',
      opinion: '« Je me sens plus en sécurité. »',
    });
    const [row] = (await database.execute('select therapist_user_id, satisfaction from trials where id = $1', [id]))
      .rows;
    expect(row).toEqual({ therapist_user_id: s.ot.userId, satisfaction: 4 });
    const audit = await auditRowsOf(database, id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'trial.create', entityType: 'trial', actorUserId: s.ot.userId });
    expect(audit[0]!.changedFields).toEqual(expect.arrayContaining(['productId', 'outcome', 'reasons', 'opinion']));
    const { rows } = await database.execute('select person_id from audit_log where entity_id = $1', [id]);
    expect(rows[0]!.person_id).toBe(personId);
  });

  it('refuses a product that is not in the catalogue, on the field, in French', async () => {
    for (const productId of [newId(), foreignProduct]) {
      const res = await t.call('/api/trials', { cookie: s.ot.cookie, body: trial({ productId }) });
      expect(res.status).toBe(400);
      expect(res.json.issues).toContainEqual({ path: 'productId', message: e.productNotInCatalogue });
    }
  });

  it('asks why a product did not suit, and keeps reasons for such products', async () => {
    const unsuited = await t.call('/api/trials', { cookie: s.ot.cookie, body: trial({ outcome: 'unsuitable' }) });
    expect(unsuited.status).toBe(400);
    expect(unsuited.json.issues).toContainEqual({ path: 'reasons', message: e.reasonsRequired });
    const suited = await t.call('/api/trials', { cookie: s.ot.cookie, body: trial({ reasons: ['price'] }) });
    expect(suited.json.issues).toContainEqual({ path: 'reasons', message: e.reasonsOnlyWhenUnsuited });
  });

  it('checks the satisfaction scale, the dates and the acquisition', async () => {
    const res = await t.call('/api/trials', { cookie: s.ot.cookie, body: trial({ satisfaction: 7 }) });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'satisfaction', message: e.satisfactionScale }]);
    const rules = await t.call('/api/trials', {
      cookie: s.ot.cookie,
      body: trial({ triedOn: '2999-01-01', outcome: 'unsuitable', reasons: ['unstable'], acquiredOn: '2999-01-02' }),
    });
    expect(rules.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'triedOn', message: e.triedInFuture },
        { path: 'acquiredOn', message: e.notAcquirable },
      ]),
    );
  });

  it('answers 404 for a person whose file the therapist may not open', async () => {
    const res = await t.call('/api/trials', { cookie: s.ot.cookie, body: trial({ personId: hiddenPersonId }) });
    expect(res.status).toBe(404);
  });

  it('records a professional’s trial with a name and an organisation, and no file', async () => {
    const missing = await t.call('/api/trials', {
      cookie: s.livinglab.cookie,
      body: trial({ personId: null, professionalName: 'Claire Martin', context: 'living_lab' }),
    });
    expect(missing.status).toBe(400);
    expect(missing.json.issues).toContainEqual({
      path: 'professionalOrganization',
      message: e.professionalOrganization,
    });
    const id = await record(
      {
        personId: null,
        professionalName: 'Claire Martin',
        professionalOrganization: 'SSIAD de Lattes',
        context: 'living_lab',
      },
      s.livinglab,
    );
    expect((await auditRowsOf(database, id))[0]!.action).toBe('trial.create');
  });

  it('is for therapists and the living lab only', async () => {
    for (const who of [s.referent, s.documentation, s.manager]) {
      const res = await t.call('/api/trials', { cookie: who.cookie, body: trial({}) });
      expect(res.status, who.role).toBe(404);
    }
  });
});

describe('a person’s trials', () => {
  it('are listed to the case team, latest first, with the product and the therapist', async () => {
    const res = await t.call(`/api/people/${personId}/trials`, { cookie: s.referent.cookie });
    expect(res.status).toBe(200);
    expect(res.json.canRecord).toBe(false);
    expect(res.json.items[0]).toMatchObject({ productName: 'Planche de bain', therapistUserId: s.ot.userId });
  });

  it('answer 404 outside the case team', async () => {
    const res = await t.call(`/api/people/${hiddenPersonId}/trials`, { cookie: s.referent.cookie });
    expect(res.status).toBe(404);
  });
});

describe('acquisition and follow-up at three months', () => {
  it('sets the follow-up three months after the acquisition, reminds the therapist once, and records abandonment', async () => {
    const acquiredOn = '2026-03-31';
    const id = await record({ triedOn: '2026-03-20' });
    const acquired = await t.call(`/api/trials/${id}/acquisition`, { cookie: s.ot.cookie, body: { acquiredOn } });
    expect(acquired.status).toBe(204);
    const [row] = (await database.execute('select follow_up_due_on::text from trials where id = $1', [id])).rows;
    expect(row!.follow_up_due_on).toBe('2026-06-30');

    const due = await t.call('/api/trials/follow-ups-due', { cookie: s.ot.cookie });
    expect(due.json.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(due.json.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      overdue: true,
      personName: 'André Garcia',
    });

    expect((await sendFollowUpReminders(database.db, new Date('2026-06-29T12:00:00Z'))).sent).toBe(0);
    expect((await sendFollowUpReminders(database.db, new Date('2026-06-30T06:00:00Z'))).sent).toBeGreaterThanOrEqual(1);
    expect((await sendFollowUpReminders(database.db, new Date('2026-07-01T06:00:00Z'))).sent).toBe(0);
    const notes = await database.execute(
      "select title, link from notifications where user_id = $1 and kind = 'trial.follow_up_due'",
      [s.ot.userId],
    );
    expect(notes.rows).toHaveLength(1);
    expect(notes.rows[0]!.title).not.toContain('Garcia');
    expect(notes.rows[0]!.link).toBe('/essais/suivis');

    const notTherapist = await t.call(`/api/trials/${id}/follow-up`, {
      cookie: s.referent.cookie,
      body: { followedUpOn: '2026-07-02', usage: 'abandoned' },
    });
    expect(notTherapist.status).toBe(404);
    const missing = await t.call(`/api/trials/${id}/follow-up`, {
      cookie: s.ot.cookie,
      body: { followedUpOn: '2026-07-02', usage: 'abandoned' },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.issues).toContainEqual({ path: 'abandonmentReasons', message: e.abandonmentReasonsRequired });
    const done = await t.call(`/api/trials/${id}/follow-up`, {
      cookie: s.ot.cookie,
      body: {
        followedUpOn: '2026-07-02',
        usage: 'abandoned',
        abandonmentReasons: ['hard_to_use'],
        note: 'Rangée au garage.',
      },
    });
    expect(done.status).toBe(204);
    const again = await t.call(`/api/trials/${id}/follow-up`, {
      cookie: s.ot.cookie,
      body: { followedUpOn: '2026-07-03', usage: 'in_use' },
    });
    expect(again.json.issues).toContainEqual({ path: 'usage', message: e.alreadyFollowedUp });
    expect((await auditRowsOf(database, id)).map((a) => a.action)).toEqual([
      'trial.create',
      'trial.acquire',
      'trial.remind',
      'trial.follow_up',
    ]);
  });

  it('has no follow-up for a product not acquired, and hides another case team’s trial', async () => {
    const id = await record({});
    const res = await t.call(`/api/trials/${id}/follow-up`, {
      cookie: s.ot.cookie,
      body: { followedUpOn: today, usage: 'in_use' },
    });
    expect(res.json.issues).toContainEqual({ path: 'usage', message: e.notAcquired });
    const hidden = await t.call(`/api/trials/${id}/acquisition`, {
      cookie: s.otherOt.cookie,
      body: { acquiredOn: today },
    });
    expect(hidden.status).toBe(404);
  });
});

describe('usage evidence of a product', () => {
  beforeAll(async () => {
    // Six trials of the quiet product: five suitable and one unsuitable.
    for (let i = 0; i < 5; i += 1) await record({ productId: quietProduct, satisfaction: 5, opinion: `Avis ${i}` });
    await record({ productId: quietProduct, outcome: 'unsuitable', reasons: ['unstable'], satisfaction: 1 });
  });

  it('gives the case team every count and the written remarks', async () => {
    const res = await t.call(`/api/catalogue/products/${quietProduct}/evidence`, { cookie: s.ot.cookie });
    expect(res.status).toBe(200);
    expect(res.json.trials).toEqual({ count: 6, withheld: false });
    expect(res.json.outcomes).toEqual([
      { key: 'suitable', count: 5, withheld: false },
      { key: 'unsuitable', count: 1, withheld: false },
    ]);
    expect(res.json.reasons).toEqual([{ key: 'unstable', count: 1, withheld: false }]);
    expect(res.json.remarks).toHaveLength(5);
  });

  it('withholds counts under 5 and every written word from readers outside the case team', async () => {
    const res = await t.call(`/api/catalogue/products/${quietProduct}/evidence`, { cookie: s.documentation.cookie });
    expect(res.status).toBe(200);
    expect(res.json.trials).toEqual({ count: 6, withheld: false });
    expect(res.json.outcomes).toEqual([
      { key: 'suitable', count: 5, withheld: false },
      { key: 'unsuitable', count: null, withheld: true },
    ]);
    expect(res.json.satisfaction).toContainEqual({ key: '1', count: null, withheld: true });
    expect(res.json.remarks).toEqual([]);
    expect(res.text).not.toContain('Avis');
  });

  it('gives a reader of person files only the remarks of trials they may see', async () => {
    const res = await t.call(`/api/catalogue/products/${quietProduct}/evidence`, { cookie: s.otherOt.cookie });
    expect(res.status).toBe(200);
    expect(res.json.remarks).toEqual([]);
    expect(res.json.reasons).toEqual([{ key: 'unstable', count: null, withheld: true }]);
  });

  it('answers 404 for a product of another workspace', async () => {
    const res = await t.call(`/api/catalogue/products/${foreignProduct}/evidence`, { cookie: s.documentation.cookie });
    expect(res.status).toBe(404);
  });
});

describe('observatory', () => {
  it('counts needs by ISO class and activity, trials by outcome and abandonment, with small counts withheld', async () => {
    const query = new URLSearchParams({ from: '2026-01-01', to: today });
    const res = await t.call(`/api/trial-indicators?${query}`, { cookie: s.manager.cookie });
    expect(res.status).toBe(200);
    // One person tried products of two classes: one need in each, below 5, withheld from the manager.
    expect(res.json.needsByIsoClass).toEqual(
      expect.arrayContaining([
        { key: '09', count: null, withheld: true },
        { key: '18', count: null, withheld: true },
      ]),
    );
    expect(res.json.trialsByOutcome).toContainEqual({ key: 'suitable', count: expect.any(Number), withheld: false });
    expect(res.json.abandonmentRate).toBeNull();

    const csv = await t.call(`/api/trial-indicators/indicators.csv?${query}`, { cookie: s.manager.cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Besoins par classe ISO 9999;Classe 09;< 5');
  });

  it('checks the period in French and is closed to those without the observatory', async () => {
    const bad = await t.call('/api/trial-indicators?from=2026-05-01&to=2026-04-01', { cookie: s.manager.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toContainEqual({ path: 'to', message: messages.trials.observatory.toBeforeFrom });
    const closed = await t.call('/api/trial-indicators?from=2026-01-01&to=2026-04-01', { cookie: s.ot.cookie });
    expect(closed.status).toBe(404);
  });
});
