import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { findOrganization, listOrganizations } from '#src/modules/platform/index.ts';
import { findPathwayForActor } from '#src/modules/pathways/index.ts';
import { findPersonForActor, girOnFileForActor } from '#src/modules/people/index.ts';
import { valueOn } from '#src/modules/funding/domain/parameters.ts';
import { combinePlan } from '#src/modules/funding/domain/plan.ts';
import { quoteProblems, quoteTotals, vatRateKeys, type VatRates } from '#src/modules/funding/domain/quote.ts';
import type { Household } from '#src/modules/funding/domain/household.ts';
import { delaysOf, type ApplicationStatus } from '#src/modules/funding/domain/application.ts';
import { loadShippedRules } from '#src/modules/funding/service/rules.ts';
import { knownFacts } from '#src/modules/funding/service/simulator.ts';
import { simulateAids } from '#src/modules/funding/service/simulate.ts';
import { listLocalAids } from '#src/modules/funding/repo/local-aids.repo.ts';
import { listParameterValues } from '#src/modules/funding/repo/parameter-values.repo.ts';
import type {
  PlanCreateInput,
  ProjectView,
  QuoteCreateInput,
  QuoteView,
} from '#src/modules/funding/api/funding.schema.ts';
import {
  findProject,
  insertFundingRows,
  listApplicationsOfPlans,
  listEvents,
  listPlans,
  listProjectsOfPathway,
  listQuotes,
  type PlanRow,
  type ProjectRow,
  type QuoteRow,
} from '#src/modules/funding/repo/funding.repo.ts';

const t = messages.funding.errors;
const validationFailed = (issues: FieldIssue[]) => new AppError('validation_failed', { issues });

// Parsed once per process, like the simulator's rules.
let parameters: ReturnType<typeof loadShippedRules>['parameters'] | null = null;

/** The VAT rates in force on a date (funding-rules §6), or null when the parameters have none then. */
export function vatRatesOn(date: string): VatRates | null {
  parameters ??= loadShippedRules().parameters;
  const value = valueOn(parameters.parameters.get('vat.rates')!, date)?.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const rates = value as Record<string, unknown>;
  return vatRateKeys.every((k) => typeof rates[k] === 'number') ? (rates as VatRates) : null;
}

/**
 * A project the actor may see: its person's file must be visible to them (the case-team rule), else it
 * answers 404 as a missing one.
 */
export async function visibleProject(db: Db, actor: Actor, id: string): Promise<ProjectRow> {
  const project = await findProject(db, actor.workspaceId, id);
  if (!project || !(await findPersonForActor(db, actor, project.personId))) throw notFound();
  return project;
}

export async function createProject(
  db: Db,
  actor: Actor,
  input: { pathwayId: string; title: string },
  requestId: string | null,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const pathway = await findPathwayForActor(tx, actor, input.pathwayId);
    if (!pathway || !(await findPersonForActor(tx, actor, pathway.personId))) throw notFound();
    const id = newId();
    await insertFundingRows(tx, {
      projects: [
        {
          id,
          workspaceId: actor.workspaceId,
          personId: pathway.personId,
          pathwayId: pathway.id,
          title: input.title,
          createdBy: actor.userId,
        },
      ],
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'funding_project.create',
      entityType: 'funding_project',
      entityId: id,
      personId: pathway.personId,
      changedFields: ['pathwayId', 'title'],
      requestId,
    });
    return { id };
  });
}

