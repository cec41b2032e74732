import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathways } from '#src/modules/pathways/db/schema.ts';

/**
 * An incoming situation before triage. The person is either an existing file or the identity
 * sketch the signaller could give (a phone call rarely brings a birth date).
 */
export const referrals = pgTable(
  'referrals',
  {
    ...tenantColumns,
    channel: text('channel').notNull(),
    raisedByUserId: uuid('raised_by_user_id')
      .notNull()
      .references(() => users.id),
    raisedByOrganizationId: uuid('raised_by_organization_id').notNull(),
    // Names as they were when the referral was raised or decided: the record reads like the letter it replaces.
    raisedByName: text('raised_by_name').notNull(),
    raisedByOrganizationName: text('raised_by_organization_name').notNull(),
    // Who actually signalled when it is not the signed-in user (a neighbour on the phone, a daughter at the desk).
    signalledByName: text('signalled_by_name'),
    signalledByContact: text('signalled_by_contact'),
    personId: uuid('person_id'),
    subjectFirstName: text('subject_first_name'),
    subjectLastName: text('subject_last_name'),
    subjectBirthDate: date('subject_birth_date'),
    subjectApproximateAge: integer('subject_approximate_age'),
    subjectAddress: text('subject_address'),
    subjectCommuneInsee: text('subject_commune_insee'),
    subjectPhone: text('subject_phone'),
    description: text('description').notNull(),
    difficulties: text('difficulties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    urgency: text('urgency').notNull(),
    consent: text('consent').notNull(),
    status: text('status').notNull().default('new'),
    pathwayId: uuid('pathway_id'),
    redirectedToOrganizationId: uuid('redirected_to_organization_id'),
    redirectedToName: text('redirected_to_name'),
    redirectReason: text('redirect_reason'),
    closureReason: text('closure_reason'),
    closureComment: text('closure_comment'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    // Lower-cased and accent-free, so the queue's text filter ignores accents.
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`immutable_unaccent(lower(coalesce(subject_first_name, '') || ' ' || coalesce(subject_last_name, '') || ' ' || coalesce(signalled_by_name, '') || ' ' || description))`,
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.raisedByOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    foreignKey({
      columns: [t.workspaceId, t.redirectedToOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    index('referrals_queue_idx').on(t.workspaceId, t.status, t.createdAt),
    index('referrals_raised_by_idx').on(t.workspaceId, t.raisedByUserId, t.createdAt),
    index('referrals_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);
