import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathways } from '#src/modules/pathways/db/schema.ts';
import { programmes, units } from '#src/modules/housing/db/schema.ts';
import { housingApplications } from '#src/modules/applications/db/schema.ts';

/** A session of a landlord's allocation committee (CALEOL), where offers are decided and ranked. */
export const allocationCommittees = pgTable(
  'offer_allocation_committees',
  {
    ...tenantColumns,
    landlordOrganizationId: uuid('landlord_organization_id').notNull(),
    heldOn: date('held_on').notNull(),
    commune: text('commune').notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.landlordOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    index('offer_allocation_committees_landlord_idx').on(t.workspaceId, t.landlordOrganizationId, t.heldOn),
  ],
);

/**
 * An offer of a unit to a social-housing application. The landlord, programme, typology and commune are
 * copied from the unit when the offer is made, so reports count what was offered even after the unit changes.
 */
export const offers = pgTable(
  'offers',
  {
    ...tenantColumns,
    applicationId: uuid('application_id').notNull(),
    personId: uuid('person_id').notNull(),
    pathwayId: uuid('pathway_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    landlordOrganizationId: uuid('landlord_organization_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    typology: text('typology').notNull(),
    unitLabel: text('unit_label').notNull(),
    origin: text('origin').notNull(),
    status: text('status').notNull(),
    proposedOn: date('proposed_on').notNull(),
    visitOn: date('visit_on'),
    committeeId: uuid('committee_id'),
    committeeDecision: text('committee_decision'),
    committeeRank: smallint('committee_rank'),
    committeeCondition: text('committee_condition'),
    notifiedOn: date('notified_on'),
    responseDeadline: date('response_deadline'),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    lateReason: text('late_reason'),
    leaseSignedOn: date('lease_signed_on'),
    movedInOn: date('moved_in_on'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.applicationId],
      foreignColumns: [housingApplications.workspaceId, housingApplications.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    foreignKey({ columns: [t.workspaceId, t.unitId], foreignColumns: [units.workspaceId, units.id] }),
    foreignKey({
      columns: [t.workspaceId, t.programmeId],
      foreignColumns: [programmes.workspaceId, programmes.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.landlordOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.committeeId],
      foreignColumns: [allocationCommittees.workspaceId, allocationCommittees.id],
    }),
    index('offers_application_idx').on(t.workspaceId, t.applicationId),
    index('offers_person_idx').on(t.workspaceId, t.personId),
    index('offers_landlord_idx').on(t.workspaceId, t.landlordOrganizationId, t.status),
    index('offers_deadline_idx').on(t.workspaceId, t.status, t.responseDeadline),
    // One accepted offer per unit, even under concurrent acceptances: the second one fails here (409).
    uniqueIndex('offers_unit_held_unique')
      .on(t.workspaceId, t.unitId)
      .where(sql`${t.status} in ('accepted', 'moved_in')`),
  ],
);

export type WouldAcceptIf = { attribute: string; requiredValue: string };

/** The person's refusal of an offer, with its coded reasons and a frozen copy of the refused unit. */
export const offerRefusals = pgTable(
  'offer_refusals',
  {
    ...tenantColumns,
    offerId: uuid('offer_id').notNull(),
    primaryReason: text('primary_reason').notNull(),
    secondaryReasons: text('secondary_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    stage: text('stage').notNull(),
    verbatim: text('verbatim'),
    wouldAcceptIf: jsonb('would_accept_if')
      .$type<WouldAcceptIf[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    fixableByLandlord: text('fixable_by_landlord').notNull(),
    consequencesExplained: boolean('consequences_explained').notNull().default(false),
    unitSnapshot: jsonb('unit_snapshot').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.offerId], foreignColumns: [offers.workspaceId, offers.id] }),
    uniqueIndex('offer_refusals_offer_unique').on(t.workspaceId, t.offerId),
  ],
);
