import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf, signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let ws = '';
let ccas = '';
let landlordOrg = '';
let otherWorkspaceOrg = '';
let referent: RoleSession;
let reception: RoleSession;
let landlord: RoleSession;
let otherWorkspaceUser: RoleSession;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  ws = await createWorkspace(db);
  ccas = await createOrganization(db, ws, { kind: 'ccas', name: 'CCAS de Lomme' });
  landlordOrg = await createOrganization(db, ws, { kind: 'landlord', name: 'Habitat du Nord' });
  const otherWs = await createWorkspace(db);
  otherWorkspaceOrg = await createOrganization(db, otherWs, { kind: 'landlord', name: 'Bailleur lointain' });
  referent = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  reception = await signInWithRole(t, database, { workspaceId: ws, organizationId: ccas, role: 'reception' });
  landlord = await signInWithRole(t, database, { workspaceId: ws, organizationId: landlordOrg, role: 'landlord' });
  otherWorkspaceUser = await signInWithRole(t, database, {
    workspaceId: otherWs,
    organizationId: otherWorkspaceOrg,
    role: 'landlord',
  });
});
afterAll(async () => {
  t.close();
  await database.close();
});

/** The raw bytes of a download: Response.text() would silently drop the byte order mark. */
async function download(cookie: string) {
  const res = await t.app.request(`${TEST_ORIGIN}/api/people/export.csv`, { headers: { origin: TEST_ORIGIN, cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
  };
}

const createFile = (cookie: string, body: Record<string, unknown>) =>
  t.call('/api/people', { method: 'POST', cookie, body });

describe('creating a file', () => {
  it('creates, then answers 409 with the candidates for the same person, then creates on confirmation', async () => {
    const first = await createFile(referent.cookie, {
      civility: 'mme',
      firstName: 'Germaine',
      lastName: 'Duval',
      birthDate: '1944-03-12',
      communeInsee: '59355',
    });
    expect(first.status).toBe(201);
    const file = await t.call(`/api/people/${first.json.id}`, { cookie: referent.cookie });
    // Lomme is a commune associée of Lille: both codes are kept.
    expect(file.json).toMatchObject({ communeInsee: '59350', historicCommuneInsee: '59355', communeName: 'Lille' });
    expect(file.json.historicCommuneName).toBe('Lomme');
    // Lists name the commune as people say it.
    const caseload = await t.call('/api/people/caseload', { cookie: referent.cookie });
    expect(caseload.json.items.find((p: { id: string }) => p.id === first.json.id)).toMatchObject({
      communeName: 'Lomme',
    });

    const again = await createFile(referent.cookie, {
      firstName: 'germaine',
      lastName: 'DUVALL',
      birthDate: '1944-03-12',
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('conflict');
    expect(again.json.details.candidates).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: first.json.id }),
        organizationName: 'CCAS de Lomme',
      }),
    ]);

    const confirmed = await createFile(referent.cookie, {
      firstName: 'germaine',
      lastName: 'DUVALL',
      birthDate: '1944-03-12',
      allowDuplicate: true,
    });
    expect(confirmed.status).toBe(201);
    expect((await auditRowsOf(database, confirmed.json.id)).map((r) => r.action)).toEqual([
      'person.create',
      'person.duplicate_dismissed',
    ]);
  });

  it('answers French field errors and refuses an unknown commune', async () => {
    const res = await createFile(referent.cookie, { firstName: '', lastName: 'Martin', birthDate: '2999-01-01' });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['birthDate', 'firstName']);
    const commune = await createFile(referent.cookie, { firstName: 'Paul', lastName: 'Martin', communeInsee: '99999' });
    expect(commune.status).toBe(400);
    expect(commune.json.issues[0].path).toBe('communeInsee');
  });
});

