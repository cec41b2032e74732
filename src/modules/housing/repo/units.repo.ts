import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '#src/shared/db/client.ts';
import { buildings, programmes, units } from '#src/modules/housing/db/schema.ts';
import type { AccessFlag, AccessLevel } from '#src/modules/housing/domain/access-level.ts';
import {
  buildingMeasuresOf,
  liftToLanding,
  stepsToDoor,
  unitMeasuresOf,
} from '#src/modules/housing/domain/access-level.ts';
import type { HousingScope } from '#src/modules/housing/domain/scope.ts';
import type { MatchableUnit, UnitInterior } from '#src/modules/housing/domain/matchable-unit.ts';
import type {
  CheckMethod,
  EnergyClass,
  Financing,
  ProgrammeKind,
  ProgrammeService,
  Typology,
  UnitStatus,
} from '#src/modules/housing/domain/supply.ts';

export type UnitRecord = typeof units.$inferSelect;
export type BuildingRecord = typeof buildings.$inferSelect;
export type UnitValues = Omit<
  typeof units.$inferInsert,
  'workspaceId' | 'id' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy'
>;

/** The landlord-scope rule as SQL, for any housing table with an `organization_id`. */
export function inScope(scope: HousingScope, table: { workspaceId: AnyPgColumn; organizationId: AnyPgColumn }): SQL {
  if (scope.allLandlords) return eq(table.workspaceId, scope.workspaceId);
  if (scope.organizationIds.length === 0) return sql`false`;
  return and(eq(table.workspaceId, scope.workspaceId), inArray(table.organizationId, scope.organizationIds))!;
}

const joinedColumns = {
  unit: units,
  building: buildings,
  programmeName: programmes.name,
  programmeKind: programmes.kind,
  programmeServices: programmes.services,
  programmeAddress: programmes.addressLine,
  programmePostalCode: programmes.postalCode,
  communeInsee: programmes.communeInsee,
  historicCommuneInsee: programmes.historicCommuneInsee,
  latitude: programmes.latitude,
  longitude: programmes.longitude,
};

type JoinedRow = {
  unit: UnitRecord;
  building: BuildingRecord;
  programmeName: string;
  programmeKind: string;
  programmeServices: string[];
  programmeAddress: string | null;
  programmePostalCode: string | null;
  communeInsee: string;
  historicCommuneInsee: string | null;
  latitude: number | null;
  longitude: number | null;
};

function joined(db: Db) {
  return db
    .select(joinedColumns)
    .from(units)
    .innerJoin(buildings, and(eq(buildings.workspaceId, units.workspaceId), eq(buildings.id, units.buildingId)))
    .innerJoin(programmes, and(eq(programmes.workspaceId, units.workspaceId), eq(programmes.id, units.programmeId)));
}

/** A unit's measured interior as matching and the unit page read it (showers and shutters typed). */
export function interiorOf(u: typeof units.$inferSelect): UnitInterior {
  const measures = unitMeasuresOf(u);
  return {
    liftServesLanding: u.liftServesLanding,
    entranceDoorClearWidthCm: u.entranceDoorClearWidthCm,
    doorClearWidthMinCm: u.doorClearWidthMinCm,
    internalSteps: u.internalSteps,
    thresholdsMaxCm: u.thresholdsMaxCm,
    showerType: measures.showerType,
    showerStepCm: u.showerStepCm,
    turningCircle150: u.turningCircle150,
    grabBars: u.grabBars,
    showerSeat: u.showerSeat,
    wcRaised: u.wcRaised,
    wcLateralSpace: u.wcLateralSpace,
    wcGrabBar: u.wcGrabBar,
    wcSeparate: u.wcSeparate,
    kitchenPassage150: u.kitchenPassage150,
    bedroomPassage90: u.bedroomPassage90,
    shutters: measures.shutters,
    videophone: u.videophone,
    lightPath: u.lightPath,
    visualDoorbell: u.visualDoorbell,
    visualContrasts: u.visualContrasts,
    simpleSignage: u.simpleSignage,
    balconyOrGarden: u.balconyOrGarden,
    measuredOn: u.measuredOn,
    measurementMethod: u.measurementMethod as CheckMethod | null,
  };
}

