import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { openPathway } from '#tests/fixtures/pathways.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const org = { ccas: '', landlord: '', city: '' };
let referent: RoleSession;
let outsider: RoleSession;
let landlord: RoleSession;
let housing: RoleSession;
let reception: RoleSession;
let reviewId = '';
let pathwayId = '';
let hiddenPathwayId = '';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  org.ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lomme' });
  org.landlord = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat du Nord' });
  org.city = await createOrganization(db, ws, { kind: 'city_service', name: 'Service habitat' });
  const as = (organizationId: string, role: RoleSession['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId, role });
  referent = await as(org.ccas, 'referent');
  outsider = await as(org.ccas, 'referent');
  landlord = await as(org.landlord, 'landlord');
  housing = await as(org.city, 'housing_officer');
  reception = await as(org.ccas, 'reception');
  const duval = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: org.ccas,
    firstName: 'Germaine',
    lastName: 'Duval',
    caseTeam: [{ userId: referent.userId, organizationId: org.ccas }],
  });
  pathwayId = await openPathway(t, referent, { personId: duval, organizationId: org.ccas });
  const other = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: org.city,
    firstName: 'Odette',
    lastName: 'Moreau',
    caseTeam: [{ userId: housing.userId, organizationId: org.city }],
  });
  hiddenPathwayId = await openPathway(t, housing, { personId: other, organizationId: org.city });
});
afterAll(async () => {
  t.close();
  await database.close();
});

