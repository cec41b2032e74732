import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  lommeTemplate,
  stageKeyOf,
  type RequiredField,
  type StageDefinition,
} from '#src/modules/pathways/domain/stages.ts';
import {
  deleteStage,
  insertStages,
  listStages,
  stageUsage,
  stageUsageCounts,
  updateStage,
} from '#src/modules/pathways/repo/stages.repo.ts';

const t = messages.pathways.stageAdmin;

/**
 * The workspace's stages; a workspace that has none gets the Lomme template on first use, in the
 * caller's transaction and audited like any other change.
 */
export async function ensureStages(tx: Db, actor: Actor, requestId: string | null): Promise<StageDefinition[]> {
  const existing = await listStages(tx, actor.workspaceId);
  if (existing.length > 0) return existing;
  const inserted = await insertStages(
    tx,
    lommeTemplate.map((s) => ({ ...s, id: newId(), workspaceId: actor.workspaceId })),
  );
  if (inserted > 0) {
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_stage.template_applied',
      entityType: 'pathway_stage',
      requestId,
    });
  }
  return listStages(tx, actor.workspaceId);
}

/** The stages for reading: a plain query, and a transaction only the first time, to apply the template. */
export async function getStages(db: Db, actor: Actor, requestId: string) {
  const existing = await listStages(db, actor.workspaceId);
  if (existing.length > 0) return existing;
  return db.transaction((tx) => ensureStages(tx, actor, requestId));
}

export async function listStagesForAdmin(db: Db, actor: Actor, requestId: string) {
  return db.transaction(async (tx) => {
    const stages = await ensureStages(tx, actor, requestId);
    const usage = await stageUsageCounts(tx, actor.workspaceId);
    return stages.map((s) => ({ ...s, pathwaysNow: usage.current.get(s.id) ?? 0, everUsed: usage.used.has(s.id) }));
  });
}

type StageChange = { label?: string; requiredFields?: RequiredField[]; active?: boolean };

export async function addStage(
  db: Db,
  actor: Actor,
  input: { label: string; requiredFields: RequiredField[] },
  requestId: string,
) {
  return db.transaction(async (tx) => {
    const stages = await ensureStages(tx, actor, requestId);
    const base = stageKeyOf(input.label);
    let key = base;
    for (let n = 2; stages.some((s) => s.key === key); n++) key = `${base}_${n}`;
    // A new stage goes just before the closing one, which stays last.
    const closing = stages.filter((s) => s.active).at(-1);
    const position = closing ? closing.position : (stages.at(-1)?.position ?? 0) + 1;
    if (closing) {
      for (const s of stages.filter((x) => x.position >= position))
        await updateStage(tx, actor.workspaceId, s.id, { position: s.position + 1 });
    }
    const id = newId();
    await insertStages(tx, [
      { id, workspaceId: actor.workspaceId, key, label: input.label, position, requiredFields: input.requiredFields },
    ]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_stage.create',
      entityType: 'pathway_stage',
      entityId: id,
      changedFields: ['label', 'position', 'requiredFields'],
      requestId,
    });
    return id;
  });
}

export async function changeStage(db: Db, actor: Actor, id: string, change: StageChange, requestId: string) {
  await db.transaction(async (tx) => {
    const stages = await ensureStages(tx, actor, requestId);
    const stage = stages.find((s) => s.id === id);
    if (!stage) throw notFound();
    if (change.active === false && stage.active) {
      if ((await stageUsage(tx, actor.workspaceId, id)).current > 0)
        throw fieldError('active', t.inUseCannotDeactivate);
      if (stages.filter((s) => s.active).length <= 2) throw fieldError('active', t.tooFewStages);
    }
    const changed = (Object.keys(change) as (keyof StageChange)[]).filter(
      (k) => change[k] !== undefined && JSON.stringify(change[k]) !== JSON.stringify(stage[k]),
    );
    if (changed.length === 0) return;
    await updateStage(tx, actor.workspaceId, id, change);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_stage.update',
      entityType: 'pathway_stage',
      entityId: id,
      changedFields: changed,
      requestId,
    });
  });
}

/** Sets the order of every stage at once: the list must name each stage exactly once. */
export async function reorderStages(db: Db, actor: Actor, orderedIds: string[], requestId: string) {
  await db.transaction(async (tx) => {
    const stages = await ensureStages(tx, actor, requestId);
    const known = new Set(stages.map((s) => s.id));
    if (
      orderedIds.length !== known.size ||
      new Set(orderedIds).size !== known.size ||
      orderedIds.some((i) => !known.has(i))
    )
      throw fieldError('stageIds', t.orderMustListAll);
    for (const [index, stageId] of orderedIds.entries())
      await updateStage(tx, actor.workspaceId, stageId, { position: index + 1 });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_stage.reorder',
      entityType: 'pathway_stage',
      changedFields: ['position'],
      requestId,
    });
  });
}

/** A stage that any pathway is in, or went through, stays: deactivate it instead. */
export async function removeStage(db: Db, actor: Actor, id: string, requestId: string) {
  await db.transaction(async (tx) => {
    const stages = await ensureStages(tx, actor, requestId);
    if (!stages.some((s) => s.id === id)) throw notFound();
    const usage = await stageUsage(tx, actor.workspaceId, id);
    if (usage.current > 0 || usage.history > 0) throw new AppError('conflict', { message: t.inUseCannotRemove });
    if (stages.filter((s) => s.active && s.id !== id).length < 2)
      throw new AppError('conflict', { message: t.tooFewStages });
    await deleteStage(tx, actor.workspaceId, id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_stage.delete',
      entityType: 'pathway_stage',
      entityId: id,
      requestId,
    });
  });
}
