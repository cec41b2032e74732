import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
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
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, updatedAt } from '#src/shared/db/columns.ts';
import { organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';
import { persons } from '#src/modules/people/db/schema.ts';
import { pathways } from '#src/modules/pathways/db/schema.ts';
import type { QuoteLine } from '#src/modules/funding/domain/quote.ts';
import type { PlanFigures } from '#src/modules/funding/domain/plan.ts';
import type { DocumentItem } from '#src/modules/funding/domain/application.ts';
import type { Household } from '#src/modules/funding/domain/household.ts';
import type { ParameterValue } from '#src/modules/funding/domain/parameters.ts';

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

/**
 * A value a workspace enters for a rules parameter (a figure the shipped file marks not retrieved, or a newer one),
 * with its source; layered on the shipped values for that workspace's simulations and plans. Withdrawn, not deleted.
 */
export const fundingParameterValues = pgTable(
  'funding_parameter_values',
  {
    ...tenantColumns,
    parameterId: text('parameter_id').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on'),
    value: jsonb('value').$type<Exclude<ParameterValue, null>>().notNull(),
    confidence: text('confidence').notNull(),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url').notNull(),
    note: text('note'),
    revision: integer('revision').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    check('funding_parameter_values_period', sql`to_on is null or to_on >= from_on`),
    index('funding_parameter_values_parameter_idx').on(t.workspaceId, t.parameterId),
  ],
);

const cents = (name: string) => bigint(name, { mode: 'number' });

/** An adaptation project of a person, within a pathway: its quotes, funding plans and applications. */
export const fundingProjects = pgTable(
  'funding_projects',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    pathwayId: uuid('pathway_id').notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [persons.workspaceId, persons.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathwayId], foreignColumns: [pathways.workspaceId, pathways.id] }),
    index('funding_projects_pathway_idx').on(t.workspaceId, t.pathwayId),
    index('funding_projects_person_idx').on(t.workspaceId, t.personId),
  ],
);

/** A quote from a platform organisation or a named supplier; lines and totals as computed when it was entered. */
export const fundingQuotes = pgTable(
  'funding_quotes',
  {
    ...tenantColumns,
    projectId: uuid('project_id').notNull(),
    supplierOrganizationId: uuid('supplier_organization_id'),
    supplierName: text('supplier_name'),
    reference: text('reference'),
    issuedOn: date('issued_on').notNull(),
    lines: jsonb('lines').$type<QuoteLine[]>().notNull(),
    exclTaxCents: cents('excl_tax_cents').notNull(),
    vatCents: cents('vat_cents').notNull(),
    inclTaxCents: cents('incl_tax_cents').notNull(),
    eligibleExclTaxCents: cents('eligible_excl_tax_cents').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.projectId],
      foreignColumns: [fundingProjects.workspaceId, fundingProjects.id],
    }),
    foreignKey({
      columns: [t.workspaceId, t.supplierOrganizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    check('funding_quotes_supplier', sql`(supplier_organization_id is not null) <> (supplier_name is not null)`),
    check('funding_quotes_amounts', sql`excl_tax_cents >= 0 and vat_cents >= 0 and incl_tax_cents >= 0`),
    index('funding_quotes_project_idx').on(t.workspaceId, t.projectId),
  ],
);

/**
 * A saved funding plan: the household facts, the dates and the figures with the parameter values they used, kept
 * as computed so that a later change of the rules never rewrites it. The N+1 follow-ups hang on the plan.
 */
export const fundingPlans = pgTable(
  'funding_plans',
  {
    ...tenantColumns,
    projectId: uuid('project_id').notNull(),
    quoteId: uuid('quote_id').notNull(),
    household: jsonb('household').$type<Household>().notNull(),
    filingOn: date('filing_on').notNull(),
    paymentOn: date('payment_on').notNull(),
    figures: jsonb('figures').$type<PlanFigures>().notNull(),
    outOfPocketCents: cents('out_of_pocket_cents').notNull(),
    worksPaidOn: date('works_paid_on'),
    taxDeclarationDueOn: date('tax_declaration_due_on'),
    taxDeclarationRemindedAt: timestamp('tax_declaration_reminded_at', { withTimezone: true }),
    usageCheckDueOn: date('usage_check_due_on'),
    usageCheckRemindedAt: timestamp('usage_check_reminded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.projectId],
      foreignColumns: [fundingProjects.workspaceId, fundingProjects.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.quoteId], foreignColumns: [fundingQuotes.workspaceId, fundingQuotes.id] }),
    index('funding_plans_project_idx').on(t.workspaceId, t.projectId),
  ],
);

/** One application to one funder for an aid of a plan, with its checklist and where it stands. */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    ...tenantColumns,
    planId: uuid('plan_id').notNull(),
    aid: text('aid').notNull(),
    aidTitle: text('aid_title').notNull(),
    funder: text('funder').notNull(),
    status: text('status').notNull(),
    requestedCents: cents('requested_cents'),
    grantedCents: cents('granted_cents'),
    refusalReason: text('refusal_reason'),
    documents: jsonb('documents').$type<DocumentItem[]>().notNull(),
    submittedOn: date('submitted_on'),
    decidedOn: date('decided_on'),
    paidOn: date('paid_on'),
    /** Set when the plan said the person is not eligible: why, and why the application is made anyway. */
    eligibilityWarning: text('eligibility_warning'),
    justification: text('justification'),
    lastStepOn: date('last_step_on').notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({ columns: [t.workspaceId, t.planId], foreignColumns: [fundingPlans.workspaceId, fundingPlans.id] }),
    check(
      'funding_applications_status',
      sql`status in ('draft', 'submitted', 'more_info_requested', 'accepted', 'refused', 'paid')`,
    ),
    check('funding_applications_justified', sql`eligibility_warning is null or justification is not null`),
    index('funding_applications_plan_idx').on(t.workspaceId, t.planId),
    // The daily sweep reads only the files that may stall.
    index('funding_applications_open_idx')
      .on(t.workspaceId, t.lastStepOn)
      .where(sql`status in ('submitted', 'more_info_requested', 'accepted')`),
  ],
);

/** The timeline of an application: each status it went through, on which day, by whom. */
export const fundingApplicationEvents = pgTable(
  'funding_application_events',
  {
    ...tenantColumns,
    applicationId: uuid('application_id').notNull(),
    status: text('status').notNull(),
    occurredOn: date('occurred_on').notNull(),
    amountCents: cents('amount_cents'),
    note: text('note'),
    byUserId: uuid('by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.applicationId],
      foreignColumns: [fundingApplications.workspaceId, fundingApplications.id],
    }),
    index('funding_application_events_idx').on(t.workspaceId, t.applicationId),
  ],
);
