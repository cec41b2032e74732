import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';

export const persons = pgTable(
  'persons',
  {
    ...tenantColumns,
    owningOrganizationId: uuid('owning_organization_id').notNull(),
    civility: text('civility'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthName: text('birth_name'),
    birthDate: date('birth_date'),
    phone: text('phone'),
    mobilePhone: text('mobile_phone'),
    email: text('email'),
    preferredChannel: text('preferred_channel'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeInsee: text('commune_insee'),
    /** The historic commune associée or déléguée (Lomme within Lille), when the address lies in one. */
    historicCommuneInsee: text('historic_commune_insee'),
    tenure: text('tenure'),
    landlordOrganizationId: uuid('landlord_organization_id'),
    dwellingType: text('dwelling_type'),
    floor: smallint('floor'),
    hasLift: boolean('has_lift'),
    bathroomType: text('bathroom_type'),
    stairsInside: boolean('stairs_inside'),
    resourcesBand: text('resources_band'),
    gir: smallint('gir'),
    girAssessedOn: date('gir_assessed_on'),
    girSource: text('gir_source'),
    legalProtectionKind: text('legal_protection_kind'),
    protectorName: text('protector_name'),
    protectorContact: text('protector_contact'),
    healthNote: text('health_note'),
    /** Set when this file was absorbed by another one: the row stays, hidden from lists, pointing at the kept file. */
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    /** Optimistic concurrency: every write sends the version it read and bumps it. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
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
    foreignKey({
      columns: [t.workspaceId, t.landlordOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.mergedIntoId],
      foreignColumns: [t.workspaceId, t.id],
    }),
    index('persons_search_name_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('persons_birth_date_idx').on(t.workspaceId, t.birthDate),
  ],
);

/** A consent given by the person for one purpose; withdrawing it keeps the row. */
export const consents = pgTable(
  'consents',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    purpose: text('purpose').notNull(),
    givenOn: date('given_on').notNull(),
    scope: text('scope'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    withdrawnOn: date('withdrawn_on'),
    withdrawalReason: text('withdrawal_reason'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    index('consents_person_idx').on(t.workspaceId, t.personId),
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
    roleLabel: text('role_label'),
    /** For a member from another organisation than the owning one: the sharing consent their access rests on. */
    consentId: uuid('consent_id'),
    addedBy: uuid('added_by').references(() => users.id),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by').references(() => users.id),
    removalReason: text('removal_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.consentId], foreignColumns: [consents.workspaceId, consents.id] }),
    index('case_team_members_user_idx').on(t.workspaceId, t.userId),
    index('case_team_members_person_idx').on(t.workspaceId, t.personId),
    uniqueIndex('case_team_members_active_unique')
      .on(t.workspaceId, t.personId, t.userId)
      .where(sql`removed_at is null`),
  ],
);

const personChild = (t: { workspaceId: AnyPgColumn; personId: AnyPgColumn }) =>
  foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] });

export const householdMembers = pgTable(
  'household_members',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    birthDate: date('birth_date'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    personChild(t),
    index('household_members_person_idx').on(t.workspaceId, t.personId),
  ],
);

export const caregivers = pgTable(
  'caregivers',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    relation: text('relation'),
    phone: text('phone'),
    email: text('email'),
    isMain: boolean('is_main').notNull().default(false),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    personChild(t),
    index('caregivers_person_idx').on(t.workspaceId, t.personId),
    // At most one main caregiver per person.
    uniqueIndex('caregivers_one_main')
      .on(t.workspaceId, t.personId)
      .where(sql`is_main`),
  ],
);

export const professionals = pgTable(
  'person_professionals',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    organization: text('organization'),
    phone: text('phone'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    personChild(t),
    index('person_professionals_person_idx').on(t.workspaceId, t.personId),
  ],
);
