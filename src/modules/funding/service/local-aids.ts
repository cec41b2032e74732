import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import type { LocalAidInput, LocalAidView } from '#src/modules/funding/api/local-aids.schema.ts';
import {
  findLocalAid,
  insertLocalAids,
  listLocalAidRows,
  localAidOf,
  updateLocalAid,
  type LocalAidRow,
  type LocalAidValues,
} from '#src/modules/funding/repo/local-aids.repo.ts';

const t = messages.fundingRules.localAids.errors;

const viewOf = (row: LocalAidRow): LocalAidView => {
  const { rate, capCents, fixedAmountCents, ...aid } = localAidOf(row);
  return {
    ...aid,
    ratePercent: rate === null ? null : Math.round(rate * 10_000) / 100,
    cap: capCents === null ? null : capCents / 100,
    fixedAmount: fixedAmountCents === null ? null : fixedAmountCents / 100,
  };
};

/** Checks across fields, then the stored shape (rates as shares, amounts in cents). */
function valuesOf(input: LocalAidInput): LocalAidValues {
  if (input.girMin !== null && input.girMax !== null && input.girMin > input.girMax)
    throw fieldError('girMax', t.girRange);
  if (input.inForceTo !== null && input.inForceTo < input.inForceFrom) throw fieldError('inForceTo', t.endBeforeStart);
  if (input.base !== 'fixed' && input.ratePercent === null) throw fieldError('ratePercent', t.rateRequired);
  if (input.incomeCeilingPerExtraPerson !== null && input.incomeCeiling === null)
    throw fieldError('incomeCeiling', t.ceilingRequired);
  const { ratePercent, cap, fixedAmount, revision: _revision, ...rest } = input;
  return {
    ...rest,
    rate: input.base === 'fixed' || ratePercent === null ? null : ratePercent / 100,
    capCents: input.base === 'fixed' || cap === null ? null : cap * 100,
    fixedAmountCents: input.base === 'fixed' && fixedAmount !== null ? fixedAmount * 100 : null,
  };
}

const audit = (tx: Db, actor: Actor, action: string, id: string, changedFields: string[], requestId: string) =>
  writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: `funding_local_aid.${action}`,
    entityType: 'funding_local_aid',
    entityId: id,
    changedFields,
    requestId,
  });

export async function listLocalAidViews(db: Db, actor: Actor): Promise<LocalAidView[]> {
  return (await listLocalAidRows(db, actor.workspaceId)).map(viewOf);
}

export async function createLocalAid(db: Db, actor: Actor, input: LocalAidInput, requestId: string) {
  const values = valuesOf(input);
  return db.transaction(async (tx) => {
    const id = newId();
    await insertLocalAids(tx, [{ ...values, workspaceId: actor.workspaceId, id }]);
    await audit(tx, actor, 'create', id, Object.keys(values), requestId);
    return id;
  });
}

/** Saving over a newer version answers 409 with that version, so the form can show what changed. */
export async function editLocalAid(db: Db, actor: Actor, id: string, input: LocalAidInput, requestId: string) {
  await db.transaction(async (tx) => {
    const before = await findLocalAid(tx, actor.workspaceId, id);
    if (!before || before.archivedAt) throw notFound();
    const values = valuesOf(input);
    if (input.revision !== undefined && input.revision !== before.revision)
      throw new AppError('conflict', { message: t.stale, details: { current: viewOf(before) } });
    const changed = changedFieldsOf(before as Record<string, unknown>, values as Record<string, unknown>);
    if (changed.length === 0) return;
    await updateLocalAid(tx, actor.workspaceId, id, values);
    await audit(tx, actor, 'update', id, changed, requestId);
  });
}

/** Withdrawn, not deleted: plans already computed with it keep their explanation. */
export async function archiveLocalAid(db: Db, actor: Actor, id: string, requestId: string) {
  await db.transaction(async (tx) => {
    const before = await findLocalAid(tx, actor.workspaceId, id);
    if (!before || before.archivedAt) throw notFound();
    await updateLocalAid(tx, actor.workspaceId, id, { archivedAt: new Date() });
    await audit(tx, actor, 'archive', id, ['archivedAt'], requestId);
  });
}
