import { writeAudit, changedFieldsOf } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { readWorkbook } from '#src/modules/forms/index.ts';
import {
  MAX_IMPORT_BYTES,
  type DistributorInput,
  type ImportReport,
} from '#src/modules/catalogue/api/catalogue.schema.ts';
import { isoClasses } from '#src/modules/catalogue/domain/iso.ts';
import { checkIsoRows } from '#src/modules/catalogue/domain/iso-import.ts';
import { parseCsv, type TableRow } from '#src/modules/catalogue/domain/table-file.ts';
import {
  findDistributor,
  insertDistributors,
  listDistributors,
  listIsoCodes,
  updateDistributor,
  upsertIsoCodes,
} from '#src/modules/catalogue/repo/reference.repo.ts';

const t = messages.catalogue.imports;

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

/** The rows of an uploaded CSV or XLSX file (first sheet); anything else is a field error on `content`. */
export async function readTableFile(content: string): Promise<TableRow[]> {
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) throw fieldError('content', t.tooLarge);
  // Every .xlsx is a zip archive.
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const book = await readWorkbook(bytes).catch(() => {
      throw fieldError('content', t.unreadable);
    });
    return Object.values(book)[0] ?? [];
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: false });
  return parseCsv(text);
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
  let rows: TableRow[];
  try {
    rows = await readTableFile(input.content);
  } catch (error) {
    if (error instanceof TypeError) throw fieldError('content', t.unreadable); // not UTF-8 text
    throw error;
  }
  const { lines, headerError } = checkIsoRows(rows);
  if (headerError) throw fieldError('content', headerError);
  const report = (created: number, updated: number): ImportReport => ({
    created,
    updated,
    rows: lines.map((l) => ({ row: l.row, code: l.code, errors: l.errors })),
  });
  const errors = lines.filter((l) => l.errors.length > 0).length;
  if (errors > 0)
    throw new AppError('validation_failed', { message: t.refused(errors), details: { report: report(0, 0) } });
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
    return report(lines.length - updated, updated);
  });
}
