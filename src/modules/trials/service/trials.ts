import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { findProductForActor } from '#src/modules/catalogue/index.ts';
import { findPathwayForActor } from '#src/modules/pathways/index.ts';
import { findPersonForActor, isOnCaseTeam } from '#src/modules/people/index.ts';
import type {
  FollowUpInput,
  FollowUpsDue,
  PersonTrials,
  TrialCreateInput,
} from '#src/modules/trials/api/trial.schema.ts';
import {
  abandonmentReasonsRequired,
  followUpDueOn,
  mayLeadToAcquisition,
  reasonsRequired,
  type TrialOutcome,
} from '#src/modules/trials/domain/trial.ts';
import {
  findTrial,
  insertTrials,
  listFollowUpsDue,
  listTrialsOfPerson,
  updateTrial,
  type TrialRow,
  type TrialView,
} from '#src/modules/trials/repo/trials.repo.ts';

const t = messages.trials.errors;

/** How far ahead the follow-ups page looks. */
const FOLLOW_UPS_AHEAD_DAYS = 30;

const validationFailed = (issues: FieldIssue[]) => new AppError('validation_failed', { issues });

/** Whether the actor may see a trial's detail: a professional's, or a person's whose case team they are on. */
async function seesTrial(db: Db, actor: Actor, trial: TrialRow): Promise<boolean> {
  if (trial.personId === null) return true;
  return isOnCaseTeam(db, actor.workspaceId, trial.personId, actor.userId);
}

/** Cross-field rules of a trial's outcome and acquisition, as field errors. */
function outcomeIssues(input: {
  outcome: TrialOutcome;
  reasons: readonly string[];
  triedOn: string;
  acquiredOn: string | null;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (reasonsRequired(input.outcome) && input.reasons.length === 0)
    issues.push({ path: 'reasons', message: t.reasonsRequired });
  if (!reasonsRequired(input.outcome) && input.reasons.length > 0)
    issues.push({ path: 'reasons', message: t.reasonsOnlyWhenUnsuited });
  if (input.acquiredOn !== null) {
    if (!mayLeadToAcquisition(input.outcome)) issues.push({ path: 'acquiredOn', message: t.notAcquirable });
    else if (input.acquiredOn < input.triedOn) issues.push({ path: 'acquiredOn', message: t.acquiredBeforeTrial });
  }
  return issues;
}

/**
 * Records a trial led by the actor (the therapist). A person's trial needs their file to be visible to
 * the actor (404 otherwise, as for a missing one); a product outside the workspace's catalogue is a field
 * error, so the form says which field is wrong.
 */
export async function recordTrial(
  db: Db,
  actor: Actor,
  input: TrialCreateInput,
  requestId: string | null,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const issues: FieldIssue[] = [];
    if (input.personId !== null) {
      if (!(await findPersonForActor(tx, actor, input.personId))) throw notFound();
      if (input.professionalName !== null || input.professionalOrganization !== null)
        issues.push({ path: 'professionalName', message: t.notBoth });
    } else if (input.professionalName === null) {
      issues.push({ path: 'professionalName', message: t.personOrProfessional });
    } else if (input.professionalOrganization === null) {
      issues.push({ path: 'professionalOrganization', message: t.professionalOrganization });
    }
    const product = await findProductForActor(tx, actor, input.productId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    });
    if (!product) issues.push({ path: 'productId', message: t.productNotInCatalogue });
    if (input.pathwayId !== null) {
      const pathway = await findPathwayForActor(tx, actor, input.pathwayId);
      if (!pathway || pathway.personId !== input.personId)
        issues.push({ path: 'pathwayId', message: t.pathwayOfAnotherPerson });
    }
    if (input.triedOn > parisDay(new Date())) issues.push({ path: 'triedOn', message: t.triedInFuture });
    issues.push(...outcomeIssues(input));
    if (issues.length > 0) throw validationFailed(issues);

    const id = newId();
    await insertTrials(tx, [
      {
        id,
        workspaceId: actor.workspaceId,
        personId: input.personId,
        professionalName: input.professionalName,
        professionalOrganization: input.professionalOrganization,
        productId: input.productId,
        therapistUserId: actor.userId,
        pathwayId: input.pathwayId,
        context: input.context,
        triedOn: input.triedOn,
        outcome: input.outcome,
        reasons: input.reasons,
        reasonNote: input.reasonNote,
        satisfaction: input.satisfaction,
        opinion: input.opinion,
        acquiredOn: input.acquiredOn,
        followUpDueOn: input.acquiredOn ? followUpDueOn(input.acquiredOn) : null,
        createdBy: actor.userId,
      },
    ]);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'trial.create',
      entityType: 'trial',
      entityId: id,
      personId: input.personId,
      changedFields: Object.entries(input)
        .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
        .map(([field]) => field),
      requestId,
    });
    return { id };
  });
}

