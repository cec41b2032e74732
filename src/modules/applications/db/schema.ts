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
    /** Household size and reference tax income (RFR of year N-2) as the referent entered them, for ceilings. */
    householdSize: smallint('household_size'),
    referenceIncomeEur: integer('reference_income_eur'),
    referenceIncomeYear: smallint('reference_income_year'),
    /** Programme services the person wishes for (the housing module's vocabulary). */
    wishedServices: text('wished_services')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
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

/**
 * Resource ceilings of social-housing financings (PLAI, PLUS, PLS) per household size, as the workspace
 * copies them from the current arrêté: the official figures are not shipped with Demeure. A value applies
 * from `valid_from` until the next one for the same financing and size.
 */
export const incomeCeilings = pgTable(
  'housing_income_ceilings',
  {
    ...tenantColumns,
    financing: text('financing').notNull(),
    householdSize: smallint('household_size').notNull(),
    validFrom: date('valid_from').notNull(),
    ceilingEur: integer('ceiling_eur').notNull(),
    /** Where the figure comes from (the arrêté and its date), or a note that it is a demo value. */
    source: text('source'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex('housing_income_ceilings_unique').on(t.workspaceId, t.financing, t.householdSize, t.validFrom),
  ],
);

/**
 * The workspace's admission rules for the matching's programme-path constraint: the GIR range of a
 * résidence autonomie when the residences module has none for it, and the highest GIR that counts as a
 * loss of autonomy for ASV priority programmes. Null = not set (the constraint stays "à vérifier").
 */
export const matchingSettings = pgTable(
  'housing_matching_settings',
  {
    ...tenantColumns,
    residenceGirMin: smallint('residence_gir_min'),
    residenceGirMax: smallint('residence_gir_max'),
    asvMaxGir: smallint('asv_max_gir'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex('housing_matching_settings_workspace_unique').on(t.workspaceId),
  ],
);