describe('planning a case review', () => {
  it('refuses a meeting without title or with a malformed time, field by field', async () => {
    const res = await t.call('/api/case-reviews', {
      cookie: referent.cookie,
      body: { title: '', date: inDays(7), time: '25:00' },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['time', 'title']);
  });

  it('plans it with participants from several organisations, the organiser attending, audited', async () => {
    const res = await t.call('/api/case-reviews', {
      cookie: referent.cookie,
      body: {
        title: 'Synthèse bailleurs / CCAS',
        date: inDays(7),
        time: '14:30',
        place: 'Maison des Seniors',
        participantUserIds: [landlord.userId, housing.userId],
      },
    });
    expect(res.status, res.text).toBe(201);
    reviewId = res.json.id;
    const review = await t.call(`/api/case-reviews/${reviewId}`, { cookie: referent.cookie });
    expect(review.json.participants.map((p: { userId: string }) => p.userId).sort()).toEqual(
      [referent.userId, landlord.userId, housing.userId].sort(),
    );
    expect(review.json).toMatchObject({ place: 'Maison des Seniors', canEdit: true, items: [] });
    expect((await auditRowsOf(database, reviewId)).map((r) => r.action)).toEqual(['case_review.create']);
    const upcoming = await t.call('/api/case-reviews?when=upcoming', { cookie: landlord.cookie });
    expect(upcoming.json.items.map((r: { id: string }) => r.id)).toEqual([reviewId]);
    const past = await t.call('/api/case-reviews?when=past', { cookie: landlord.cookie });
    expect(past.json.items).toEqual([]);
  });

  it('refuses a participant outside the workspace', async () => {
    const res = await t.call('/api/case-reviews', {
      cookie: referent.cookie,
      body: { title: 'Synthèse', date: inDays(3), time: '10:00', participantUserIds: [newId()] },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['participantUserIds']);
  });
});

describe('the agenda', () => {
  it('takes only pathways the participant may open, each once', async () => {
    const hidden = await t.call(`/api/case-reviews/${reviewId}/items`, {
      cookie: referent.cookie,
      body: { pathwayId: hiddenPathwayId },
    });
    expect(hidden.status).toBe(400);
    expect(hidden.json.issues.map((i: { path: string }) => i.path)).toEqual(['pathwayId']);
    const added = await t.call(`/api/case-reviews/${reviewId}/items`, { cookie: referent.cookie, body: { pathwayId } });
    expect(added.status, added.text).toBe(201);
    const again = await t.call(`/api/case-reviews/${reviewId}/items`, { cookie: referent.cookie, body: { pathwayId } });
    expect(again.status).toBe(400);
    const listed = await t.call('/api/case-reviews?when=upcoming', { cookie: referent.cookie });
    expect(listed.json.items.find((r: { id: string }) => r.id === reviewId)).toMatchObject({ itemCount: 1 });
  });

  it('shares the person’s name and the minutes with every participant, the file only with its case team', async () => {
    const forReferent = await t.call(`/api/case-reviews/${reviewId}`, { cookie: referent.cookie });
    expect(forReferent.json.items).toEqual([
      expect.objectContaining({ position: 1, pathwayId, personName: 'Germaine Duval', canOpenFile: true }),
    ]);
    const forLandlord = await t.call(`/api/case-reviews/${reviewId}`, { cookie: landlord.cookie });
    expect(forLandlord.status).toBe(200);
    expect(forLandlord.json.items[0]).toMatchObject({ personName: 'Germaine Duval', canOpenFile: false });
    expect(forLandlord.json.canEdit).toBe(false);
    expect((await t.call(`/api/pathways/${pathwayId}`, { cookie: landlord.cookie })).status).toBe(404);
  });

  it('hides the meeting from a non-participant, like a missing one; an organisation-wide role sees it', async () => {
    const hidden = await t.call(`/api/case-reviews/${reviewId}`, { cookie: outsider.cookie });
    const missing = await t.call(`/api/case-reviews/${newId()}`, { cookie: outsider.cookie });
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual(missing.json);
    expect((await t.call('/api/case-reviews', { cookie: outsider.cookie })).json.items).toEqual([]);
    const writes = await t.call(`/api/case-reviews/${reviewId}/items`, {
      cookie: outsider.cookie,
      body: { pathwayId },
    });
    expect(writes.status).toBe(404);
    const overseen = await t.call(`/api/case-reviews/${reviewId}`, { cookie: reception.cookie });
    expect(overseen.status).toBe(200);
    expect(overseen.json.canEdit).toBe(false);
  });
});

describe('minutes and decisions', () => {
  let itemId = '';
  beforeAll(async () => {
    itemId = (await t.call(`/api/case-reviews/${reviewId}`, { cookie: referent.cookie })).json.items[0].id;
  });

  it('lets a participant write the minutes, not an observer who does not attend', async () => {
    const res = await t.call(`/api/case-reviews/${reviewId}/items/${itemId}/summary`, {
      method: 'PUT',
      cookie: housing.cookie,
      body: { summary: 'Mutation envisagée, proche de son médecin.' },
    });
    expect(res.status, res.text).toBe(200);
    const observer = await t.call(`/api/case-reviews/${reviewId}/items/${itemId}/summary`, {
      method: 'PUT',
      cookie: reception.cookie,
      body: { summary: 'Autre' },
    });
    expect(observer.status).toBe(403);
    const seen = await t.call(`/api/case-reviews/${reviewId}`, { cookie: landlord.cookie });
    expect(seen.json.items[0].summary).toBe('Mutation envisagée, proche de son médecin.');
    expect((await auditRowsOf(database, itemId)).map((r) => r.action)).toEqual([
      'case_review_item.create',
      'case_review_item.update',
    ]);
  });

  it('turns a decision into a task on the pathway when it has an assignee and a due date', async () => {
    const incomplete = await t.call(`/api/case-reviews/${reviewId}/items/${itemId}/decisions`, {
      cookie: referent.cookie,
      body: { text: 'Visite en binôme', assigneeUserId: referent.userId },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.issues.map((i: { path: string }) => i.path)).toEqual(['dueDate']);
    const res = await t.call(`/api/case-reviews/${reviewId}/items/${itemId}/decisions`, {
      cookie: referent.cookie,
      body: { text: 'Visite en binôme avec le bailleur', assigneeUserId: referent.userId, dueDate: inDays(10) },
    });
    expect(res.status, res.text).toBe(201);
    const review = await t.call(`/api/case-reviews/${reviewId}`, { cookie: landlord.cookie });
    const [decision] = review.json.items[0].decisions;
    expect(decision).toMatchObject({ text: 'Visite en binôme avec le bailleur', taskId: expect.any(String) });
    const task = await database.execute('select pathway_id, assignee_user_id, title from pathway_tasks where id = $1', [
      decision.taskId,
    ]);
    expect(task.rows[0]).toEqual({
      pathway_id: pathwayId,
      assignee_user_id: referent.userId,
      title: 'Visite en binôme avec le bailleur',
    });
    expect((await auditRowsOf(database, decision.id)).map((r) => r.action)).toEqual(['case_review_decision.create']);
  });

  it('records a decision without a task from a participant outside the case team, but no task', async () => {
    const task = await t.call(`/api/case-reviews/${reviewId}/items/${itemId}/decisions`, {
      cookie: housing.cookie,
      body: { text: 'Chercher un T3', assigneeUserId: housing.userId, dueDate: inDays(5) },
    });
    expect(task.status).toBe(400);
    expect(task.json.issues.map((i: { path: string }) => i.path)).toEqual(['assigneeUserId']);
    const plain = await t.call(`/api/case-reviews/${reviewId}/items/${itemId}/decisions`, {
      cookie: housing.cookie,
      body: { text: 'Chercher un T3 proche du centre' },
    });
    expect(plain.status).toBe(201);
    const review = await t.call(`/api/case-reviews/${reviewId}`, { cookie: referent.cookie });
    expect(review.json.items[0].decisions.map((d: { text: string }) => d.text)).toEqual([
      'Visite en binôme avec le bailleur',
      'Chercher un T3 proche du centre',
    ]);
  });

  it('changes who attends: someone removed loses the meeting, the organiser always stays', async () => {
    const set = (participantUserIds: string[]) =>
      t.call(`/api/case-reviews/${reviewId}/participants`, {
        method: 'PUT',
        cookie: housing.cookie,
        body: { participantUserIds },
      });
    expect((await set([housing.userId])).status).toBe(200);
    const review = await t.call(`/api/case-reviews/${reviewId}`, { cookie: housing.cookie });
    expect(review.json.participants.map((p: { userId: string }) => p.userId).sort()).toEqual(
      [referent.userId, housing.userId].sort(),
    );
    expect((await t.call(`/api/case-reviews/${reviewId}`, { cookie: landlord.cookie })).status).toBe(404);
    expect((await auditRowsOf(database, reviewId)).map((r) => r.action)).toContain('case_review.participants');
    // Someone who no longer attends cannot change the list back.
    const back = await t.call(`/api/case-reviews/${reviewId}/participants`, {
      method: 'PUT',
      cookie: landlord.cookie,
      body: { participantUserIds: [landlord.userId] },
    });
    expect(back.status).toBe(404);
  });
});
