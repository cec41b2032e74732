import { writeAudit, changedFieldsOf } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { communeNameOf, isKnownCommune } from '#src/modules/platform/index.ts';
import type { PoiInput, PoiView } from '#src/modules/applications/api/application.schema.ts';
import type { PoiKind } from '#src/modules/applications/domain/vocabulary.ts';
import {
  deletePoi,
  findPoi,
  insertPois,
  listPois,
  updatePoi,
  type PoiRow,
} from '#src/modules/applications/repo/applications.repo.ts';

const t = messages.applications;

async function viewOf(p: PoiRow, names: Map<string, string>): Promise<PoiView> {
  if (!names.has(p.communeInsee)) names.set(p.communeInsee, (await communeNameOf(p.communeInsee)) ?? p.communeInsee);
  return {
    id: p.id,
    kind: p.kind as PoiKind,
    name: p.name,
    latitude: p.latitude,
    longitude: p.longitude,
    communeInsee: p.communeInsee,
    communeName: names.get(p.communeInsee)!,
    accessible: p.accessible,
  };
}

export async function listPointsOfInterest(db: Db, actor: Actor): Promise<PoiView[]> {
  const names = new Map<string, string>();
  const views: PoiView[] = [];
  for (const p of await listPois(db, actor.workspaceId)) views.push(await viewOf(p, names));
  return views;
}

async function checked(input: PoiInput) {
  const communeInsee = input.communeInsee.toUpperCase();
  if (!(await isKnownCommune(communeInsee))) throw fieldError('communeInsee', t.errors.commune);
  return { ...input, communeInsee, accessible: input.accessible ?? null };
}

const audit = (tx: Db, actor: Actor, action: string, id: string, changedFields: string[], requestId: string) =>
  writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: `point_of_interest.${action}`,
    entityType: 'point_of_interest',
    entityId: id,
    changedFields,
    requestId,
  });

export async function createPointOfInterest(db: Db, actor: Actor, input: PoiInput, requestId: string) {
  const values = await checked(input);
  return db.transaction(async (tx) => {
    const id = newId();
    await insertPois(tx, [{ ...values, workspaceId: actor.workspaceId, id }]);
    await audit(tx, actor, 'create', id, Object.keys(values), requestId);
    return id;
  });
}

export async function editPointOfInterest(db: Db, actor: Actor, id: string, input: PoiInput, requestId: string) {
  await db.transaction(async (tx) => {
    const before = await findPoi(tx, actor.workspaceId, id);
    if (!before) throw notFound();
    const values = await checked(input);
    const changed = changedFieldsOf(before as Record<string, unknown>, values);
    if (changed.length === 0) return;
    await updatePoi(tx, actor.workspaceId, id, values);
    await audit(tx, actor, 'update', id, changed, requestId);
  });
}

export async function removePointOfInterest(db: Db, actor: Actor, id: string, requestId: string) {
  await db.transaction(async (tx) => {
    if (!(await findPoi(tx, actor.workspaceId, id))) throw notFound();
    await deletePoi(tx, actor.workspaceId, id);
    await audit(tx, actor, 'delete', id, [], requestId);
  });
}
