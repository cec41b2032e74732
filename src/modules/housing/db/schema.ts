import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';
import type { AdaptationWork } from '#src/modules/housing/domain/supply.ts';
import type { ProgrammeLabel, UnitsPlannedRow } from '#src/modules/housing/domain/supply.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

// Every housing row belongs to one landlord organisation: the landlord-scope rule filters on it.
const orgFk = (t: { workspaceId: AnyPgColumn; organizationId: AnyPgColumn }) =>
  foreignKey({
    columns: [t.workspaceId, t.organizationId],
    foreignColumns: [organizations.workspaceId, organizations.id],
  });

/** What a landlord (an organisation of kind `landlord`) tells the CCAS about itself, beyond the organisation row. */
export const landlordProfiles = pgTable(
  'housing_landlord_profiles',
  {
    ...tenantColumns,
    organizationId: uuid('organization_id').notNull(),
    tradeName: text('trade_name'),
    legalCategory: text('legal_category'),
    inseeLegalCategory: text('insee_legal_category'),
    groupName: text('group_name'),
    offerKinds: text('offer_kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    adaptationPolicy: text('adaptation_policy'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    orgFk(t),
    uniqueIndex('housing_landlord_profiles_org_unique').on(t.workspaceId, t.organizationId),
  ],
);

/** A named contact at a landlord, per role (attributions, gestion locative, référent seniors, travaux…). */
export const landlordContacts = pgTable(
  'housing_landlord_contacts',
  {
    ...tenantColumns,
    organizationId: uuid('organization_id').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    orgFk(t),
    index('housing_landlord_contacts_org_idx').on(t.workspaceId, t.organizationId),
  ],
);

/** A label awarded to a landlord (HSS, Cap'Autonomie, HS2…), with its dates and scope. */
export const landlordLabels = pgTable(
  'housing_landlord_labels',
  {
    ...tenantColumns,
    organizationId: uuid('organization_id').notNull(),
    label: text('label').notNull(),
    awardedOn: date('awarded_on'),
    expiresOn: date('expires_on'),
    scope: text('scope'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    orgFk(t),
    index('housing_landlord_labels_org_idx').on(t.workspaceId, t.organizationId),
  ],
);

/** One version of the workspace's "bien vieillir" charter. */
export const charters = pgTable(
  'housing_charters',
  {
    ...tenantColumns,
    version: integer('version').notNull(),
    title: text('title').notNull(),
    adoptedOn: date('adopted_on'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex('housing_charters_version_unique').on(t.workspaceId, t.version),
  ],
);

export const charterCommitments = pgTable(
  'housing_charter_commitments',
  {
    ...tenantColumns,
    charterId: uuid('charter_id').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    indicator: text('indicator').notNull(),
    target: text('target'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.charterId], foreignColumns: [charters.workspaceId, charters.id] }),
    uniqueIndex('housing_charter_commitments_code_unique').on(t.workspaceId, t.charterId, t.code),
  ],
);

/** A landlord's signature of one charter version, with the commitments it took (codes of that version). */
export const charterSignatures = pgTable(
  'housing_charter_signatures',
  {
    ...tenantColumns,
    charterId: uuid('charter_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    signedOn: date('signed_on').notNull(),
    commitmentCodes: text('commitment_codes').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.charterId], foreignColumns: [charters.workspaceId, charters.id] }),
    orgFk(t),
    uniqueIndex('housing_charter_signatures_unique').on(t.workspaceId, t.charterId, t.organizationId),
  ],
);

/** The yearly follow-up of one commitment by one landlord. */
export const charterReviews = pgTable(
  'housing_charter_reviews',
  {
    ...tenantColumns,
    commitmentId: uuid('commitment_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    year: smallint('year').notNull(),
    value: text('value').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.commitmentId],
      foreignColumns: [charterCommitments.workspaceId, charterCommitments.id],
    }),
    orgFk(t),
    uniqueIndex('housing_charter_reviews_unique').on(t.workspaceId, t.organizationId, t.commitmentId, t.year),
  ],
);

