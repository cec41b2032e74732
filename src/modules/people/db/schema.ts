import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';

export const persons = pgTable(
  'persons',
  {
    ...tenantColumns,
    owningOrganizationId: uuid('owning_organization_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date'),
    communeInsee: text('commune_insee'),
    // Lower-cased and accent-free, so search ignores accents and trigram matching tolerates typos.
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(sql`immutable_unaccent(lower(first_name || ' ' || last_name))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.owningOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    index('persons_search_name_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);

/** Who may open a person's file beyond the organisation-wide roles: the row-level rule for person files. */
export const caseTeamMembers = pgTable(
  'case_team_members',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id').notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    index('case_team_members_user_idx').on(t.workspaceId, t.userId),
    index('case_team_members_person_idx').on(t.workspaceId, t.personId),
  ],
);
