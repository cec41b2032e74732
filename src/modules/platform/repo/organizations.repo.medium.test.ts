import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import {
  createOrganizationRow,
  isUniqueViolation,
  SIRET_UNIQUE_CONSTRAINT,
} from '#src/modules/platform/repo/organizations.repo.ts';
import { createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the SIRET unique index', () => {
  // The service turns this error into a 409 when two creations slip past the check together.
  it('raises a unique violation that names its constraint, on either driver', async () => {
    const ws = await createWorkspace(database.db);
    const values = { kind: 'company', name: 'Une', siret: '73282932000074', communeInsee: null };
    await createOrganizationRow(database.db, ws, values);
    const error = await createOrganizationRow(database.db, ws, { ...values, name: 'Deux' }).catch((e: unknown) => e);
    expect(isUniqueViolation(error, SIRET_UNIQUE_CONSTRAINT)).toBe(true);
    expect(isUniqueViolation(error, 'another_constraint')).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
  });
});
