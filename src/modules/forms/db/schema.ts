import {
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathwayJournalEntries, pathways } from '#src/modules/pathways/db/schema.ts';

/** A form a workspace uses (its current content is its latest version); the shipped ones are applied when it has none. */
export const formTemplates = pgTable(
  'form_templates',
  {
    ...tenantColumns,
    key: text('key').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex('form_templates_key_unique').on(t.workspaceId, t.key),
  ],
);

/** A published version: never updated, so every response keeps the exact questions it answered. */
export const formTemplateVersions = pgTable(
  'form_template_versions',
  {
    ...tenantColumns,
    templateId: uuid('template_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.templateId],
      foreignColumns: [formTemplates.workspaceId, formTemplates.id],
    }),
    uniqueIndex('form_template_versions_number_unique').on(t.workspaceId, t.templateId, t.version),
  ],
);

/** A filled form about a person; the id may come from the client so a replayed create does nothing twice. */
export const formResponses = pgTable(
  'form_responses',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    pathwayId: uuid('pathway_id'),
    // The home visit (a visit entry of the pathway's journal) during which the form was filled.
    visitJournalEntryId: uuid('visit_journal_entry_id'),
    templateVersionId: uuid('template_version_id').notNull(),
    answers: jsonb('answers').notNull(),
    status: text('status').notNull(),
    // Bumped on every change: a writer sends the revision it read, so an offline edit never overwrites a newer one.
    revision: integer('revision').notNull().default(1),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    // One line per answer (question label, tab, answer) with choice labels resolved through the version, written
    // with the answers so that search needs no definition at query time (decision 021).
    searchText: text('search_text').notNull().default(''),
    searchKey: text('search_key')
      .notNull()
      .generatedAlwaysAs(sql`immutable_unaccent(lower(search_text))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    foreignKey({
      columns: [t.workspaceId, t.visitJournalEntryId],
      foreignColumns: [pathwayJournalEntries.workspaceId, pathwayJournalEntries.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.templateVersionId],
      foreignColumns: [formTemplateVersions.workspaceId, formTemplateVersions.id],
    }),
    index('form_responses_person_idx').on(t.workspaceId, t.personId),
    index('form_responses_search_key_trgm').using('gin', sql`${t.searchKey} gin_trgm_ops`),
  ],
);

/** Raw bytes; PGlite hands back a Uint8Array and node-postgres a Buffer, both read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A photo, document or consent signature answering a question; the answer holds its id. The bytes
 * live in the database so the upload commits with its audit row and backups hold them (decision 020).
 */
export const formAttachments = pgTable(
  'form_attachments',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    index('form_attachments_person_idx').on(t.workspaceId, t.personId),
  ],
);