export async function projectsOfPathway(db: Db, actor: Actor, pathwayId: string) {
  const pathway = await findPathwayForActor(db, actor, pathwayId);
  if (!pathway || !(await findPersonForActor(db, actor, pathway.personId))) throw notFound();
  const rows = await listProjectsOfPathway(db, actor.workspaceId, pathwayId);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/** Records a quote: its lines checked (no negative line, VAT rates in force, stated totals matching the lines). */
export async function addQuote(
  db: Db,
  actor: Actor,
  projectId: string,
  input: QuoteCreateInput,
  requestId: string | null,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, actor, projectId);
    const issues: FieldIssue[] = [];
    if (input.supplierOrganizationId && input.supplierName)
      issues.push({ path: 'supplierName', message: t.supplierNotBoth });
    else if (!input.supplierOrganizationId && !input.supplierName)
      issues.push({ path: 'supplierName', message: t.supplierRequired });
    else if (
      input.supplierOrganizationId &&
      !(await findOrganization(tx, actor.workspaceId, input.supplierOrganizationId))
    )
      issues.push({ path: 'supplierOrganizationId', message: t.supplierUnknown });
    const rates = vatRatesOn(input.issuedOn);
    if (!rates) issues.push({ path: 'lines.0.vatRate', message: t.vatRateNotInForce });
    const lines = input.lines.map((l) => ({
      label: l.label,
      quantity: l.quantity,
      unitPriceExclTaxCents: l.unitPriceExclTax,
      vatRate: l.vatRate,
      eligibleWorks: l.eligibleWorks,
    }));
    if (rates) {
      for (const problem of quoteProblems(
        lines,
        { exclTaxCents: input.statedExclTax, inclTaxCents: input.statedInclTax },
        rates,
      )) {
        const path = problem.path
          .replace('statedExclTaxCents', 'statedExclTax')
          .replace('statedInclTaxCents', 'statedInclTax');
        issues.push({
          path: path.replace('unitPriceExclTaxCents', 'unitPriceExclTax'),
          message:
            problem.kind === 'total_mismatch'
              ? t.totalMismatch(problem.computedCents)
              : problem.kind === 'negative_quantity'
                ? t.quantityPositive
                : t.priceNegative,
        });
      }
    }
    if (issues.length > 0 || !rates) throw validationFailed(issues);

    const totals = quoteTotals(lines, rates);
    const id = newId();
    await insertFundingRows(tx, {
      quotes: [
        {
          id,
          workspaceId: actor.workspaceId,
          projectId: project.id,
          supplierOrganizationId: input.supplierOrganizationId,
          supplierName: input.supplierOrganizationId ? null : input.supplierName,
          reference: input.reference,
          issuedOn: input.issuedOn,
          lines: totals.lines,
          exclTaxCents: totals.exclTaxCents,
          vatCents: totals.vatCents,
          inclTaxCents: totals.inclTaxCents,
          eligibleExclTaxCents: totals.eligibleExclTaxCents,
          createdBy: actor.userId,
        },
      ],
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'funding_quote.create',
      entityType: 'funding_quote',
      entityId: id,
      personId: project.personId,
      changedFields: Object.entries(input)
        .filter(([, v]) => v !== null)
        .map(([k]) => k),
      requestId,
    });
    return { id };
  });
}

/** What the simulator is told of the household; only what was entered, so the rest is reported as missing. */
export function householdOf(input: PlanCreateInput, quote: QuoteRow): Household {
  const { age, gir, householdSize, referenceTaxIncome, inIleDeFrance, tenure } = input;
  return {
    ...knownFacts({
      age,
      gir,
      girAttested: gir === null ? null : true,
      householdSize,
      referenceTaxIncome,
      inIleDeFrance,
      tenure,
    }),
    worksExclTax: quote.eligibleExclTaxCents / 100,
    worksInclTax: quote.inclTaxCents / 100,
    mpaWorksLast5Years: input.mpaWorksLast5Years ?? 0,
  };
}

/**
 * Computes and saves a funding plan from a quote of the project and the household facts: the figures and the
 * parameter values they used are stored with it, so a later change of the rules never rewrites a saved plan.
 */
