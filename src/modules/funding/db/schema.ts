import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { workspaces } from '#src/modules/platform/db/schema.ts';

/**
 * An aid a workspace describes itself (Département, commune, pension fund, the CCAS's own), without code: a fixed
 * template of conditions and amount that the rules engine turns into Publicodes rules.
 */
export const fundingLocalAids = pgTable(
  'funding_local_aids',
  {
    ...tenantColumns,
    name: text('name').notNull(),
    funderName: text('funder_name').notNull(),
    funderKind: text('funder_kind').notNull(),
    description: text('description'),
    minAge: smallint('min_age'),
    girMin: smallint('gir_min'),
    girMax: smallint('gir_max'),
    /** Yearly reference tax income for one person, and what each further person adds, in euros. */
    incomeCeiling: integer('income_ceiling'),
    incomeCeilingPerExtraPerson: integer('income_ceiling_per_extra_person'),
    tenures: text('tenures').array().notNull().default([]),
    retirementSchemes: text('retirement_schemes').array().notNull().default([]),
    requiresAnahDecision: boolean('requires_anah_decision').notNull().default(false),
    base: text('base').notNull(),
    rate: doublePrecision('rate'),
    capCents: integer('cap_cents'),
    fixedAmountCents: integer('fixed_amount_cents'),
    inForceFrom: date('in_force_from').notNull(),
    inForceTo: date('in_force_to'),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url'),
    confidence: text('confidence').notNull(),
    revision: integer('revision').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  ],
);