/** `landlordName` comes from the platform's organisations, read through its index. */
export function toMatchableUnit(row: JoinedRow, landlordName: string): MatchableUnit {
  const u = row.unit;
  const b = row.building;
  const buildingMeasures = buildingMeasuresOf(b);
  const unitMeasures = unitMeasuresOf(u);
  return {
    id: u.id,
    landlordUnitRef: u.landlordUnitRef,
    landlord: { organizationId: u.organizationId, name: landlordName },
    programme: {
      id: u.programmeId,
      name: row.programmeName,
      kind: row.programmeKind as ProgrammeKind,
      services: row.programmeServices as ProgrammeService[],
    },
    communeInsee: row.communeInsee,
    historicCommuneInsee: row.historicCommuneInsee,
    latitude: row.latitude,
    longitude: row.longitude,
    floor: u.floor,
    individualHouse: u.individualHouse,
    typology: u.typology as Typology,
    bedrooms: u.bedrooms,
    surfaceM2: u.surfaceM2,
    rentEur: u.rentEur,
    chargesEur: u.chargesEur,
    energyClass: u.energyClass as EnergyClass | null,
    financing: u.financing as Financing,
    status: u.status as UnitStatus,
    availableFrom: u.availableFrom,
    building: {
      id: b.id,
      entranceLabel: b.entranceLabel,
      floorsAboveGround: b.floorsAboveGround,
      stepsStreetToLobby: b.stepsStreetToLobby,
      rampPresent: b.rampPresent,
      entranceHandrail: b.entranceHandrail,
      entranceDoorAutomatic: b.entranceDoorAutomatic,
      entranceDoorClearWidthCm: b.entranceDoorClearWidthCm,
      liftCount: b.liftCount,
      liftServesAllLandings: b.liftServesAllLandings,
      liftHalfLevelSteps: b.liftHalfLevelSteps,
      lastCheckOn: b.lastCheckOn,
      lastCheckMethod: b.lastCheckMethod as CheckMethod | null,
    },
    interior: interiorOf(u),
    stepsToDoor: stepsToDoor(buildingMeasures, unitMeasures),
    liftToLanding: liftToLanding(buildingMeasures, unitMeasures),
    adaptableByWorks: { feasible: u.worksFeasible, works: u.works, landlordCommitment: u.worksLandlordCommitment },
    accessLevel: u.accessLevel as AccessLevel,
    accessFlags: u.accessFlags as AccessFlag[],
  };
}

export type UnitFilter = {
  statuses?: readonly string[];
  organizationIds?: string[];
  programmeIds?: string[];
  unitIds?: string[];
};

export async function selectUnitsWithContext(db: Db, workspaceId: string, filter: UnitFilter): Promise<JoinedRow[]> {
  const clauses: SQL[] = [eq(units.workspaceId, workspaceId)];
  if (filter.statuses) clauses.push(inArray(units.status, [...filter.statuses]));
  if (filter.organizationIds) clauses.push(inArray(units.organizationId, filter.organizationIds));
  if (filter.programmeIds) clauses.push(inArray(units.programmeId, filter.programmeIds));
  if (filter.unitIds) clauses.push(inArray(units.id, filter.unitIds));
  const where = and(...clauses)!;
  return joined(db)
    .where(where)
    .orderBy(asc(programmes.name), asc(buildings.entranceLabel), asc(units.floor), asc(units.landlordUnitRef));
}

export async function selectUnitWithContext(db: Db, workspaceId: string, unitId: string): Promise<JoinedRow | null> {
  const [row] = await joined(db).where(and(eq(units.workspaceId, workspaceId), eq(units.id, unitId)));
  return row ?? null;
}

export async function updateUnitStatus(
  tx: Db,
  workspaceId: string,
  unitId: string,
  status: UnitStatus,
): Promise<{ before: string } | null> {
  const [before] = await tx
    .select({ status: units.status })
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, unitId)))
    .for('update');
  if (!before) return null;
  await tx
    .update(units)
    .set({ status, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, unitId)));
  return { before: before.status };
}
