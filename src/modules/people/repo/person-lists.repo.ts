import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { caregivers, householdMembers, professionals } from '#src/modules/people/db/schema.ts';

/** The lists of a person's file: each is edited as a whole, in the order the user gave. */
const tables = { householdMembers, caregivers, professionals } as const;
export type PersonListName = keyof typeof tables;

export type HouseholdMemberRow = typeof householdMembers.$inferSelect;
export type CaregiverRow = typeof caregivers.$inferSelect;
export type ProfessionalRow = typeof professionals.$inferSelect;

export async function listHouseholdMembers(db: Db, workspaceId: string, personId: string) {
  return db
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.workspaceId, workspaceId), eq(householdMembers.personId, personId)))
    .orderBy(asc(householdMembers.position));
}

export async function listCaregivers(db: Db, workspaceId: string, personId: string) {
  return db
    .select()
    .from(caregivers)
    .where(and(eq(caregivers.workspaceId, workspaceId), eq(caregivers.personId, personId)))
    .orderBy(asc(caregivers.position));
}

export async function listProfessionals(db: Db, workspaceId: string, personId: string) {
  return db
    .select()
    .from(professionals)
    .where(and(eq(professionals.workspaceId, workspaceId), eq(professionals.personId, personId)))
    .orderBy(asc(professionals.position));
}

type ListRows = {
  householdMembers: Omit<typeof householdMembers.$inferInsert, 'workspaceId' | 'personId' | 'position'>[];
  caregivers: Omit<typeof caregivers.$inferInsert, 'workspaceId' | 'personId' | 'position'>[];
  professionals: Omit<typeof professionals.$inferInsert, 'workspaceId' | 'personId' | 'position'>[];
};

/** Replaces one list of a file with the rows given (ids kept for the rows that stay). */
export async function replacePersonList<N extends PersonListName>(
  db: Db,
  workspaceId: string,
  personId: string,
  name: N,
  rows: ListRows[N],
): Promise<void> {
  const table = tables[name];
  await db.delete(table).where(and(eq(table.workspaceId, workspaceId), eq(table.personId, personId)));
  if (rows.length === 0) return;
  await db.insert(table).values(rows.map((row, position) => ({ ...row, workspaceId, personId, position })) as never);
}

/** Before a merge: the kept file's main caregiver stays the only main one. */
export async function demoteMainCaregiverIfKeptHasOne(
  db: Db,
  workspaceId: string,
  input: { duplicateId: string; keptId: string },
): Promise<void> {
  const [kept] = await db
    .select({ id: caregivers.id })
    .from(caregivers)
    .where(
      and(eq(caregivers.workspaceId, workspaceId), eq(caregivers.personId, input.keptId), eq(caregivers.isMain, true)),
    );
  if (!kept) return;
  await db
    .update(caregivers)
    .set({ isMain: false })
    .where(and(eq(caregivers.workspaceId, workspaceId), eq(caregivers.personId, input.duplicateId)));
}
