import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import type {
  AdmissionSettingsInput,
  CeilingInput,
  EligibilitySettings,
} from '#src/modules/applications/api/application.schema.ts';
import {
  ceilingsInForce,
  type CeilingFinancing,
  type EligibilityRules,
  type IncomeCeiling,
} from '#src/modules/applications/domain/eligibility.ts';
import {
  deleteCeiling,
  findCeiling,
  findCeilingAt,
  findMatchingSettings,
  insertCeilings,
  listCeilings,
  updateCeiling,
  upsertMatchingSettings,
  type CeilingRow,
} from '#src/modules/applications/repo/eligibility.repo.ts';

const t = messages.applications;

/** Today in the service's calendar (ISO date): the day a ceiling must have started to apply. */
const today = () => parisDay(new Date());

const ceilingOf = (row: CeilingRow): IncomeCeiling => ({
  financing: row.financing as CeilingFinancing,
  householdSize: row.householdSize,
  validFrom: row.validFrom,
  ceilingEur: row.ceilingEur,
});

/** What the matching applies on `onDate`: the ceilings then in force and the admission settings. */
export async function loadEligibilityRules(db: Db, workspaceId: string, onDate = today()): Promise<EligibilityRules> {
  const [rows, settings] = await Promise.all([listCeilings(db, workspaceId), findMatchingSettings(db, workspaceId)]);
  const min = settings?.residenceGirMin ?? null;
  const max = settings?.residenceGirMax ?? null;
  return {
    ceilings: ceilingsInForce(rows.map(ceilingOf), onDate),
    residenceGir: min !== null && max !== null ? { min, max } : null,
    asvMaxGir: settings?.asvMaxGir ?? null,
  };
}

export async function getEligibilitySettings(db: Db, actor: Actor): Promise<EligibilitySettings> {
  const [rows, settings] = await Promise.all([
    listCeilings(db, actor.workspaceId),
    findMatchingSettings(db, actor.workspaceId),
  ]);
  const ceilings = rows.map((row) => ({ ...ceilingOf(row), id: row.id, source: row.source }));
  const inForce = new Set([...ceilingsInForce(ceilings, today()).values()].map((c) => c.id));
  return {
    ceilings: ceilings.map((c) => ({ ...c, inForce: inForce.has(c.id) })),
    admission: {
      residenceGirMin: settings?.residenceGirMin ?? null,
      residenceGirMax: settings?.residenceGirMax ?? null,
      asvMaxGir: settings?.asvMaxGir ?? null,
    },
    canManage: actor.permissions.has('housing.manage'),
  };
}

const audit = (
  tx: Db,
  actor: Actor,
  action: string,
  entityType: string,
  id: string,
  changedFields: string[],
  requestId: string,
) =>
  writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action,
    entityType,
    entityId: id,
    changedFields,
    requestId,
  });

const valuesOf = (input: CeilingInput) => ({
  financing: input.financing,
  householdSize: input.householdSize,
  validFrom: input.validFrom,
  ceilingEur: input.ceilingEur,
  source: input.source || null,
});

/** One value per financing, household size and date: a second one answers a field error on the date. */
async function checkFree(tx: Db, actor: Actor, values: ReturnType<typeof valuesOf>, selfId: string | null) {
  const taken = await findCeilingAt(tx, actor.workspaceId, values);
  if (taken && taken.id !== selfId) throw fieldError('validFrom', t.errors.ceilingTaken);
}

export async function createCeiling(db: Db, actor: Actor, input: CeilingInput, requestId: string): Promise<string> {
  const values = valuesOf(input);
  return db.transaction(async (tx) => {
    await checkFree(tx, actor, values, null);
    const id = newId();
    await insertCeilings(tx, [{ ...values, workspaceId: actor.workspaceId, id, createdBy: actor.userId }]);
    await audit(tx, actor, 'income_ceiling.create', 'income_ceiling', id, Object.keys(values), requestId);
    return id;
  });
}

export async function editCeiling(db: Db, actor: Actor, id: string, input: CeilingInput, requestId: string) {
  const values = valuesOf(input);
  await db.transaction(async (tx) => {
    const before = await findCeiling(tx, actor.workspaceId, id);
    if (!before) throw notFound();
    await checkFree(tx, actor, values, id);
    const changed = changedFieldsOf(before as Record<string, unknown>, values);
    if (changed.length === 0) return;
    await updateCeiling(tx, actor.workspaceId, id, values);
    await audit(tx, actor, 'income_ceiling.update', 'income_ceiling', id, changed, requestId);
  });
}

export async function removeCeiling(db: Db, actor: Actor, id: string, requestId: string) {
  await db.transaction(async (tx) => {
    if (!(await findCeiling(tx, actor.workspaceId, id))) throw notFound();
    await deleteCeiling(tx, actor.workspaceId, id);
    await audit(tx, actor, 'income_ceiling.delete', 'income_ceiling', id, [], requestId);
  });
}

export async function saveAdmissionSettings(db: Db, actor: Actor, input: AdmissionSettingsInput, requestId: string) {
  await db.transaction(async (tx) => {
    const before = await findMatchingSettings(tx, actor.workspaceId);
    const values = {
      residenceGirMin: input.residenceGirMin,
      residenceGirMax: input.residenceGirMax,
      asvMaxGir: input.asvMaxGir,
    };
    const changed = before
      ? changedFieldsOf(before as Record<string, unknown>, values)
      : Object.keys(values).filter((k) => values[k as keyof typeof values] !== null);
    if (changed.length === 0) return;
    const id = before?.id ?? newId();
    await upsertMatchingSettings(tx, actor.workspaceId, id, values);
    await audit(tx, actor, 'matching_settings.update', 'matching_settings', id, changed, requestId);
  });
}