/** A landlord's operation: new build, rehabilitation, senior residence, béguinage… */
export const programmes = pgTable(
  'housing_programmes',
  {
    ...tenantColumns,
    organizationId: uuid('organization_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    phase: text('phase').notNull(),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeInsee: text('commune_insee').notNull(),
    /** The commune associée (Lomme 59355 within Lille 59350), when the address lies in one. */
    historicCommuneInsee: text('historic_commune_insee'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    deliveryDate: date('delivery_date'),
    unitsPlanned: jsonb('units_planned').$type<UnitsPlannedRow[]>().notNull().default([]),
    services: text('services')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    labels: jsonb('labels').$type<ProgrammeLabel[]>().notNull().default([]),
    qpv: boolean('qpv'),
    version: integer('version').notNull().default(1),
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(sql`immutable_unaccent(lower(name))`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    orgFk(t),
    index('housing_programmes_org_idx').on(t.workspaceId, t.organizationId),
    index('housing_programmes_search_trgm').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);

/** A programme photo, kept in the database like form attachments; checked by size and magic bytes. */
export const programmePhotos = pgTable(
  'housing_programme_photos',
  {
    ...tenantColumns,
    programmeId: uuid('programme_id').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    caption: text('caption').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.programmeId],
      foreignColumns: [programmes.workspaceId, programmes.id],
    }).onDelete('cascade'),
    index('housing_programme_photos_programme_idx').on(t.workspaceId, t.programmeId),
  ],
);

/** A building entrance and the accessibility of the path from the street to the landings. */
export const buildings = pgTable(
  'housing_buildings',
  {
    ...tenantColumns,
    programmeId: uuid('programme_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    entranceLabel: text('entrance_label').notNull(),
    addressLine: text('address_line'),
    floorsAboveGround: smallint('floors_above_ground'),
    stepsStreetToLobby: smallint('steps_street_to_lobby'),
    rampPresent: boolean('ramp_present'),
    rampSlopePct: numeric('ramp_slope_pct', { precision: 4, scale: 1, mode: 'number' }),
    rampHandrail: boolean('ramp_handrail'),
    entranceHandrail: boolean('entrance_handrail'),
    entranceDoorAutomatic: boolean('entrance_door_automatic'),
    entranceDoorClearWidthCm: smallint('entrance_door_clear_width_cm'),
    liftCount: smallint('lift_count'),
    liftServesAllLandings: boolean('lift_serves_all_landings'),
    liftHalfLevelSteps: smallint('lift_half_level_steps'),
    liftCabinWidthCm: smallint('lift_cabin_width_cm'),
    liftCabinDepthCm: smallint('lift_cabin_depth_cm'),
    stairHandrails: boolean('stair_handrails'),
    automaticLighting: boolean('automatic_lighting'),
    mailboxesReachable: boolean('mailboxes_reachable'),
    disabledParking: boolean('disabled_parking'),
    lastCheckOn: date('last_check_on'),
    lastCheckMethod: text('last_check_method'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.programmeId],
      foreignColumns: [programmes.workspaceId, programmes.id],
    }),
    orgFk(t),
    index('housing_buildings_programme_idx').on(t.workspaceId, t.programmeId),
  ],
);

/** A dwelling with its measured interior; `access_level` is derived from the measurements on every write. */
export const units = pgTable(
  'housing_units',
  {
    ...tenantColumns,
    programmeId: uuid('programme_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    landlordUnitRef: text('landlord_unit_ref').notNull(),
    rplsId: text('rpls_id'),
    floor: smallint('floor').notNull(),
    typology: text('typology').notNull(),
    bedrooms: smallint('bedrooms').notNull(),
    surfaceM2: numeric('surface_m2', { precision: 6, scale: 1, mode: 'number' }),
    individualHouse: boolean('individual_house').notNull().default(false),
    financing: text('financing').notNull(),
    rentEur: numeric('rent_eur', { precision: 8, scale: 2, mode: 'number' }),
    chargesEur: numeric('charges_eur', { precision: 8, scale: 2, mode: 'number' }),
    chargesIncludeHeating: boolean('charges_include_heating'),
    energyClass: text('energy_class'),
    status: text('status').notNull(),
    availableFrom: date('available_from'),
    /** Overrides the building's "lift serves all landings" for this unit's landing, when measured. */
    liftServesLanding: boolean('lift_serves_landing'),
    /** What the landlord declares; checked against the measurements, never used to derive the level. */
    stepFreeAccessDeclared: boolean('step_free_access_declared'),
    entranceDoorClearWidthCm: smallint('entrance_door_clear_width_cm'),
    doorClearWidthMinCm: smallint('door_clear_width_min_cm'),
    internalSteps: smallint('internal_steps'),
    thresholdsMaxCm: smallint('thresholds_max_cm'),
    showerType: text('shower_type'),
    /** Height of the step into the shower or bath, measured. */
    showerStepCm: smallint('shower_step_cm'),
    turningCircle150: boolean('turning_circle_150'),
    grabBars: boolean('grab_bars'),
    showerSeat: boolean('shower_seat'),
    wcRaised: boolean('wc_raised'),
    wcLateralSpace: boolean('wc_lateral_space'),
    wcGrabBar: boolean('wc_grab_bar'),
    wcSeparate: boolean('wc_separate'),
    kitchenPassage150: boolean('kitchen_passage_150'),
    bedroomPassage90: boolean('bedroom_passage_90'),
    shutters: text('shutters'),
    videophone: boolean('videophone'),
    lightPath: boolean('light_path'),
    visualDoorbell: boolean('visual_doorbell'),
    visualContrasts: boolean('visual_contrasts'),
    simpleSignage: boolean('simple_signage'),
    balconyOrGarden: boolean('balcony_or_garden'),
    personalisedFittings: text('personalised_fittings'),
    worksFeasible: boolean('works_feasible'),
    works: text('works')
      .array()
      .$type<AdaptationWork[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    worksLandlordCommitment: boolean('works_landlord_commitment'),
    measuredOn: date('measured_on'),
    measurementMethod: text('measurement_method'),
    /** Derived by domain/access-level.ts from the unit and its building; stored so lists filter on it. */
    accessLevel: text('access_level').notNull(),
    accessFlags: text('access_flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.programmeId],
      foreignColumns: [programmes.workspaceId, programmes.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.buildingId],
      foreignColumns: [buildings.workspaceId, buildings.id],
    }),
    orgFk(t),
    index('housing_units_programme_idx').on(t.workspaceId, t.programmeId),
    index('housing_units_building_idx').on(t.workspaceId, t.buildingId),
    index('housing_units_org_status_idx').on(t.workspaceId, t.organizationId, t.status),
    index('housing_units_status_idx').on(t.workspaceId, t.status),
  ],
);
