import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { AppError } from '#src/shared/errors.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { newActor } from '#tests/fixtures/actors.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { addUnit, createResidence, getResidence } from '#src/modules/residences/service/residences.ts';
import { addWaitingEntry, admitWaitingEntry } from '#src/modules/residences/service/waiting-list.ts';

let database: Database;
let actor: Actor;
let residenceId = '';
let unitId = '';
const entries: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const workspaceId = await createWorkspace(db);
  const organizationId = await createOrganization(db, workspaceId, { kind: 'ccas', name: 'CCAS' });
  actor = await newActor(db, { workspaceId, organizationId, role: 'housing_officer' });
  ({ id: residenceId } = await createResidence(
    db,
    actor,
    {
      managingOrganizationId: organizationId,
      name: 'Les Tilleuls',
      addressLine: null,
      communeInsee: '59355',
      finess: null,
      capacity: 20,
      girMin: 5,
      girMax: 6,
      minAge: null,
      otherConditions: null,
      services: null,
      monthlyPrice: null,
    },
    'req',
  ));
  ({ id: unitId } = await addUnit(
    db,
    actor,
    residenceId,
    { number: '1', typology: 'T1', surfaceM2: null, rent: null, status: 'vacant' },
    'req',
  ));
  for (const lastName of ['Duval', 'Moreau']) {
    const personId = await createPerson(db, {
      workspaceId,
      owningOrganizationId: organizationId,
      lastName,
      caseTeam: [{ userId: actor.userId, organizationId }],
    });
    const { id } = await addWaitingEntry(
      db,
      actor,
      residenceId,
      { personId, requestedOn: '2026-01-15', wishedTypology: null, girJustification: null },
      'req',
    );
    entries.push(id);
  }
});
afterAll(async () => {
  await database.close();
});

describe('two admissions into the same unit at once', () => {
  it('lets exactly one through; the other is a conflict that leaves its entry on the list', async () => {
    const results = await Promise.allSettled(
      entries.map((entryId) =>
        admitWaitingEntry(
          database.db,
          actor,
          residenceId,
          entryId,
          { unitId, movedInOn: '2026-11-20', girJustification: null },
          'req',
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected');
    expect((failure?.reason as AppError).code).toBe('conflict');
    const residence = await getResidence(database.db, actor, residenceId);
    expect(residence.units[0]).toMatchObject({ status: 'occupied' });
    expect(residence.waitingList).toHaveLength(1);
    expect(residence.waitingList[0]).toMatchObject({ position: 1, status: 'waiting' });
    const { rows } = await database.execute(
      'select count(*)::int as n from residence_occupancies where unit_id = $1 and moved_out_on is null',
      [unitId],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
