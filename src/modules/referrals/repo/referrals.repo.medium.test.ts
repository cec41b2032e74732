import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createUser, createWorkspace } from '#tests/fixtures/factories.ts';
import { insertReferral, referralCounts, recordDecision } from '#src/modules/referrals/repo/referrals.repo.ts';

let database: Database;
let ws = '';
let otherWs = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  ws = await createWorkspace(db);
  otherWs = await createWorkspace(db);
  const add = async (workspaceId: string, channel: string, createdAt: string, closureReason?: string) => {
    const organizationId = await createOrganization(db, workspaceId);
    const { userId } = await createUser(db, { workspaceId, organizationId, role: 'reception' });
    const row = await insertReferral(db, {
      workspaceId,
      id: newId(),
      channel,
      raisedByUserId: userId,
      raisedByOrganizationId: organizationId,
      raisedByName: 'Agent',
      raisedByOrganizationName: 'CCAS',
      subjectLastName: 'Duval',
      description: 'Situation',
      urgency: 'normal',
      consent: 'agreed',
      createdAt: new Date(createdAt),
    });
    if (closureReason)
      await recordDecision(db, workspaceId, row.id, {
        status: 'closed',
        decidedByUserId: userId,
        decidedByName: 'Agent',
        closureReason,
      });
  };
  await add(ws, 'home_help_alert', '2026-03-02T09:00:00Z');
  await add(ws, 'home_help_alert', '2026-03-20T09:00:00Z', 'out_of_scope');
  await add(ws, 'social_landlord', '2026-03-31T21:59:00Z', 'person_declines');
  await add(ws, 'social_landlord', '2026-04-01T00:00:00Z');
  await add(otherWs, 'social_landlord', '2026-03-10T09:00:00Z');
});
afterAll(async () => {
  await database.close();
});

const march = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };

it('counts the referrals received in the period by channel, in this workspace only', async () => {
  expect(await referralCounts(database.db, ws, { ...march, by: 'channel' })).toEqual([
    { key: 'home_help_alert', count: 2 },
    { key: 'social_landlord', count: 1 },
  ]);
});

it('counts triage outcomes and closures by reason', async () => {
  expect(await referralCounts(database.db, ws, { ...march, by: 'status' })).toEqual([
    { key: 'closed', count: 2 },
    { key: 'new', count: 1 },
  ]);
  expect(await referralCounts(database.db, ws, { ...march, by: 'closureReason' })).toEqual([
    { key: 'out_of_scope', count: 1 },
    { key: 'person_declines', count: 1 },
  ]);
});
