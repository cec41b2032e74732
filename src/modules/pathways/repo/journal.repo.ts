import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { pathwayJournalEntries } from '#src/modules/pathways/db/schema.ts';

/** Inserts an entry unless its id exists already (a replayed create); true when inserted. */
export async function insertJournalEntry(db: Db, row: typeof pathwayJournalEntries.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(pathwayJournalEntries)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: pathwayJournalEntries.id });
  return inserted.length > 0;
}

/** A private note exists only for its author: every read of the journal goes through this predicate. */
const readableBy = (userId: string) =>
  or(eq(pathwayJournalEntries.private, false), eq(pathwayJournalEntries.authorUserId, userId))!;

const entryColumns = {
  id: pathwayJournalEntries.id,
  kind: pathwayJournalEntries.kind,
  occurredAt: pathwayJournalEntries.occurredAt,
  authorUserId: pathwayJournalEntries.authorUserId,
  authorName: sql<string>`(select name from auth_user u where u.id = ${pathwayJournalEntries.authorUserId})`,
  secondVisitorUserId: pathwayJournalEntries.secondVisitorUserId,
  secondVisitorName: sql<
    string | null
  >`(select name from auth_user u where u.id = ${pathwayJournalEntries.secondVisitorUserId})`,
  body: pathwayJournalEntries.body,
  private: pathwayJournalEntries.private,
  correctsEntryId: pathwayJournalEntries.correctsEntryId,
  linkedEntityType: pathwayJournalEntries.linkedEntityType,
  linkedEntityId: pathwayJournalEntries.linkedEntityId,
  createdAt: pathwayJournalEntries.createdAt,
};

export type JournalEntryRow = {
  id: string;
  kind: string;
  occurredAt: Date;
  authorUserId: string;
  authorName: string;
  secondVisitorUserId: string | null;
  secondVisitorName: string | null;
  body: string;
  private: boolean;
  correctsEntryId: string | null;
  linkedEntityType: string | null;
  linkedEntityId: string | null;
  createdAt: Date;
};

export async function listJournal(
  db: Db,
  workspaceId: string,
  pathwayId: string,
  readerId: string,
): Promise<JournalEntryRow[]> {
  return db
    .select(entryColumns)
    .from(pathwayJournalEntries)
    .where(
      and(
        eq(pathwayJournalEntries.workspaceId, workspaceId),
        eq(pathwayJournalEntries.pathwayId, pathwayId),
        readableBy(readerId),
      ),
    )
    .orderBy(asc(pathwayJournalEntries.occurredAt), asc(pathwayJournalEntries.id));
}

export async function findJournalEntry(db: Db, workspaceId: string, pathwayId: string, id: string, readerId: string) {
  const [row] = await db
    .select(entryColumns)
    .from(pathwayJournalEntries)
    .where(
      and(
        eq(pathwayJournalEntries.workspaceId, workspaceId),
        eq(pathwayJournalEntries.pathwayId, pathwayId),
        eq(pathwayJournalEntries.id, id),
        readableBy(readerId),
      ),
    );
  return row ?? null;
}

/** An entry by id whoever wrote it, to recognise a replayed create (its author and pathway are then compared). */
export async function findJournalEntryById(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({
      id: pathwayJournalEntries.id,
      pathwayId: pathwayJournalEntries.pathwayId,
      authorUserId: pathwayJournalEntries.authorUserId,
    })
    .from(pathwayJournalEntries)
    .where(and(eq(pathwayJournalEntries.workspaceId, workspaceId), eq(pathwayJournalEntries.id, id)));
  return row ?? null;
}
