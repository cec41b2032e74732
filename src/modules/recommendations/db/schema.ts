import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathways } from '#src/modules/pathways/db/schema.ts';
import type { SheetSnapshot, StoredSheetContent } from '#src/modules/recommendations/domain/sheet.ts';

/** The therapist's working copy of a pathway's recommendation sheet (one per pathway). */
export const recommendationSheets = pgTable(
  'recommendation_sheets',
  {
    ...tenantColumns,
    pathwayId: uuid('pathway_id').notNull(),
    personId: uuid('person_id').notNull(),
    content: jsonb('content').$type<StoredSheetContent>().notNull(),
    // Bumped on every write and hand-over: a writer sends the revision it read, so nobody overwrites a newer draft.
    revision: integer('revision').notNull().default(1),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    updatedByUserId: uuid('updated_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    uniqueIndex('recommendation_sheets_pathway_idx').on(t.workspaceId, t.pathwayId),
  ],
);

/**
 * A handed-over version: the content and everything printed with it (products, prices, trial
 * results, the person's age and GIR) as they were that day. Never updated; a trigger refuses it.
 */
export const recommendationSheetVersions = pgTable(
  'recommendation_sheet_versions',
  {
    ...tenantColumns,
    sheetId: uuid('sheet_id').notNull(),
    personId: uuid('person_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<StoredSheetContent>().notNull(),
    snapshot: jsonb('snapshot').$type<SheetSnapshot>().notNull(),
    // For the public portal, later: the person may read this version there.
    sharedWithPerson: boolean('shared_with_person').notNull().default(false),
    handedOverByUserId: uuid('handed_over_by_user_id')
      .notNull()
      .references(() => users.id),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.sheetId],
      foreignColumns: [recommendationSheets.workspaceId, recommendationSheets.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    uniqueIndex('recommendation_sheet_versions_number_idx').on(t.workspaceId, t.sheetId, t.version),
    index('recommendation_sheet_versions_person_idx').on(t.workspaceId, t.personId),
  ],
);
