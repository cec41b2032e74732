import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import {
  countTrials,
  insertTrials,
  totalTrials,
  trialsOfProduct,
  trialsTriedIn,
  type TrialInsert,
} from '#src/modules/trials/repo/trials.repo.ts';
import { createOrganization, createPerson, createUser, createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
let ws = '';
let therapist = '';
let colleague = '';
let bathBoard = '';
let grabBar = '';
let ada = '';
let basile = '';

const product = async (name: string, iso: string, activities: string[]) => {
  const id = newId();
  await database.execute(
    `insert into catalogue_products (workspace_id, id, name, primary_iso_code, iso_edition, activities)
     values ($1, $2, $3, $4, '2022', $5)`,
    [ws, id, name, iso, activities],
  );
  return id;
};
const trial = (row: Partial<TrialInsert>): TrialInsert => ({
  id: newId(),
  workspaceId: ws,
  therapistUserId: therapist,
  productId: bathBoard,
  context: 'showroom',
  triedOn: '2026-03-10',
  outcome: 'suitable',
  ...row,
});

beforeAll(async () => {
  database = await createTestDatabase();
  ws = await createWorkspace(database.db);
  const org = await createOrganization(database.db, ws, { kind: 'ccas' });
  therapist = (await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'ot' })).userId;
  colleague = (await createUser(database.db, { workspaceId: ws, organizationId: org, role: 'ot' })).userId;
  const team = [{ userId: therapist, organizationId: org }];
  ada = await createPerson(database.db, { workspaceId: ws, owningOrganizationId: org, caseTeam: team });
  basile = await createPerson(database.db, { workspaceId: ws, owningOrganizationId: org, caseTeam: team });
  bathBoard = await product('Planche de bain', '093303', ['d510']);
  grabBar = await product('Barre d’appui', '181803', ['d510', 'd420']);
  await insertTrials(database.db, [
    trial({ personId: ada }),
    trial({ personId: ada, productId: grabBar, outcome: 'unsuitable', reasons: ['too_bulky', 'price'] }),
    trial({ personId: basile, outcome: 'needs_adjustment', reasons: ['too_bulky'] }),
    trial({ professionalName: 'Claire Martin', professionalOrganization: 'SSIAD', context: 'living_lab' }),
    trial({ personId: basile, triedOn: '2025-12-31' }),
  ]);
});
afterAll(async () => {
  await database.close();
});

describe('counting trials', () => {
  it('counts each coded reason once per trial that carries it', async () => {
    const rows = await countTrials(database.db, trialsTriedIn(ws, '2026-01-01', '2026-12-31'), 'reason', therapist);
    expect(rows).toEqual([
      { key: 'too_bulky', count: 2, allSeen: true },
      { key: 'price', count: 1, allSeen: true },
    ]);
  });

  it('counts needs once per person (or professional trial) by ISO class and by activity', async () => {
    const period = trialsTriedIn(ws, '2026-01-01', '2026-12-31');
    const classes = await countTrials(database.db, period, 'isoClass', therapist, { distinctBeneficiaries: true });
    // Ada tried two products of class 09 and 18, Basile one of class 09 (twice in the year, once in the period).
    expect(classes).toEqual([
      { key: '09', count: 3, allSeen: true },
      { key: '18', count: 1, allSeen: true },
    ]);
    const activities = await countTrials(database.db, period, 'activity', therapist, { distinctBeneficiaries: true });
    expect(activities).toEqual([
      { key: 'd510', count: 3, allSeen: true },
      { key: 'd420', count: 1, allSeen: true },
    ]);
  });

  it('tells whether the reader may see every trial behind a count: professionals’ trials, or their case team', async () => {
    const filter = trialsOfProduct(ws, bathBoard);
    expect(await totalTrials(database.db, filter, therapist)).toEqual({ count: 4, allSeen: true });
    expect(await totalTrials(database.db, filter, colleague)).toEqual({ count: 4, allSeen: false });
    const outcomes = await countTrials(database.db, filter, 'outcome', colleague);
    expect(outcomes).toContainEqual({ key: 'suitable', count: 3, allSeen: false });
  });

  it('refuses a trial by both a person and a professional, or by neither', async () => {
    await expect(
      insertTrials(database.db, [trial({ personId: ada, professionalName: 'Claire Martin' })]),
    ).rejects.toThrow();
    await expect(insertTrials(database.db, [trial({})])).rejects.toThrow();
  });
});
