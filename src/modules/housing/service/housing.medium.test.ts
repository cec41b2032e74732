import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { actorFor, newActor } from '#tests/fixtures/actors.ts';
import { createOrganization, createUser, createWorkspace } from '#tests/fixtures/factories.ts';
import { auditRowsOf } from '#tests/fixtures/role-sessions.ts';
import { findUnitForActor, listMatchableUnits, setUnitStatus, unitSnapshot } from '#src/modules/housing/index.ts';
import { createBuilding, createProgramme, createUnit, listUnitsForActor } from '#src/modules/housing/service/supply.ts';
import { getLandlordForActor, listLandlordsForActor } from '#src/modules/housing/service/landlords.ts';

let database: Database;
let officer: Actor;
let referent: Actor;
let landlordA: Actor;
let landlordB: Actor;
const ids = { ws: '', orgA: '', orgB: '', unitA: '', unitB: '', occupiedA: '' };

/** A landlord's staff member as the access middleware builds them: a membership in an organisation of kind landlord. */
async function landlordActor(workspaceId: string, organizationId: string): Promise<Actor> {
  const { userId } = await createUser(database.db, { workspaceId, organizationId, role: 'landlord' });
  const actor = actorFor({ workspaceId, organizationId, role: 'landlord', userId });
  return {
    ...actor,
    memberships: [{ organizationId, organizationName: 'Bailleur', organizationKind: 'landlord', role: 'landlord' }],
  };
}

async function seedLandlord(actor: Actor, organizationId: string) {
  const { id: programmeId } = await createProgramme(
    database.db,
    actor,
    {
      organizationId,
      name: 'Résidence du Canal',
      kind: 'ordinary',
      phase: 'delivered',
      communeInsee: '59355',
      addressLine: '3 rue du Marais',
      postalCode: '59160',
      latitude: 50.64,
      longitude: 2.99,
      deliveryDate: null,
      unitsPlanned: [],
      services: [],
      labels: [],
      qpv: null,
    },
    'req',
  );
  const { id: buildingId } = await createBuilding(
    database.db,
    actor,
    programmeId,
    { entranceLabel: 'Entrée A', floorsAboveGround: 3, stepsStreetToLobby: 2, liftCount: 0 } as never,
    'req',
  );
  const unit = (ref: string, status: string) =>
    createUnit(
      database.db,
      actor,
      programmeId,
      {
        buildingId,
        landlordUnitRef: ref,
        floor: 1,
        typology: 'T2',
        bedrooms: 1,
        financing: 'PLUS',
        status,
        availableFrom: null,
        showerType: 'bathtub',
        works: ['step_free_shower'],
        worksFeasible: true,
        worksLandlordCommitment: true,
      } as never,
      'req',
    );
  return {
    vacant: (await unit(`${organizationId.slice(-4)}-1`, 'vacant')).id,
    occupied: (await unit('X', 'occupied')).id,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  ids.ws = await createWorkspace(db);
  const ccas = await createOrganization(db, ids.ws, { kind: 'ccas' });
  ids.orgA = await createOrganization(db, ids.ws, { kind: 'landlord', name: 'Habitat A' });
  ids.orgB = await createOrganization(db, ids.ws, { kind: 'landlord', name: 'Habitat B' });
  officer = await newActor(db, { workspaceId: ids.ws, organizationId: ccas, role: 'housing_officer' });
  referent = await newActor(db, { workspaceId: ids.ws, organizationId: ccas, role: 'referent' });
  landlordA = await landlordActor(ids.ws, ids.orgA);
  landlordB = await landlordActor(ids.ws, ids.orgB);
  const a = await seedLandlord(landlordA, ids.orgA);
  const b = await seedLandlord(officer, ids.orgB);
  ids.unitA = a.vacant;
  ids.occupiedA = a.occupied;
  ids.unitB = b.vacant;
});

afterAll(async () => {
  await database.close();
});

describe('landlord scope in services', () => {
  it('finds a unit for the CCAS and its own landlord, never for another landlord', async () => {
    expect((await findUnitForActor(database.db, referent, ids.unitA))?.id).toBe(ids.unitA);
    expect((await findUnitForActor(database.db, landlordA, ids.unitA))?.id).toBe(ids.unitA);
    expect(await findUnitForActor(database.db, landlordB, ids.unitA)).toBeNull();
  });

  it('lists a landlord’s own units and landlord page only', async () => {
    const list = await listUnitsForActor(database.db, landlordB, { limit: 50, offset: 0 });
    expect(list.items.every((u) => u.landlordName === 'Habitat B')).toBe(true);
    expect(list.total).toBe(2);
    expect(list.landlords.map((l) => l.name)).toEqual(['Habitat B']);
    expect((await listLandlordsForActor(database.db, landlordB)).items.map((l) => l.name)).toEqual(['Habitat B']);
    await expect(getLandlordForActor(database.db, landlordB, ids.orgA)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listLandlordsForActor(database.db, referent)).items.map((l) => l.name)).toEqual([
      'Habitat A',
      'Habitat B',
    ]);
  });

  it('refuses a landlord adding a unit to another landlord’s programme as missing', async () => {
    const programmeId = (await findUnitForActor(database.db, officer, ids.unitA))!.programme.id;
    await expect(
      createUnit(database.db, landlordB, programmeId, { buildingId: programmeId } as never, 'req'),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('contracts for matching and offers', () => {
  it('lists available units only, with the commune associée, coordinates, measurements and committed works', async () => {
    const units = await listMatchableUnits(database.db, ids.ws);
    expect(units.map((u) => u.id).sort()).toEqual([ids.unitA, ids.unitB].sort());
    const a = units.find((u) => u.id === ids.unitA)!;
    expect(a).toMatchObject({
      landlord: { organizationId: ids.orgA, name: 'Habitat A' },
      communeInsee: '59350',
      historicCommuneInsee: '59355',
      latitude: 50.64,
      floor: 1,
      liftToLanding: false,
      stepsToDoor: null,
      accessLevel: 'N0',
      interior: { showerType: 'bathtub' },
      building: { stepsStreetToLobby: 2, liftCount: 0 },
      adaptableByWorks: { feasible: true, landlordCommitment: true },
    });
    expect(await listMatchableUnits(database.db, ids.ws, { organizationIds: [ids.orgB] })).toHaveLength(1);
  });

  it('freezes a snapshot and audits a status change; an allocated unit is no longer matchable', async () => {
    const snapshot = await unitSnapshot(database.db, ids.ws, ids.unitA);
    expect(snapshot).toMatchObject({ id: ids.unitA, status: 'vacant', programmeAddress: '3 rue du Marais 59160' });
    await database.db.transaction((tx) =>
      setUnitStatus(tx, ids.ws, ids.unitA, 'allocated', { actorUserId: officer.userId, requestId: 'req' }),
    );
    expect((await listMatchableUnits(database.db, ids.ws)).map((u) => u.id)).toEqual([ids.unitB]);
    expect((await auditRowsOf(database, ids.unitA)).map((r) => r.action)).toEqual([
      'unit.create',
      'unit.status_change',
    ]);
    // The snapshot taken before stays as it was.
    expect(snapshot.status).toBe('vacant');
    await expect(unitSnapshot(database.db, ids.ws, ids.ws)).rejects.toMatchObject({ code: 'not_found' });
  });
});
