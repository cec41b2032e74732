import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathways } from '#src/modules/pathways/db/schema.ts';
import { products } from '#src/modules/catalogue/db/schema.ts';

/**
 * A trial of a catalogue product by a person (or by a professional, who has no file), led by a therapist,
 * with its outcome and, once the product was acquired, the follow-up three months later. The follow-up
 * lives on the trial: there is one per acquisition.
 */
export const trials = pgTable(
  'trials',
  {
    ...tenantColumns,
    personId: uuid('person_id'),
    professionalName: text('professional_name'),
    professionalOrganization: text('professional_organization'),
    productId: uuid('product_id').notNull(),
    therapistUserId: uuid('therapist_user_id')
      .notNull()
      .references(() => users.id),
    pathwayId: uuid('pathway_id'),
    context: text('context').notNull(),
    triedOn: date('tried_on').notNull(),
    outcome: text('outcome').notNull(),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reasonNote: text('reason_note'),
    /** 1 (not at all satisfied) to 5 (very satisfied); null when the person gave no rating. */
    satisfaction: smallint('satisfaction'),
    /** The person's own words. */
    opinion: text('opinion'),
    acquiredOn: date('acquired_on'),
    followUpDueOn: date('follow_up_due_on'),
    followUpRemindedAt: timestamp('follow_up_reminded_at', { withTimezone: true }),
    followedUpOn: date('followed_up_on'),
    usage: text('usage'),
    abandonmentReasons: text('abandonment_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    followUpNote: text('follow_up_note'),
    followedUpBy: uuid('followed_up_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    // Either a person with a file or a named professional, never both, never neither.
    check('trials_person_or_professional', sql`(person_id is not null) <> (professional_name is not null)`),
    check('trials_satisfaction_scale', sql`satisfaction is null or satisfaction between 1 and 5`),
    check('trials_follow_up_after_acquisition', sql`usage is null or acquired_on is not null`),
    index('trials_product_idx').on(t.workspaceId, t.productId),
    index('trials_person_idx').on(t.workspaceId, t.personId),
    index('trials_tried_on_idx').on(t.workspaceId, t.triedOn),
    // The daily sweep reads only the follow-ups still to do.
    index('trials_follow_up_due_idx')
      .on(t.workspaceId, t.followUpDueOn)
      .where(sql`${t.followUpDueOn} is not null and ${t.usage} is null`),
  ],
);
