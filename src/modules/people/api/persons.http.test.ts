import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import {
  createOrganization,
  createPerson,
  createUser,
  createWorkspace,
  TEST_PASSWORD,
} from '#tests/fixtures/factories.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
const ids = { duval: '', lefevre: '', otherOrgPerson: '' };
const cookies = { referent: '', otherReferent: '', manager: '', landlord: '', researcher: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  const ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ws, { kind: 'ccas' });
  const landlordOrg = await createOrganization(db, ws, { kind: 'landlord' });
  const otherCcas = await createOrganization(db, ws, { kind: 'ccas' });
  const referent = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  const otherReferent = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'referent' });
  const manager = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'manager' });
  const landlord = await createUser(db, { workspaceId: ws, organizationId: landlordOrg, role: 'landlord' });
  const researcher = await createUser(db, { workspaceId: ws, organizationId: ccas, role: 'researcher' });
  ids.duval = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Germaine',
    lastName: 'Duval',
    caseTeam: [
      { userId: referent.userId, organizationId: ccas },
      { userId: landlord.userId, organizationId: landlordOrg },
    ],
  });
  ids.lefevre = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: ccas,
    firstName: 'Émile',
    lastName: 'Lefèvre',
    birthDate: '1938-02-23',
    caseTeam: [{ userId: referent.userId, organizationId: ccas }],
  });
  ids.otherOrgPerson = await createPerson(db, {
    workspaceId: ws,
    owningOrganizationId: otherCcas,
    firstName: 'Odette',
    lastName: 'Moreau',
  });
  cookies.referent = await t.signIn(referent.email, TEST_PASSWORD);
  cookies.otherReferent = await t.signIn(otherReferent.email, TEST_PASSWORD);
  cookies.manager = await t.signIn(manager.email, TEST_PASSWORD);
  cookies.landlord = await t.signIn(landlord.email, TEST_PASSWORD);
  cookies.researcher = await t.signIn(researcher.email, TEST_PASSWORD);
});
afterAll(async () => {
  t.close();
  await database.close();
});

const searchIds = async (cookie: string, q: string) => {
  const res = await t.call(`/api/people/search?q=${encodeURIComponent(q)}`, { cookie });
  expect(res.status).toBe(200);
  return (res.json.items as { id: string }[]).map((p) => p.id);
};

describe('person search', () => {
  it('ignores accents and case, both ways', async () => {
    expect(await searchIds(cookies.referent, 'lefevre')).toEqual([ids.lefevre]);
    expect(await searchIds(cookies.referent, 'LEFÈVRE')).toEqual([ids.lefevre]);
    expect(await searchIds(cookies.referent, 'emile')).toEqual([ids.lefevre]);
  });

  it('tolerates a small typo', async () => {
    expect(await searchIds(cookies.referent, 'Lefebvre')).toContain(ids.lefevre);
    expect(await searchIds(cookies.referent, 'Duvall')).toContain(ids.duval);
  });

  it('finds only the files the user may see', async () => {
    expect(await searchIds(cookies.otherReferent, 'Duval')).toEqual([]);
    expect(await searchIds(cookies.landlord, 'Lefevre')).toEqual([]);
    expect(await searchIds(cookies.landlord, 'Duval')).toEqual([ids.duval]);
    // An organisation-wide role sees its own organisation's files, not another organisation's.
    expect(await searchIds(cookies.manager, 'Duval')).toEqual([ids.duval]);
    expect(await searchIds(cookies.manager, 'Moreau')).toEqual([]);
  });

  it('is closed to roles without person.read', async () => {
    const res = await t.call('/api/people/search?q=Duval', { cookie: cookies.researcher });
    expect(res.status).toBe(404);
  });
});

describe('person file', () => {
  it('opens for a case-team member and computes the age', async () => {
    const res = await t.call(`/api/people/${ids.lefevre}`, { cookie: cookies.referent });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ firstName: 'Émile', lastName: 'Lefèvre', birthDate: '1938-02-23' });
    expect(res.json.age).toBeGreaterThanOrEqual(88);
  });

  it('answers 404, exactly like a missing file, to a user outside the case team', async () => {
    const hidden = await t.call(`/api/people/${ids.duval}`, { cookie: cookies.otherReferent });
    const missing = await t.call('/api/people/01900000-0000-7000-8000-000000000000', { cookie: cookies.otherReferent });
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual(missing.json);
  });

  it('audits each opening in the same transaction, and not a refused one', async () => {
    const count = async () => {
      const result = await database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'person.read' and person_id = ${ids.duval}`,
      );
      return (result as { rows: { n: number }[] }).rows[0]!.n;
    };
    const before = await count();
    await t.call(`/api/people/${ids.duval}`, { cookie: cookies.landlord });
    await t.call(`/api/people/${ids.duval}`, { cookie: cookies.otherReferent });
    expect(await count()).toBe(before + 1);
  });

  it("lists the user's caseload sorted the French way", async () => {
    const res = await t.call('/api/people/caseload', { cookie: cookies.referent });
    expect(res.status).toBe(200);
    expect((res.json.items as { lastName: string }[]).map((p) => p.lastName)).toEqual(['Duval', 'Lefèvre']);
  });
});
