import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInAdmin, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

/** The template builder's reads: the list with version dates, and one template with its history. */

let database: Database;
let t: TestApp;
const s = {} as Record<'admin' | 'referent' | 'otherAdmin', RoleSession>;

const definition = (label: string) => ({
  sections: [{ name: 'logement', title: 'Logement', items: [{ type: 'text', name: 'adresse', label }] }],
});

type Summary = {
  id: string;
  key: string;
  latestVersionId: string;
  latestVersion: number;
  latestPublishedAt: string;
  versionCount: number;
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const ws = await createWorkspace(database.db);
  const ccas = await createOrganization(database.db, ws, { kind: 'ccas' });
  s.admin = await signInAdmin(t, database, ws, ccas);
  s.referent = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  const otherWs = await createWorkspace(database.db);
  s.otherAdmin = await signInAdmin(t, database, otherWs, await createOrganization(database.db, otherWs));
});
afterAll(async () => {
  t.close();
  await database.close();
});

const list = async (session: RoleSession) => {
  const res = await t.call('/api/admin/form-templates', { cookie: session.cookie });
  expect(res.status).toBe(200);
  return res.json.items as Summary[];
};

describe('builder list', () => {
  it('applies the shipped templates on first use, each at version 1 with its publication date', async () => {
    const before = Date.now();
    const items = await list(s.admin);
    expect(items.map((x) => [x.key, x.latestVersion, x.versionCount])).toEqual([
      ['lomme_entretien_logement_social', 1, 1],
      ['etape_evaluation_domicile', 1, 1],
      ['etape_premier_accueil', 1, 1],
      ['lomme_visite_qualification', 1, 1],
    ]);
    for (const item of items) {
      expect(Date.parse(item.latestPublishedAt)).toBeGreaterThan(before - 60_000);
      const audit = await auditRowsOf(database, item.id);
      expect(audit.map((a) => a.action)).toEqual(['form_template.shipped_applied']);
    }
  });

  it('shows a new version as the latest, with its id for export, and keeps counting the earlier ones', async () => {
    const created = await t.call('/api/admin/form-templates', {
      cookie: s.admin.cookie,
      body: { key: 'accueil_test', title: 'Accueil test', kind: 'other', definition: definition('Adresse') },
    });
    expect(created.status).toBe(201);
    const published = await t.call(`/api/admin/form-templates/${created.json.id}/versions`, {
      cookie: s.admin.cookie,
      body: { definition: definition('Adresse actuelle') },
    });
    expect(published.status).toBe(201);
    const item = (await list(s.admin)).find((x) => x.id === created.json.id)!;
    expect(item).toMatchObject({ latestVersion: 2, versionCount: 2, latestVersionId: published.json.versionId });
  });

  it('is for administrators only, and each workspace sees its own templates', async () => {
    expect((await t.call('/api/admin/form-templates', { cookie: s.referent.cookie })).status).toBe(404);
    const mine = new Set((await list(s.admin)).map((x) => x.id));
    const theirs = await list(s.otherAdmin);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.some((x) => mine.has(x.id))).toBe(false);
  });
});

describe('one template for the builder', () => {
  it('gives every version latest first, who published it, and the latest definition to start from', async () => {
    const created = await t.call('/api/admin/form-templates', {
      cookie: s.admin.cookie,
      body: { key: 'grille_test', title: 'Grille test', kind: 'home_visit', definition: definition('Adresse') },
    });
    await t.call(`/api/admin/form-templates/${created.json.id}/versions`, {
      cookie: s.admin.cookie,
      body: { definition: definition('Adresse du logement') },
    });
    const res = await t.call(`/api/admin/form-templates/${created.json.id}`, { cookie: s.admin.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ key: 'grille_test', title: 'Grille test', kind: 'home_visit' });
    expect(res.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(res.json.versions[1]).toMatchObject({ id: created.json.versionId, publishedByName: expect.any(String) });
    expect(res.json.latestDefinition.sections[0].items[0].label).toBe('Adresse du logement');
  });

  it('answers 404 for a missing template, another workspace’s, or a user who is not an administrator', async () => {
    const [own] = await list(s.admin);
    expect((await t.call(`/api/admin/form-templates/${newId()}`, { cookie: s.admin.cookie })).status).toBe(404);
    expect((await t.call(`/api/admin/form-templates/${own!.id}`, { cookie: s.otherAdmin.cookie })).status).toBe(404);
    expect((await t.call(`/api/admin/form-templates/${own!.id}`, { cookie: s.referent.cookie })).status).toBe(404);
  });
});
