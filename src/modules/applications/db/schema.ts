import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
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
import { users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathways } from '#src/modules/pathways/db/schema.ts';
import type { PreferenceWeights } from '#src/modules/applications/domain/vocabulary.ts';

/**
 * A senior's social-housing application, mirrored by hand from the SNE (never synced): what the referent
 * needs to match units, with the person's capacities and weighted preferences.
 */
export const housingApplications = pgTable(
  'housing_applications',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    pathwayId: uuid('pathway_id').notNull(),
    sneNumber: text('sne_number').notNull(),
    system: text('system').notNull(),
    firstFiledOn: date('first_filed_on').notNull(),
    lastRenewedOn: date('last_renewed_on'),
    /** One year after the last renewal (or the filing): stored so the reminder sweep can index it. */
    expiresOn: date('expires_on').notNull(),
    status: text('status').notNull(),
    isTransfer: boolean('is_transfer').notNull(),
    lastCheckedInSneOn: date('last_checked_in_sne_on'),
    wishedCommunes: text('wished_communes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    communesStrict: boolean('communes_strict').notNull().default(true),
    wishedTypologies: text('wished_typologies')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    maxBudgetEur: integer('max_budget_eur'),
    maxStepsClimbable: smallint('max_steps_climbable'),
    walkingAid: text('walking_aid'),
    needsStepFreeShower: boolean('needs_step_free_shower'),
    needsLift: boolean('needs_lift'),
    secondBedroomRequired: boolean('second_bedroom_required').notNull().default(false),
    floorPreference: text('floor_preference'),
    /** Where the family or carer lives, for the "near family" criterion (coordinates only, no address). */
    familyLatitude: doublePrecision('family_latitude'),
    familyLongitude: doublePrecision('family_longitude'),
    weights: jsonb('weights').$type<PreferenceWeights>().notNull().default({}),
    /** The EPCI's official cotation, copied for display only: Demeure never ranks people. */
    cotationPoints: integer('cotation_points'),
    cotationGridVersion: text('cotation_grid_version'),
    cotationAsOf: date('cotation_as_of'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    uniqueIndex('housing_applications_sne_unique').on(t.workspaceId, t.sneNumber),
    index('housing_applications_pathway_idx').on(t.workspaceId, t.pathwayId),
    index('housing_applications_person_idx').on(t.workspaceId, t.personId),
    index('housing_applications_expiry_idx').on(t.workspaceId, t.status, t.expiresOn),
  ],
);

/** One row per renewal reminder sent (application, expiry date, days before): a reminder leaves once. */
export const applicationRenewalReminders = pgTable(
  'housing_application_renewal_reminders',
  {
    ...tenantColumns,
    applicationId: uuid('application_id').notNull(),
    expiresOn: date('expires_on').notNull(),
    daysBefore: smallint('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.applicationId],
      foreignColumns: [housingApplications.workspaceId, housingApplications.id],
    }).onDelete('cascade'),
    uniqueIndex('housing_application_renewal_reminders_unique').on(
      t.workspaceId,
      t.applicationId,
      t.expiresOn,
      t.daysBefore,
    ),
  ],
);

/** Places that matter to a senior (doctor, pharmacy, food shop, transit stop…), for walking times. */
export const pointsOfInterest = pgTable(
  'points_of_interest',
  {
    ...tenantColumns,
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    communeInsee: text('commune_insee').notNull(),
    /** For transit stops: step-free boarding; null when not known. */
    accessible: boolean('accessible'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    index('points_of_interest_kind_idx').on(t.workspaceId, t.kind),
  ],
);
