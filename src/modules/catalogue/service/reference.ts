import { writeAudit, changedFieldsOf } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import type { DistributorInput, ImportReport } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { isoClasses } from '#src/modules/catalogue/domain/iso.ts';
import { checkIsoRows } from '#src/modules/catalogue/domain/iso-import.ts';
import { readTableFile, refuseLinesInError } from '#src/modules/catalogue/service/table-import.ts';
import {
  findDistributor,
  insertDistributors,
  listDistributors,
  listIsoCodes,
  updateDistributor,
  upsertIsoCodes,
} from '#src/modules/catalogue/repo/reference.repo.ts';

export const getDistributors = async (db: Db, actor: Actor) => ({
  items: await listDistributors(db, actor.workspaceId),
});

export async function createDistributor(db: Db, actor: Actor, input: DistributorInput, requestId: string | null) {
  const id = newId();
  await db.transaction(async (tx) => {
    await insertDistributors(tx, [{ ...input, workspaceId: actor.workspaceId, id }]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'catalogue_distributor.create',
      entityType: 'catalogue_distributor',
      entityId: id,
      changedFields: Object.keys(input),
      requestId,
    });
  });
  return { id };
}

export async function editDistributor(
  db: Db,
  actor: Actor,
  id: string,
  input: DistributorInput,
  requestId: string | null,
) {
  await db.transaction(async (tx) => {
    const before = await findDistributor(tx, actor.workspaceId, id);
    if (!before) throw notFound();
    await updateDistributor(tx, actor.workspaceId, id, input);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'catalogue_distributor.update',
      entityType: 'catalogue_distributor',
      entityId: id,
      changedFields: changedFieldsOf(before, input),
      requestId,
    });
  });
}

export async function getIsoList(db: Db, actor: Actor) {
  return { classes: [...isoClasses], imported: await listIsoCodes(db, actor.workspaceId) };
}

/**
 * Imports the workspace's licensed ISO 9999 subclasses and divisions. Any bad line refuses the whole file
 * (400 with the line-by-line report in details.report): nothing is ever half-imported.
 */
export async function importIsoList(
  db: Db,
  actor: Actor,
  input: { content: string; edition: string },
  requestId: string | null,
): Promise<ImportReport> {
  const { lines, headerError } = checkIsoRows(await readTableFile(input.content));
  if (headerError) throw fieldError('content', headerError);
  const rows = lines.map((l) => ({ row: l.row, key: l.code, errors: l.errors }));
  refuseLinesInError(rows);
  return db.transaction(async (tx) => {
    const existing = await upsertIsoCodes(
      tx,
      actor.workspaceId,
      input.edition,
      lines.map((l) => ({ id: newId(), code: l.code, label: l.label, importedBy: actor.userId })),
    );
    const updated = lines.filter((l) => existing.has(l.code)).length;
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'catalogue_iso_list.import',
      entityType: 'catalogue_iso_list',
      changedFields: ['code', 'label'],
      requestId,
    });
    return { created: lines.length - updated, updated, rows };
  });
}