describe('editing a section', () => {
  it('applies a write with the current version and refuses a stale one with the newer values', async () => {
    const { json } = await createFile(referent.cookie, { firstName: 'Émile', lastName: 'Lefèvre' });
    const id = json.id as string;
    const read = await t.call(`/api/people/${id}`, { cookie: referent.cookie });
    const version = read.json.version as number;
    const housing = {
      section: 'housing',
      version,
      tenure: 'social_tenant',
      landlordOrganizationId: landlordOrg,
      dwellingType: 'flat',
      floor: 3,
      hasLift: false,
      bathroomType: 'bathtub',
      stairsInside: false,
    };
    const ok = await t.call(`/api/people/${id}`, { method: 'PATCH', cookie: referent.cookie, body: housing });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ floor: 3, landlordOrganization: { id: landlordOrg, name: 'Habitat du Nord' } });
    expect(ok.json.version).toBe(version + 1);

    const stale = await t.call(`/api/people/${id}`, {
      method: 'PATCH',
      cookie: reception.cookie,
      body: { section: 'contact', version, phone: '03 20 00 00 00' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.code).toBe('conflict');
    expect(stale.json.details.current).toMatchObject({ floor: 3, version: version + 1, phone: null });

    const notLandlord = await t.call(`/api/people/${id}`, {
      method: 'PATCH',
      cookie: referent.cookie,
      body: { ...housing, version: version + 1, landlordOrganizationId: ccas },
    });
    expect(notLandlord.status).toBe(400);
    expect(notLandlord.json.issues[0].path).toBe('landlordOrganizationId');
    expect((await auditRowsOf(database, id)).filter((r) => r.action === 'person.update')).toEqual([
      expect.objectContaining({ changedFields: expect.arrayContaining(['floor', 'tenure', 'landlordOrganizationId']) }),
    ]);
  });

  it('allows at most one main caregiver', async () => {
    const { json } = await createFile(referent.cookie, { firstName: 'Rose', lastName: 'Petit' });
    const res = await t.call(`/api/people/${json.id}`, {
      method: 'PATCH',
      cookie: referent.cookie,
      body: {
        section: 'caregivers',
        version: 1,
        items: [
          { name: 'Anne Petit', relation: 'Fille', isMain: true },
          { name: 'Marc Petit', relation: 'Fils', isMain: true },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe('items');
  });
});

describe('sensitive fields', () => {
  it('are returned to a role holding person.read_sensitive and absent for one without', async () => {
    const { json } = await createFile(referent.cookie, { firstName: 'Lucien', lastName: 'Garnier' });
    const id = json.id as string;
    const write = await t.call(`/api/people/${id}`, {
      method: 'PATCH',
      cookie: referent.cookie,
      body: { section: 'situation', version: 1, resourcesBand: 'modest', gir: 4, legalProtectionKind: 'curatorship' },
    });
    expect(write.status).toBe(200);
    expect(write.json).toMatchObject({ sensitiveIncluded: true, gir: 4, resourcesBand: 'modest' });

    const asReception = await t.call(`/api/people/${id}`, { cookie: reception.cookie });
    expect(asReception.status).toBe(200);
    expect(asReception.json.sensitiveIncluded).toBe(false);
    for (const field of ['resourcesBand', 'gir', 'legalProtectionKind', 'healthNote'])
      expect(asReception.json, field).not.toHaveProperty(field);
    // Nor may they write what they cannot read.
    const blindWrite = await t.call(`/api/people/${id}`, {
      method: 'PATCH',
      cookie: reception.cookie,
      body: { section: 'situation', version: 2, gir: 1 },
    });
    expect(blindWrite.status).toBe(404);
  });
});

describe('case team and consent', () => {
  it('refuses a member of another organisation without consent, and one of another workspace with a field error', async () => {
    const { json } = await createFile(referent.cookie, { firstName: 'Paulette', lastName: 'Roux' });
    const add = (body: Record<string, unknown>) =>
      t.call(`/api/people/${json.id}/case-team`, { method: 'POST', cookie: referent.cookie, body });
    const noConsent = await add({ userId: landlord.userId, organizationId: landlordOrg });
    expect(noConsent.status).toBe(400);
    expect(noConsent.json.issues[0].path).toBe('consentId');
    const foreign = await add({ userId: otherWorkspaceUser.userId, organizationId: otherWorkspaceOrg });
    expect(foreign.status).toBe(400);
    expect(foreign.json.issues[0].path).toBe('organizationId');
  });

  it('withdrawing the sharing consent makes the file answer 404 to the landlord member at once', async () => {
    const { json } = await createFile(referent.cookie, { firstName: 'Germaine', lastName: 'Lambert' });
    const id = json.id as string;
    const consent = await t.call(`/api/people/${id}/consents`, {
      method: 'POST',
      cookie: referent.cookie,
      body: { purpose: 'case_team_sharing', givenOn: '2026-01-05', scope: 'Bailleur' },
    });
    expect(consent.status).toBe(201);
    const added = await t.call(`/api/people/${id}/case-team`, {
      method: 'POST',
      cookie: referent.cookie,
      body: { userId: landlord.userId, organizationId: landlordOrg, roleLabel: 'Chargée de clientèle' },
    });
    expect(added.status).toBe(201);
    expect((await t.call(`/api/people/${id}`, { cookie: landlord.cookie })).status).toBe(200);

    const withdrawn = await t.call(`/api/people/${id}/consents/${consent.json.id}/withdraw`, {
      method: 'POST',
      cookie: referent.cookie,
      body: { reason: 'Ne souhaite plus que le bailleur suive son dossier' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.removedMembers).toBe(1);
    expect((await t.call(`/api/people/${id}`, { cookie: landlord.cookie })).status).toBe(404);
    expect((await t.call(`/api/people/${id}`, { cookie: referent.cookie })).status).toBe(200);
    expect((await auditRowsOf(database, added.json.id)).map((r) => r.action)).toEqual([
      'case_team.add',
      'case_team.remove',
    ]);
    expect((await auditRowsOf(database, consent.json.id)).map((r) => r.action)).toEqual([
      'consent.record',
      'consent.withdraw',
    ]);
  });
});

describe('merge', () => {
  it('keeps the file, points the duplicate at it and writes one audit row', async () => {
    const kept = await createFile(referent.cookie, {
      firstName: 'Marcel',
      lastName: 'Dupont',
      birthDate: '1940-05-05',
    });
    const duplicate = await createFile(referent.cookie, {
      firstName: 'Marcel',
      lastName: 'Dupond',
      birthDate: '1940-05-05',
      allowDuplicate: true,
    });
    await t.call(`/api/people/${duplicate.json.id}/consents`, {
      method: 'POST',
      cookie: referent.cookie,
      body: { purpose: 'data_processing', givenOn: '2026-01-05' },
    });
    const res = await t.call(`/api/people/${kept.json.id}/merge`, {
      method: 'POST',
      cookie: referent.cookie,
      body: { duplicateId: duplicate.json.id },
    });
    expect(res.status).toBe(200);
    const file = await t.call(`/api/people/${kept.json.id}`, { cookie: referent.cookie });
    expect(file.json.consents).toHaveLength(1);
    const old = await t.call(`/api/people/${duplicate.json.id}`, { cookie: referent.cookie });
    expect(old.json).toEqual({ id: duplicate.json.id, mergedIntoId: kept.json.id });
    expect((await auditRowsOf(database, kept.json.id)).filter((r) => r.action === 'person.merge')).toHaveLength(1);
    const search = await t.call('/api/people/search?q=Dupond', { cookie: referent.cookie });
    expect(search.json.items.map((p: { id: string }) => p.id)).toEqual([kept.json.id]);
  });
});

describe('CSV export', () => {
  it('is UTF-8 with BOM, ;-separated, with fr-FR dates, sensitive columns only with the permission, audited', async () => {
    const asReferent = await download(referent.cookie);
    expect(asReferent.status).toBe(200);
    expect(asReferent.headers.get('content-type')).toContain('text/csv');
    expect([...asReferent.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = asReferent.text.slice(1).split('\r\n');
    expect(header!.split(';')).toEqual(
      expect.arrayContaining(['Nom', 'Prénom', 'Date de naissance', 'GIR', 'Ressources']),
    );
    expect(lines.find((l) => l.includes('Duval'))).toContain('12/03/1944');

    const asReception = await download(reception.cookie);
    const receptionHeader = asReception.text.slice(1).split('\r\n')[0]!.split(';');
    expect(receptionHeader).toContain('Nom');
    expect(receptionHeader).not.toContain('GIR');
    expect(receptionHeader).not.toContain('Ressources');
    const { rows } = await database.execute(
      "select count(*)::int as n from audit_log where action = 'person.export' and actor_user_id = $1",
      [reception.userId],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
