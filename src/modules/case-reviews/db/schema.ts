import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';
import { pathways, pathwayTasks } from '#src/modules/pathways/db/schema.ts';

/** A collective case review (synthèse): a meeting of several services about several pathways. */
export const caseReviews = pgTable(
  'case_reviews',
  {
    ...tenantColumns,
    title: text('title').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    place: text('place'),
    // The organising organisation: its organisation-wide roles see the meeting without attending.
    organizationId: uuid('organization_id').notNull(),
    organizerUserId: uuid('organizer_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    index('case_reviews_scheduled_idx').on(t.workspaceId, t.scheduledAt),
  ],
);

export const caseReviewParticipants = pgTable(
  'case_review_participants',
  {
    ...tenantColumns,
    caseReviewId: uuid('case_review_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.caseReviewId], foreignColumns: [caseReviews.workspaceId, caseReviews.id] }),
    uniqueIndex('case_review_participants_unique').on(t.workspaceId, t.caseReviewId, t.userId),
    index('case_review_participants_user_idx').on(t.workspaceId, t.userId),
  ],
);

/**
 * One pathway on the agenda. The person's name is copied when the item is added: the agenda shares
 * it with every participant, while the file itself stays behind the case-team rule.
 */
export const caseReviewItems = pgTable(
  'case_review_items',
  {
    ...tenantColumns,
    caseReviewId: uuid('case_review_id').notNull(),
    pathwayId: uuid('pathway_id').notNull(),
    personId: uuid('person_id').notNull(),
    personName: text('person_name').notNull(),
    position: integer('position').notNull(),
    summary: text('summary'),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.caseReviewId], foreignColumns: [caseReviews.workspaceId, caseReviews.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    uniqueIndex('case_review_items_pathway_unique').on(t.workspaceId, t.caseReviewId, t.pathwayId),
  ],
);

/** A decision taken on an agenda item; when it became a task on the pathway, the task's id. */
export const caseReviewDecisions = pgTable(
  'case_review_decisions',
  {
    ...tenantColumns,
    itemId: uuid('item_id').notNull(),
    text: text('text').notNull(),
    taskId: uuid('task_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.itemId],
      foreignColumns: [caseReviewItems.workspaceId, caseReviewItems.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [pathwayTasks.workspaceId, pathwayTasks.id] }),
    index('case_review_decisions_item_idx').on(t.workspaceId, t.itemId),
  ],
);
