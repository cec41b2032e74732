import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { pathwaySolutionOptions } from '#src/modules/pathways/db/schema.ts';

export type OptionValues = Pick<
  typeof pathwaySolutionOptions.$inferInsert,
  | 'kind'
  | 'description'
  | 'professionalAssessment'
  | 'personStance'
  | 'personWords'
  | 'criteria'
  | 'otherCriteria'
  | 'familyPosition'
>;

const optionColumns = {
  id: pathwaySolutionOptions.id,
  pathwayId: pathwaySolutionOptions.pathwayId,
  kind: pathwaySolutionOptions.kind,
  description: pathwaySolutionOptions.description,
  professionalAssessment: pathwaySolutionOptions.professionalAssessment,
  personStance: pathwaySolutionOptions.personStance,
  personWords: pathwaySolutionOptions.personWords,
  criteria: pathwaySolutionOptions.criteria,
  otherCriteria: pathwaySolutionOptions.otherCriteria,
  familyPosition: pathwaySolutionOptions.familyPosition,
  chosenOn: pathwaySolutionOptions.chosenOn,
};

export type OptionRow = { id: string; pathwayId: string; chosenOn: string | null } & Required<{
  [K in keyof OptionValues]: Exclude<OptionValues[K], undefined>;
}>;

export async function insertOption(db: Db, row: typeof pathwaySolutionOptions.$inferInsert): Promise<void> {
  await db.insert(pathwaySolutionOptions).values(row);
}

export async function listOptions(db: Db, workspaceId: string, pathwayId: string): Promise<OptionRow[]> {
  return await db
    .select(optionColumns)
    .from(pathwaySolutionOptions)
    .where(and(eq(pathwaySolutionOptions.workspaceId, workspaceId), eq(pathwaySolutionOptions.pathwayId, pathwayId)))
    .orderBy(asc(pathwaySolutionOptions.createdAt), asc(pathwaySolutionOptions.id));
}

export async function findOption(db: Db, workspaceId: string, id: string): Promise<OptionRow | null> {
  const [row] = await db
    .select(optionColumns)
    .from(pathwaySolutionOptions)
    .where(and(eq(pathwaySolutionOptions.workspaceId, workspaceId), eq(pathwaySolutionOptions.id, id)));
  return row ?? null;
}

export async function updateOption(db: Db, workspaceId: string, id: string, values: Partial<OptionValues>) {
  await db
    .update(pathwaySolutionOptions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(pathwaySolutionOptions.workspaceId, workspaceId), eq(pathwaySolutionOptions.id, id)));
}

/** The person's choice: one option at most, so the previous choice is cleared first. */
export async function setChosenOption(db: Db, workspaceId: string, pathwayId: string, id: string, chosenOn: string) {
  await db
    .update(pathwaySolutionOptions)
    .set({ chosenOn: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(pathwaySolutionOptions.workspaceId, workspaceId),
        eq(pathwaySolutionOptions.pathwayId, pathwayId),
        isNotNull(pathwaySolutionOptions.chosenOn),
      ),
    );
  await db
    .update(pathwaySolutionOptions)
    .set({ chosenOn, updatedAt: sql`now()` })
    .where(and(eq(pathwaySolutionOptions.workspaceId, workspaceId), eq(pathwaySolutionOptions.id, id)));
}
