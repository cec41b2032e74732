import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import type { FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  combinePlan,
  prefillFromFile,
  projectForActor,
  projectsOfPathway,
  simulateForActor,
} from '#src/modules/funding/index.ts';
import type { PathwayRow } from '#src/modules/pathways/index.ts';
import type { AidLeadInput, FundingOptions } from '#src/modules/recommendations/api/sheet.schema.ts';
import { readAid, type AidSource } from '#src/modules/recommendations/domain/aid-leads.ts';
import type { AidLead } from '#src/modules/recommendations/domain/sheet.ts';

const v = messages.recommendations.validation;

// No quote yet: the plan's reading of each aid (certain, monthly) without any cost to share.
const NO_COST = { exclTaxCents: 0, inclTaxCents: 0, eligibleExclTaxCents: 0 };

/** A project's latest saved plan as a source of aids; null when the project has no plan yet. */
async function planSource(db: Db, actor: Actor, projectId: string) {
  const project = await projectForActor(db, actor, projectId);
  const [latest] = project.plans;
  const source: AidSource | null = latest
    ? {
        projectId: project.id,
        projectTitle: project.title,
        basisOn: parisDay(new Date(latest.createdAt)),
        inPlan: true,
        lines: latest.figures.lines,
      }
    : null;
  return { project, source };
}

/** Every aid for the household the person's file describes, on today's rules (an audited read of the file). */
async function simulationSource(db: Db, actor: Actor, personId: string, requestId: string): Promise<AidSource> {
  const prefill = await prefillFromFile(db, actor, personId, requestId);
  const simulation = await simulateForActor(db, actor, { household: prefill.household }, new Date());
  return {
    projectId: null,
    projectTitle: null,
    basisOn: simulation.filingDate,
    inPlan: false,
    lines: combinePlan(simulation.results, NO_COST).lines,
  };
}

/**
 * The aids the person may get, for the editor: from the latest plan of each funding project of the pathway,
 * or, when no project has a plan, from a simulation on the person's file.
 */
export async function fundingOptionsOf(
  db: Db,
  actor: Actor,
  pathway: PathwayRow,
  requestId: string,
): Promise<FundingOptions> {
  const { items } = await projectsOfPathway(db, actor, pathway.id);
  const plans = await Promise.all(items.map((p) => planSource(db, actor, p.id)));
  const sources = plans.flatMap((p) => (p.source ? [p.source] : []));
  const basis = sources.length > 0 ? 'plans' : 'simulation';
  if (basis === 'simulation') sources.push(await simulationSource(db, actor, pathway.personId, requestId));
  return {
    basis,
    projects: plans.map(({ project, source }) => ({
      id: project.id,
      title: project.title,
      planOn: source?.basisOn ?? null,
    })),
    options: sources.flatMap((source) => source.lines.map((line) => readAid(source, line))),
  };
}

/**
 * Reads each lead's aid again from its source, so that what the sheet holds is what the funding module says now,
 * never figures sent by the browser. Another workspace's or an unseen project answers 404; a project of another
 * pathway, a project without a plan, an aid its source does not know or excludes are issues on the lead.
 */
export async function resolveAidLeads(
  db: Db,
  actor: Actor,
  pathway: PathwayRow,
  leads: readonly AidLeadInput[],
  requestId: string,
): Promise<{ leads: AidLead[]; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const sources = new Map<string | null, AidSource | null>();
  for (const projectId of new Set(leads.map((l) => l.projectId))) {
    if (projectId === null) {
      sources.set(null, await simulationSource(db, actor, pathway.personId, requestId));
      continue;
    }
    const { project, source } = await planSource(db, actor, projectId);
    sources.set(projectId, project.pathwayId === pathway.id ? source : null);
    const problem = project.pathwayId !== pathway.id ? v.projectOfAnotherPathway : source ? null : v.projectWithoutPlan;
    if (problem)
      leads.forEach((l, i) => {
        if (l.projectId === projectId) issues.push({ path: `content.aidLeads.${i}.projectId`, message: problem });
      });
  }
  const resolved = leads.flatMap((lead, i): AidLead[] => {
    const source = sources.get(lead.projectId);
    if (!source) return [];
    const line = source.lines.find((l) => l.aid === lead.aid);
    const reading = line ? readAid(source, line) : null;
    if (!reading) issues.push({ path: `content.aidLeads.${i}.aid`, message: v.aidUnknown });
    else if (reading.status === 'not_eligible')
      issues.push({ path: `content.aidLeads.${i}.aid`, message: v.aidNotEligible(reading.title) });
    else return [{ ...reading, status: reading.status, note: lead.note }];
    return [];
  });
  return { leads: resolved, issues };
}