export async function savePlan(
  db: Db,
  actor: Actor,
  projectId: string,
  input: PlanCreateInput,
  requestId: string | null,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, actor, projectId);
    const quote = (await listQuotes(tx, actor.workspaceId, project.id)).find((q) => q.id === input.quoteId);
    const issues: FieldIssue[] = [];
    if (!quote) issues.push({ path: 'quoteId', message: t.quoteOfAnotherProject });
    if (input.paymentOn < input.filingOn) issues.push({ path: 'paymentOn', message: t.paymentBeforeFiling });
    if (!quote || issues.length > 0) throw validationFailed(issues);

    const dates = { filing: input.filingOn, payment: input.paymentOn };
    const cost = {
      exclTaxCents: quote.exclTaxCents,
      inclTaxCents: quote.inclTaxCents,
      eligibleExclTaxCents: quote.eligibleExclTaxCents,
    };
    const localAids = await listLocalAids(tx, actor.workspaceId);
    const parameterValues = await listParameterValues(tx, actor.workspaceId);
    const mpaUsedCents = Math.round((input.mpaWorksLast5Years ?? 0) * 100);
    // Some local aids are computed on what the national aids leave to pay: a first pass gives that amount.
    const known = householdOf(input, quote);
    const first = combinePlan(simulateAids(known, dates, localAids, parameterValues), cost, mpaUsedCents);
    const nationalCents = first.lines.filter((l) => l.step < 3 && !l.deferred).reduce((s, l) => s + l.shareCents, 0);
    const household = { ...known, remainingCost: (cost.inclTaxCents - nationalCents) / 100 };
    const figures = combinePlan(simulateAids(household, dates, localAids, parameterValues), cost, mpaUsedCents);
    const id = newId();
    await insertFundingRows(tx, {
      plans: [
        {
          id,
          workspaceId: actor.workspaceId,
          projectId: project.id,
          quoteId: quote.id,
          household,
          filingOn: input.filingOn,
          paymentOn: input.paymentOn,
          figures,
          outOfPocketCents: figures.outOfPocketCents,
          createdBy: actor.userId,
        },
      ],
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'funding_plan.create',
      entityType: 'funding_plan',
      entityId: id,
      personId: project.personId,
      changedFields: Object.entries(input)
        .filter(([, v]) => v !== null)
        .map(([k]) => k),
      requestId,
    });
    return { id };
  });
}

const supplierOf = (q: QuoteRow, names: Map<string, string>) =>
  q.supplierName ?? names.get(q.supplierOrganizationId ?? '') ?? '';

const quoteView = (q: QuoteRow, names: Map<string, string>): QuoteView => ({
  id: q.id,
  supplier: supplierOf(q, names),
  reference: q.reference,
  issuedOn: q.issuedOn,
  lines: q.lines,
  exclTaxCents: q.exclTaxCents,
  vatCents: q.vatCents,
  inclTaxCents: q.inclTaxCents,
  eligibleExclTaxCents: q.eligibleExclTaxCents,
});

const planView = (p: PlanRow) => ({
  id: p.id,
  quoteId: p.quoteId,
  filingOn: p.filingOn,
  paymentOn: p.paymentOn,
  createdAt: p.createdAt.toISOString(),
  figures: p.figures,
  taxDeclarationDueOn: p.taxDeclarationDueOn,
  usageCheckDueOn: p.usageCheckDueOn,
});

/** The project page: quotes for comparison, saved plans (latest first), applications with their timeline. */
export async function projectForActor(db: Db, actor: Actor, id: string): Promise<ProjectView> {
  const project = await visibleProject(db, actor, id);
  const ws = actor.workspaceId;
  const [person, gir, quotes, plans, organizations] = await Promise.all([
    findPersonForActor(db, actor, project.personId),
    actor.permissions.has('person.read_sensitive') ? girOnFileForActor(db, actor, project.personId) : null,
    listQuotes(db, ws, project.id),
    listPlans(db, ws, project.id),
    listOrganizations(db, ws),
  ]);
  const applications = await listApplicationsOfPlans(
    db,
    ws,
    plans.map((p) => p.id),
  );
  const events = await listEvents(
    db,
    ws,
    applications.map((a) => a.id),
  );
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  return {
    id: project.id,
    title: project.title,
    personId: project.personId,
    pathwayId: project.pathwayId,
    personName: person ? `${person.firstName} ${person.lastName}` : '',
    quotes: quotes.map((q) => quoteView(q, names)),
    plans: plans.map(planView),
    applications: applications.map((a) => ({
      id: a.id,
      planId: a.planId,
      aid: a.aid,
      aidTitle: a.aidTitle,
      funder: a.funder,
      status: a.status as ApplicationStatus,
      requestedCents: a.requestedCents,
      grantedCents: a.grantedCents,
      refusalReason: a.refusalReason,
      documents: a.documents,
      submittedOn: a.submittedOn,
      decidedOn: a.decidedOn,
      paidOn: a.paidOn,
      ...delaysOf(a),
      eligibilityWarning: a.eligibilityWarning,
      justification: a.justification,
      revision: a.revision,
      timeline: events
        .filter((e) => e.applicationId === a.id)
        .map((e) => ({
          status: e.status as ApplicationStatus,
          occurredOn: e.occurredOn,
          amountCents: e.amountCents,
          note: e.note,
          byName: e.byName,
        })),
    })),
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    household: { age: person?.age ?? null, gir },
  };
}
