import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { formResponses } from '#src/modules/forms/db/schema.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInAdmin, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const s = {} as Record<'referent' | 'ot' | 'outsider', RoleSession>;
let personId = '';
let pathwayId = '';
let otherPathwayId = '';
let versionId = '';

type Entry = {
  id: string;
  kind: string;
  body: string;
  secondVisitorUserId: string | null;
  linkedEntityType: string | null;
  linkedEntityId: string | null;
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas' });
  const as = (role: Parameters<typeof signInWithRole>[2]['role']) =>
    signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role });
  s.referent = await as('referent');
  s.ot = await as('ot');
  s.outsider = await as('referent');
  const admin = await signInAdmin(t, database, ws, ccas);
  const open = async (firstName: string, caseTeam: { userId: string; organizationId: string }[]) => {
    const id = await createPerson(db, {
      workspaceId: ws,
      owningOrganizationId: ccas,
      firstName,
      lastName: 'Duval',
      caseTeam,
    });
    const res = await t.call('/api/pathways', {
      cookie: s.referent.cookie,
      body: { personId: id, owningOrganizationId: ccas, referentUserId: s.referent.userId, channel: 'self' },
    });
    expect(res.status).toBe(201);
    return { personId: id, pathwayId: res.json.id as string };
  };
  ({ personId, pathwayId } = await open('Germaine', [
    { userId: s.referent.userId, organizationId: ccas },
    { userId: s.ot.userId, organizationId: ccas },
  ]));
  ({ pathwayId: otherPathwayId } = await open('Marcel', [{ userId: s.referent.userId, organizationId: ccas }]));
  const created = await t.call('/api/admin/form-templates', {
    cookie: admin.cookie,
    body: {
      key: 'visite_binome',
      title: 'Visite en binôme',
      kind: 'home_visit',
      definition: {
        sections: [
          { name: 'logement', title: 'Logement', items: [{ type: 'text', name: 'constat', label: 'Constat' }] },
        ],
      },
    },
  });
  versionId = created.json.versionId;
});
afterAll(async () => {
  t.close();
  await database.close();
});

const respond = (body: Record<string, unknown>, cookie = s.referent.cookie) =>
  t.call(`/api/people/${personId}/form-responses`, {
    cookie,
    body: { templateVersionId: versionId, pathwayId, answers: { constat: 'Baignoire haute' }, ...body },
  });
const journal = async (id = pathwayId) =>
  (await t.call(`/api/pathways/${id}`, { cookie: s.referent.cookie })).json.journal as Entry[];
const stored = async (id: string) =>
  (await database.db.select().from(formResponses).where(eq(formResponses.id, id)))[0];
const yesterdayAt10 = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) + 'T08:00:00.000Z';

describe('a response filled during a new home visit', () => {
  it('writes the visit with its second visitor, the response linked to it and the submission, together', async () => {
    const before = (await journal()).length;
    const res = await respond({
      submit: true,
      newVisit: { occurredAt: yesterdayAt10(), secondVisitorUserId: s.ot.userId },
    });
    expect(res.status).toBe(201);
    const entries = (await journal()).slice(before);
    const visit = entries.find((e) => e.kind === 'home_visit')!;
    expect(visit).toMatchObject({
      secondVisitorUserId: s.ot.userId,
      body: expect.stringContaining('Visite en binôme'),
    });
    expect((await stored(res.json.id))!.visitJournalEntryId).toBe(visit.id);
    const form = entries.find((e) => e.kind === 'form')!;
    expect(form).toMatchObject({ linkedEntityType: 'form_response', linkedEntityId: res.json.id });
    expect(form.body).toMatch(
      /^Formulaire « Visite en binôme » validé, rempli lors de la visite du \d\d\/\d\d\/\d{4}\.$/,
    );
    expect(entries).toHaveLength(2);
    expect(await auditRowsOf(database, visit.id)).toMatchObject([{ action: 'pathway_journal.create' }]);
    expect(await auditRowsOf(database, form.id)).toMatchObject([{ action: 'pathway_journal.create' }]);
  });

  it('refuses a second visitor off the case team on the field, and writes neither the response nor the visit', async () => {
    const before = (await journal()).length;
    const id = newId();
    const res = await respond({
      id,
      submit: true,
      newVisit: { occurredAt: yesterdayAt10(), secondVisitorUserId: s.outsider.userId },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      {
        path: 'newVisit.secondVisitorUserId',
        message: 'Le second intervenant doit être le ou la référent·e ou un membre de l’équipe de suivi.',
      },
    ]);
    expect(await stored(id)).toBeUndefined();
    expect(await journal()).toHaveLength(before);
  });

  it('refuses a visit dated in the future on its date', async () => {
    const res = await respond({ newVisit: { occurredAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(res.json.issues).toEqual([
      { path: 'newVisit.occurredAt', message: 'La date de l’échange ne peut pas être dans le futur.' },
    ]);
  });
});

describe('a response linked to an existing visit', () => {
  it('refuses a visit of another pathway, an entry that is not a visit, and a visit without a pathway', async () => {
    const otherVisit = await t.call(`/api/pathways/${otherPathwayId}/journal`, {
      cookie: s.referent.cookie,
      body: { kind: 'home_visit', occurredAt: yesterdayAt10(), body: 'Visite chez Marcel' },
    });
    const note = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.referent.cookie,
      body: { kind: 'note', occurredAt: yesterdayAt10(), body: 'Note' },
    });
    const message = 'Choisissez une visite à domicile de ce parcours.';
    for (const visitJournalEntryId of [otherVisit.json.id, note.json.id]) {
      const res = await respond({ visitJournalEntryId });
      expect(res.status).toBe(400);
      expect(res.json.issues).toEqual([{ path: 'visitJournalEntryId', message }]);
    }
    const noPathway = await respond({ pathwayId: null, visitJournalEntryId: otherVisit.json.id });
    expect(noPathway.json.issues).toEqual([
      { path: 'visitJournalEntryId', message: 'Choisissez d’abord le parcours auquel la visite appartient.' },
    ]);
  });

  it('journals the submission of a draft once, when it is submitted, and not on a replayed create', async () => {
    const visit = await t.call(`/api/pathways/${pathwayId}/journal`, {
      cookie: s.ot.cookie,
      body: { kind: 'home_visit', occurredAt: yesterdayAt10(), body: 'Visite avec la référente' },
    });
    const id = newId();
    const draft = await respond({ id, visitJournalEntryId: visit.json.id });
    expect(draft.status).toBe(201);
    expect((await stored(id))!.visitJournalEntryId).toBe(visit.json.id);
    const forms = async () => (await journal()).filter((e) => e.linkedEntityId === id);
    expect(await forms()).toEqual([]);
    expect((await respond({ id, visitJournalEntryId: visit.json.id })).status).toBe(200);
    const submitted = await t.call(`/api/form-responses/${id}`, {
      method: 'PUT',
      cookie: s.ot.cookie,
      body: { revision: 1, answers: { constat: 'Seuil de porte' }, submit: true },
    });
    expect(submitted.status).toBe(200);
    expect(await forms()).toMatchObject([{ kind: 'form', body: expect.stringContaining('rempli lors de la visite') }]);
  });
});