/** A trial the actor may act on, or 404 (a hidden trial answers like a missing one). */
async function visibleTrial(db: Db, actor: Actor, id: string): Promise<TrialRow> {
  const trial = await findTrial(db, actor.workspaceId, id);
  if (!trial || !(await seesTrial(db, actor, trial))) throw notFound();
  return trial;
}

/** Records that the product was acquired after the trial: the follow-up falls due three months later. */
export async function recordAcquisition(
  db: Db,
  actor: Actor,
  id: string,
  acquiredOn: string,
  requestId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const trial = await visibleTrial(tx, actor, id);
    if (trial.usage !== null) throw validationFailed([{ path: 'acquiredOn', message: t.alreadyFollowedUp }]);
    const issues = outcomeIssues({
      outcome: trial.outcome as TrialOutcome,
      reasons: trial.reasons,
      triedOn: trial.triedOn,
      acquiredOn,
    }).filter((issue) => issue.path === 'acquiredOn');
    if (issues.length > 0) throw validationFailed(issues);
    await updateTrial(tx, actor.workspaceId, id, {
      acquiredOn,
      followUpDueOn: followUpDueOn(acquiredOn),
      followUpRemindedAt: null,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'trial.acquire',
      entityType: 'trial',
      entityId: id,
      personId: trial.personId,
      changedFields: ['acquiredOn', 'followUpDueOn'],
      requestId,
    });
  });
}

/** Records the follow-up of an acquired product: in use, used sometimes, or abandoned and why. */
export async function recordFollowUp(
  db: Db,
  actor: Actor,
  id: string,
  input: FollowUpInput,
  requestId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const trial = await visibleTrial(tx, actor, id);
    const issues: FieldIssue[] = [];
    if (trial.acquiredOn === null) issues.push({ path: 'usage', message: t.notAcquired });
    else if (trial.usage !== null) issues.push({ path: 'usage', message: t.alreadyFollowedUp });
    else if (input.followedUpOn < trial.acquiredOn)
      issues.push({ path: 'followedUpOn', message: t.followUpBeforeAcquisition });
    if (abandonmentReasonsRequired(input.usage) && input.abandonmentReasons.length === 0)
      issues.push({ path: 'abandonmentReasons', message: t.abandonmentReasonsRequired });
    if (!abandonmentReasonsRequired(input.usage) && input.abandonmentReasons.length > 0)
      issues.push({ path: 'abandonmentReasons', message: t.abandonmentReasonsOnlyWhenAbandoned });
    if (issues.length > 0) throw validationFailed(issues);
    await updateTrial(tx, actor.workspaceId, id, {
      followedUpOn: input.followedUpOn,
      usage: input.usage,
      abandonmentReasons: input.abandonmentReasons,
      followUpNote: input.note,
      followedUpBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'trial.follow_up',
      entityType: 'trial',
      entityId: id,
      personId: trial.personId,
      changedFields: ['followedUpOn', 'usage', 'abandonmentReasons', ...(input.note ? ['followUpNote'] : [])],
      requestId,
    });
  });
}

const asTrial = (row: TrialView) => row as PersonTrials['items'][number];

/** A person's trials, for readers of the file (the case-team rule); a hidden file answers 404. */
export async function personTrialsForActor(db: Db, actor: Actor, personId: string): Promise<PersonTrials> {
  if (!(await findPersonForActor(db, actor, personId))) throw notFound();
  const rows = await listTrialsOfPerson(db, actor.workspaceId, personId);
  return { items: rows.map(asTrial), canRecord: actor.permissions.has('trial.write') };
}

/** The follow-ups the actor has to do: due within 30 days or late, on trials they led or may see. */
export async function followUpsDueForActor(db: Db, actor: Actor, now: Date): Promise<FollowUpsDue> {
  const today = parisDay(now);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + FOLLOW_UPS_AHEAD_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await listFollowUpsDue(db, actor.workspaceId, actor.userId, until);
  return {
    items: rows.map((row) => ({ ...asTrial(row), personName: row.personName, overdue: row.followUpDueOn! < today })),
  };
}

/**
 * A person's trials for another module (the recommendation sheet), latest first: product, date, context,
 * outcome with its coded reasons and note, and the therapist. The caller has checked that its actor may
 * read the person's file.
 */
export async function trialsOfPerson(db: Db, workspaceId: string, personId: string) {
  const rows = await listTrialsOfPerson(db, workspaceId, personId);
  return rows.map((r) => ({
    id: r.id,
    productId: r.productId,
    triedOn: r.triedOn,
    context: r.context,
    outcome: r.outcome as TrialOutcome,
    reasons: r.reasons,
    reasonNote: r.reasonNote,
    satisfaction: r.satisfaction,
    therapistUserId: r.therapistUserId,
    therapistName: r.therapistName,
    pathwayId: r.pathwayId,
  }));
}
export type PersonTrial = Awaited<ReturnType<typeof trialsOfPerson>>[number];
