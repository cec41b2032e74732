import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';

/** The stages a workspace's pathways go through, in order; the Lomme template is applied when a workspace has none. */
export const pathwayStages = pgTable(
  'pathway_stages',
  {
    ...tenantColumns,
    key: text('key').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
    // Keys of the required-field catalogue (domain/required-fields.ts) that must be filled to leave the stage.
    requiredFields: jsonb('required_fields')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex('pathway_stages_key_unique').on(t.workspaceId, t.key),
  ],
);

export const pathways = pgTable(
  'pathways',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    owningOrganizationId: uuid('owning_organization_id').notNull(),
    referentUserId: uuid('referent_user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel').notNull(),
    stageId: uuid('stage_id').notNull(),
    stageEnteredOn: date('stage_entered_on').notNull(),
    openedOn: date('opened_on').notNull(),
    qualificationSummary: text('qualification_summary'),
    outcome: text('outcome'),
    closureReason: text('closure_reason'),
    closedOn: date('closed_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({
      columns: [t.workspaceId, t.owningOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.stageId], foreignColumns: [pathwayStages.workspaceId, pathwayStages.id] }),
    index('pathways_person_idx').on(t.workspaceId, t.personId),
    index('pathways_referent_idx').on(t.workspaceId, t.referentUserId),
    index('pathways_stage_idx').on(t.workspaceId, t.stageId),
  ],
);

/** Every stage change, dated by when it happened (not when it was typed): time per stage is computed from it. */
export const pathwayTransitions = pgTable(
  'pathway_transitions',
  {
    ...tenantColumns,
    pathwayId: uuid('pathway_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on').notNull(),
    reason: text('reason'),
    // Copied at closure so closures by reason per period survive a later reopening.
    outcome: text('outcome'),
    closureReason: text('closure_reason'),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    foreignKey({
      columns: [t.workspaceId, t.fromStageId],
      foreignColumns: [pathwayStages.workspaceId, pathwayStages.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.toStageId],
      foreignColumns: [pathwayStages.workspaceId, pathwayStages.id],
    }),
    index('pathway_transitions_pathway_idx').on(t.workspaceId, t.pathwayId, t.effectiveOn),
  ],
);

/** Append-only (docs/decisions/013): a correction is a new entry pointing at the one it corrects. */
export const pathwayJournalEntries = pgTable(
  'pathway_journal_entries',
  {
    ...tenantColumns,
    pathwayId: uuid('pathway_id').notNull(),
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    secondVisitorUserId: uuid('second_visitor_user_id').references(() => users.id),
    body: text('body').notNull(),
    private: boolean('private').notNull().default(false),
    correctsEntryId: uuid('corrects_entry_id'),
    // What the entry is about when another module wrote it (e.g. a submitted form response): a loose
    // link, so pathways never depends on the module that owns the record.
    linkedEntityType: text('linked_entity_type'),
    linkedEntityId: uuid('linked_entity_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    foreignKey({
      columns: [t.workspaceId, t.correctsEntryId],
      foreignColumns: [t.workspaceId, t.id],
    }),
    index('pathway_journal_pathway_idx').on(t.workspaceId, t.pathwayId, t.occurredAt),
  ],
);

export const pathwayTasks = pgTable(
  'pathway_tasks',
  {
    ...tenantColumns,
    pathwayId: uuid('pathway_id').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    assigneeUserId: uuid('assignee_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('open'),
    remindAt: timestamp('remind_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    index('pathway_tasks_pathway_idx').on(t.workspaceId, t.pathwayId),
    index('pathway_tasks_assignee_idx').on(t.workspaceId, t.assigneeUserId, t.status, t.dueDate),
    // The reminder job scans every workspace for open tasks whose reminder is due and not yet sent.
    index('pathway_tasks_reminder_due_idx')
      .on(t.remindAt)
      .where(sql`status = 'open' and reminded_at is null`),
  ],
);

export const pathwaySolutionOptions = pgTable(
  'pathway_solution_options',
  {
    ...tenantColumns,
    pathwayId: uuid('pathway_id').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    professionalAssessment: text('professional_assessment'),
    personStance: text('person_stance'),
    personWords: text('person_words'),
    // Keys of the "non-rational" criteria that matter to the person (domain/solutions.ts).
    criteria: jsonb('criteria')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    otherCriteria: text('other_criteria'),
    familyPosition: text('family_position'),
    chosenOn: date('chosen_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    index('pathway_solution_options_pathway_idx').on(t.workspaceId, t.pathwayId),
    // The person chooses one option at most.
    uniqueIndex('pathway_solution_options_one_chosen')
      .on(t.workspaceId, t.pathwayId)
      .where(sql`chosen_on is not null`),
  ],
);
