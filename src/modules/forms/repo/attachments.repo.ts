import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { formAttachments } from '#src/modules/forms/db/schema.ts';

export type AttachmentRow = typeof formAttachments.$inferSelect;

const metadataColumns = {
  id: formAttachments.id,
  personId: formAttachments.personId,
  kind: formAttachments.kind,
  fileName: formAttachments.fileName,
  mediaType: formAttachments.mediaType,
  byteSize: formAttachments.byteSize,
  sha256: formAttachments.sha256,
  createdAt: formAttachments.createdAt,
};
export type AttachmentMetadataRow = Omit<AttachmentRow, 'workspaceId' | 'content' | 'createdByUserId'>;

/** Inserts unless the id exists (a replayed upload); true when inserted. */
export async function insertAttachment(db: Db, row: typeof formAttachments.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(formAttachments)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: formAttachments.id });
  return inserted.length > 0;
}

export async function findAttachmentMetadata(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<AttachmentMetadataRow | null> {
  const [row] = await db
    .select(metadataColumns)
    .from(formAttachments)
    .where(and(eq(formAttachments.workspaceId, workspaceId), eq(formAttachments.id, id)));
  return row ?? null;
}

/** Several attachments' metadata at once (checking a response's answers). */
export async function listAttachmentMetadata(
  db: Db,
  workspaceId: string,
  ids: string[],
): Promise<AttachmentMetadataRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(metadataColumns)
    .from(formAttachments)
    .where(and(eq(formAttachments.workspaceId, workspaceId), inArray(formAttachments.id, ids)));
}

/** Attachments with their bytes, for printing; only those of the given person. */
export async function listAttachmentsWithContent(
  db: Db,
  workspaceId: string,
  personId: string,
  ids: string[],
): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(formAttachments)
    .where(
      and(
        eq(formAttachments.workspaceId, workspaceId),
        eq(formAttachments.personId, personId),
        inArray(formAttachments.id, ids),
      ),
    );
}

export async function findAttachment(db: Db, workspaceId: string, id: string): Promise<AttachmentRow | null> {
  const [row] = await db
    .select()
    .from(formAttachments)
    .where(and(eq(formAttachments.workspaceId, workspaceId), eq(formAttachments.id, id)));
  return row ?? null;
}
