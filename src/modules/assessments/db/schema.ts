import { date, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '#src/shared/db/columns.ts';
import { users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathways } from '#src/modules/pathways/db/schema.ts';

/**
 * One AGGIR grid filled for a person. The answers are kept as given (parts of the composite
 * variables included) along with the GIR and rank computed at the time, so a later reading shows
 * what the evaluator saw. Never updated: a new assessment is a new row.
 */
export const aggirAssessments = pgTable(
  'aggir_assessments',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    pathwayId: uuid('pathway_id'),
    assessedOn: date('assessed_on').notNull(),
    evaluatorUserId: uuid('evaluator_user_id')
      .notNull()
      .references(() => users.id),
    ratings: jsonb('ratings').$type<Record<string, string>>().notNull(),
    gir: smallint('gir').notNull(),
    rank: smallint('rank').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    index('aggir_assessments_person_idx').on(t.workspaceId, t.personId, t.assessedOn),
  ],
);
