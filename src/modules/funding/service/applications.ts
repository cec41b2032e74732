import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  checklistFor,
  mayMoveTo,
  taxDeclarationDueOn,
  usageCheckDueOn,
  type ApplicationStatus,
} from '#src/modules/funding/domain/application.ts';
import type {
  ApplicationCreateInput,
  ApplicationStepInput,
  DocumentsInput,
} from '#src/modules/funding/api/funding.schema.ts';
import {
  findApplicationForUpdate,
  findPlan,
  insertFundingRows,
  listApplicationsOfPlans,
  updateApplication,
  updatePlan,
} from '#src/modules/funding/repo/funding.repo.ts';
import { visibleProject } from '#src/modules/funding/service/projects.ts';

const t = messages.funding.errors;
const validationFailed = (issues: FieldIssue[]) => new AppError('validation_failed', { issues });

/**
 * Opens an application to the funder of one aid of a saved plan. When the plan says the person is not eligible,
 * it is refused with the reason on the justification field unless a justification is given; then it is kept
 * with the warning, and both are audited.
 */
export async function createApplication(
  db: Db,
  actor: Actor,
  planId: string,
  input: ApplicationCreateInput,
  requestId: string | null,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const plan = await findPlan(tx, actor.workspaceId, planId);
    if (!plan) throw notFound();
    const project = await visibleProject(tx, actor, plan.projectId);
    const line = plan.figures.lines.find((l) => l.aid === input.aid);
    if (!line) throw validationFailed([{ path: 'aid', message: t.aidNotInPlan }]);
    const existing = await listApplicationsOfPlans(tx, actor.workspaceId, [plan.id]);
    if (existing.some((a) => a.aid === input.aid))
      throw validationFailed([{ path: 'aid', message: t.applicationExists }]);
    const warning = line.status === 'not_eligible' ? line.failedConditions.join(' ; ') || line.title : null;
    if (warning && !input.justification)
      throw validationFailed([{ path: 'justification', message: t.notEligibleJustify(warning) }]);

    const id = newId();
    const today = parisDay(new Date());
    await insertFundingRows(tx, {
      applications: [
        {
          id,
          workspaceId: actor.workspaceId,
          planId: plan.id,
          aid: line.aid,
          aidTitle: line.title,
          funder: line.funder,
          status: 'draft',
          requestedCents: line.amountCents,
          documents: checklistFor(line.aid),
          eligibilityWarning: warning,
          justification: warning ? input.justification : null,
          lastStepOn: today,
          createdBy: actor.userId,
        },
      ],
      events: [
        {
          id: newId(),
          workspaceId: actor.workspaceId,
          applicationId: id,
          status: 'draft',
          occurredOn: today,
          note: warning ? input.justification : null,
          byUserId: actor.userId,
        },
      ],
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: warning ? 'funding_application.create_not_eligible' : 'funding_application.create',
      entityType: 'funding_application',
      entityId: id,
      personId: project.personId,
      changedFields: warning ? ['aid', 'justification'] : ['aid'],
      requestId,
    });
    return { id };
  });
}

/** An application the actor may change, at the revision they saw (409 when someone changed it meanwhile). */
async function writableApplication(tx: Db, actor: Actor, id: string, revision: number) {
  const found = await findApplicationForUpdate(tx, actor.workspaceId, id);
  if (!found) throw notFound();
  const project = await visibleProject(tx, actor, found.projectId);
  if (found.application.revision !== revision) throw new AppError('conflict', { message: t.stale });
  return { application: found.application, project };
}

/**
 * Records the next step of an application (submitted, more information requested, accepted with an amount,
 * refused with a reason, paid). The first payment of a plan sets its N+1 follow-ups: the tax credit declaration
 * the next spring when the plan counts one, and whether the adaptation is used six months later.
 */
export async function recordStep(
  db: Db,
  actor: Actor,
  id: string,
  input: ApplicationStepInput,
  requestId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { application, project } = await writableApplication(tx, actor, id, input.revision);
    const from = application.status as ApplicationStatus;
    const issues: FieldIssue[] = [];
    if (!mayMoveTo(from, input.status)) issues.push({ path: 'status', message: t.transitionNotAllowed });
    if (input.status === 'accepted' && input.granted === null)
      issues.push({ path: 'granted', message: t.grantedRequired });
    if (input.status === 'refused' && !input.refusalReason)
      issues.push({ path: 'refusalReason', message: t.refusalReasonRequired });
    // A file may be recorded after the fact: only the steps after the draft are ordered.
    if (from !== 'draft' && input.occurredOn < application.lastStepOn)
      issues.push({ path: 'occurredOn', message: t.beforePreviousStep });
    if (input.occurredOn > parisDay(new Date())) issues.push({ path: 'occurredOn', message: t.inFuture });
    if (issues.length > 0) throw validationFailed(issues);

    const values: Parameters<typeof updateApplication>[3] = {
      status: input.status,
      lastStepOn: input.occurredOn,
      remindedAt: null,
      revision: application.revision + 1,
    };
    if (input.status === 'submitted' && !application.submittedOn) values.submittedOn = input.occurredOn;
    if (input.status === 'accepted')
      Object.assign(values, { decidedOn: input.occurredOn, grantedCents: input.granted });
    if (input.status === 'refused')
      Object.assign(values, { decidedOn: input.occurredOn, refusalReason: input.refusalReason });
    if (input.status === 'paid') values.paidOn = input.occurredOn;
    await updateApplication(tx, actor.workspaceId, id, values);
    await insertFundingRows(tx, {
      events: [
        {
          id: newId(),
          workspaceId: actor.workspaceId,
          applicationId: id,
          status: input.status,
          occurredOn: input.occurredOn,
          amountCents: input.status === 'accepted' ? input.granted : null,
          note: input.status === 'refused' ? input.refusalReason : input.note,
          byUserId: actor.userId,
        },
      ],
    });
    if (input.status === 'paid') {
      const plan = (await findPlan(tx, actor.workspaceId, application.planId))!;
      if (!plan.worksPaidOn) {
        const countsTaxCredit = plan.figures.lines.some((l) => l.deferred && l.status !== 'not_eligible');
        await updatePlan(tx, actor.workspaceId, plan.id, {
          worksPaidOn: input.occurredOn,
          taxDeclarationDueOn: countsTaxCredit ? taxDeclarationDueOn(input.occurredOn) : null,
          usageCheckDueOn: usageCheckDueOn(input.occurredOn),
        });
      }
    }
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: `funding_application.${input.status}`,
      entityType: 'funding_application',
      entityId: id,
      personId: project.personId,
      changedFields: Object.keys(values),
      requestId,
    });
  });
}

/** Ticks the documents received; keys not in the application's checklist are ignored. */
export async function updateDocuments(
  db: Db,
  actor: Actor,
  id: string,
  input: DocumentsInput,
  requestId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { application, project } = await writableApplication(tx, actor, id, input.revision);
    const received = new Map(input.documents.map((d) => [d.key, d.received]));
    const documents = application.documents.map((d) => ({ ...d, received: received.get(d.key) ?? d.received }));
    await updateApplication(tx, actor.workspaceId, id, { documents, revision: application.revision + 1 });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'funding_application.documents',
      entityType: 'funding_application',
      entityId: id,
      personId: project.personId,
      changedFields: ['documents'],
      requestId,
    });
  });
}
