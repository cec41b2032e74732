import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import { listOrganizations } from '#src/modules/platform/index.ts';
import type { MatchableUnit, UnitSnapshot } from '#src/modules/housing/domain/matchable-unit.ts';
import { housingScopeOf, scopeIncludes } from '#src/modules/housing/domain/scope.ts';
import { matchableStatuses, type UnitStatus } from '#src/modules/housing/domain/supply.ts';
import {
  selectUnitsWithContext,
  selectUnitWithContext,
  toMatchableUnit,
  updateUnitStatus,
} from '#src/modules/housing/repo/units.repo.ts';

export type MatchableUnitOptions = {
  /** Only these landlords' units. */
  organizationIds?: string[];
  /** Only these programmes' units. */
  programmeIds?: string[];
  /** Only these units (e.g. the reverse view of one unit). */
  unitIds?: string[];
};

/** Names of the workspace's organisations by id (landlords are platform organisations). */
export async function landlordNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await listOrganizations(db, workspaceId);
  return new Map(rows.map((o) => [o.id, o.name]));
}

/** Units available now or later (vacant, notice, to deliver, works) in a workspace, with everything matching reads. */
export async function listMatchableUnits(
  db: Db,
  workspaceId: string,
  options: MatchableUnitOptions = {},
): Promise<MatchableUnit[]> {
  const [rows, names] = await Promise.all([
    selectUnitsWithContext(db, workspaceId, { ...options, statuses: matchableStatuses }),
    landlordNames(db, workspaceId),
  ]);
  return rows.map((row) => toMatchableUnit(row, names.get(row.unit.organizationId) ?? ''));
}

/** One unit of any status, if the actor may see it (landlord staff: their organisation's only); else null. */
export async function findUnitForActor(db: Db, actor: Actor, unitId: string): Promise<MatchableUnit | null> {
  if (!actor.permissions.has('housing.read')) return null;
  const row = await selectUnitWithContext(db, actor.workspaceId, unitId);
  if (!row || !scopeIncludes(housingScopeOf(actor), row.unit.organizationId)) return null;
  return toMatchableUnit(row, (await landlordNames(db, actor.workspaceId)).get(row.unit.organizationId) ?? '');
}

/** A frozen JSON copy of a unit as it is now, kept with a refusal; 404 when the unit does not exist. */
export async function unitSnapshot(db: Db, workspaceId: string, unitId: string): Promise<UnitSnapshot> {
  const row = await selectUnitWithContext(db, workspaceId, unitId);
  if (!row) throw notFound();
  return {
    ...toMatchableUnit(row, (await landlordNames(db, workspaceId)).get(row.unit.organizationId) ?? ''),
    programmeAddress: [row.programmeAddress, row.programmePostalCode].filter(Boolean).join(' ') || null,
    snapshotAt: new Date().toISOString(),
  };
}

/**
 * Changes a unit's status in the caller's transaction (the offers module marks a unit allocated),
 * audited with the caller's actor and request; 404 when the unit does not exist in the workspace.
 */
export async function setUnitStatus(
  tx: Db,
  workspaceId: string,
  unitId: string,
  status: UnitStatus,
  audit: { actorUserId: string | null; requestId?: string | null } = { actorUserId: null },
): Promise<void> {
  const changed = await updateUnitStatus(tx, workspaceId, unitId, status);
  if (!changed) throw notFound();
  if (changed.before === status) return;
  await writeAudit(tx, {
    workspaceId,
    actorUserId: audit.actorUserId,
    action: 'unit.status_change',
    entityType: 'unit',
    entityId: unitId,
    changedFields: ['status'],
    requestId: audit.requestId ?? null,
  });
}
