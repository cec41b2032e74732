import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createUser, createWorkspace, TEST_PASSWORD } from '#tests/fixtures/factories.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const ws = await createWorkspace(database.db);
  const org = await createOrganization(database.db, ws);
  const user = await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'home_help' });
  cookie = await t.signIn(user.email, TEST_PASSWORD);
});
afterAll(async () => {
  t.close();
  await database.close();
});

const search = async (q: string) => {
  const res = await t.call(`/api/communes?q=${encodeURIComponent(q)}`, { cookie });
  expect(res.status).toBe(200);
  return res.json.items as {
    code: string;
    name: string;
    departement: string;
    postalCodes: string[];
    type: string;
    chefLieuName: string | null;
  }[];
};

describe('commune search', () => {
  it('ignores accents and case, and puts the largest commune first', async () => {
    const [first] = await search('CHALONS');
    expect(first).toEqual({
      code: '51108',
      name: 'Châlons-en-Champagne',
      departement: '51',
      postalCodes: ['51000'],
      type: 'commune-actuelle',
      chefLieu: null,
      chefLieuName: null,
    });
  });

  it('finds by postal code', async () => {
    expect((await search('34970')).map((c) => c.name)).toContain('Lattes');
  });

  it('finds an associated commune and names the commune it belongs to', async () => {
    const lomme = (await search('lomme')).find((c) => c.code === '59355');
    expect(lomme).toMatchObject({ name: 'Lomme', type: 'commune-associee', chefLieuName: 'Lille' });
  });

  it('returns 20 communes at most', async () => {
    expect(await search('saint')).toHaveLength(20);
  });

  it('needs two characters and a session', async () => {
    expect((await t.call('/api/communes?q=a', { cookie })).status).toBe(400);
    expect((await t.call('/api/communes?q=lille')).status).toBe(401);
  });
});
