import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
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

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The workspace's own ISO 9999 subclasses and divisions, imported from its licensed list. The 11 classes ship
 * with the code (our own labels); ISO's titles are copyrighted, so nothing finer ships.
 */
export const isoCodes = pgTable(
  'catalogue_iso_codes',
  {
    ...tenantColumns,
    /** 4 or 6 digits, no separators. */
    code: text('code').notNull(),
    edition: text('edition').notNull(),
    label: text('label').notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    uniqueIndex('catalogue_iso_codes_code_unique').on(t.workspaceId, t.edition, t.code),
  ],
);

/** A shop or supplier that sells or rents products; local ones are flagged for the recommendation sheet. */
export const distributors = pgTable(
  'catalogue_distributors',
  {
    ...tenantColumns,
    name: text('name').notNull(),
    isLocal: boolean('is_local').notNull().default(false),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  ],
);

/**
 * An assistive product or a home-adaptation solution. Deliberately no field that could rank products
 * commercially (no sponsorship, no promotion, no partner order): see the decision record on neutrality.
 */
export const products = pgTable(
  'catalogue_products',
  {
    ...tenantColumns,
    kind: text('kind').notNull().default('product'),
    name: text('name').notNull(),
    description: text('description'),
    /** 6 digits (`122306`), shown `12 23 06`. */
    primaryIsoCode: text('primary_iso_code').notNull(),
    secondaryIsoCodes: text('secondary_iso_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isoEdition: text('iso_edition').notNull(),
    manufacturer: text('manufacturer'),
    averagePriceCents: integer('average_price_cents'),
    priceDate: date('price_date'),
    priceSource: text('price_source'),
    lppCode: text('lpp_code'),
    /** Tarif de responsabilité. */
    reimbursementBaseCents: integer('lpp_base_cents'),
    /** Prix limite de vente, when one is set. */
    priceCeilingCents: integer('lpp_ceiling_cents'),
    dimensions: text('dimensions'),
    /** `[{ key, value }]`, in the order the documentalist wrote them. */
    features: jsonb('features').$type<{ key: string; value: string }[]>().notNull().default([]),
    /** ICF activity codes (d510…). */
    activities: text('activities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    rooms: text('rooms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    check('catalogue_products_price_dated', sql`average_price_cents is null or price_date is not null`),
    index('catalogue_products_iso_idx').on(t.workspaceId, t.primaryIsoCode),
  ],
);

/** Which distributors sell a product. */
export const productDistributors = pgTable(
  'catalogue_product_distributors',
  {
    ...tenantColumns,
    productId: uuid('product_id').notNull(),
    distributorId: uuid('distributor_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.workspaceId, t.distributorId],
      foreignColumns: [distributors.workspaceId, distributors.id],
    }),
    uniqueIndex('catalogue_product_distributors_unique').on(t.workspaceId, t.productId, t.distributorId),
    index('catalogue_product_distributors_distributor_idx').on(t.workspaceId, t.distributorId),
  ],
);

/** A photo or a document (leaflet, manual) of a product, kept in the database; checked by size and magic bytes. */
export const productFiles = pgTable(
  'catalogue_product_files',
  {
    ...tenantColumns,
    productId: uuid('product_id').notNull(),
    kind: text('kind').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    caption: text('caption').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }).onDelete(
      'cascade',
    ),
    index('catalogue_product_files_product_idx').on(t.workspaceId, t.productId),
  ],
);

/** The full state of a product before each change: the history of the product sheet. */
export const productVersions = pgTable(
  'catalogue_product_versions',
  {
    ...tenantColumns,
    productId: uuid('product_id').notNull(),
    /** The version number the snapshot had. */
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedFields: text('changed_fields').array().notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('catalogue_product_versions_unique').on(t.workspaceId, t.productId, t.version),
  ],
);

/** A loan of products by a manufacturer or partner organisation to the showroom. */
export const loanAgreements = pgTable(
  'catalogue_loan_agreements',
  {
    ...tenantColumns,
    partnerOrganizationId: uuid('partner_organization_id').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    terms: text('terms'),
    /** How many days before the end the team is reminded. */
    reminderDays: integer('reminder_days').notNull().default(30),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.partnerOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    check('catalogue_loan_agreements_dates', sql`ends_on >= starts_on`),
    index('catalogue_loan_agreements_ends_idx').on(t.workspaceId, t.endsOn),
  ],
);

/** One physical item of the showroom or the mobile unit, owned or on loan. */
export const showroomItems = pgTable(
  'catalogue_showroom_items',
  {
    ...tenantColumns,
    productId: uuid('product_id').notNull(),
    location: text('location').notNull(),
    ownership: text('ownership').notNull(),
    loanAgreementId: uuid('loan_agreement_id'),
    state: text('state').notNull(),
    serialNumber: text('serial_number'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
    foreignKey({
      columns: [t.workspaceId, t.loanAgreementId],
      foreignColumns: [loanAgreements.workspaceId, loanAgreements.id],
    }),
    index('catalogue_showroom_items_product_idx').on(t.workspaceId, t.productId),
    index('catalogue_showroom_items_agreement_idx').on(t.workspaceId, t.loanAgreementId),
  ],
);

/**
 * One row per workspace whose catalogue changed: triggers on products, showroom items and ISO labels raise the
 * revision in the writing transaction, so a search index kept in memory knows, by one key look-up, whether it is
 * still the catalogue's. The row's id is the workspace's id.
 */
export const searchRevisions = pgTable(
  'catalogue_search_revisions',
  {
    ...tenantColumns,
    revision: integer('revision').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  ],
);
