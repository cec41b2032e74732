import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { rolePermissions, type Role } from '#src/modules/platform/index.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  activeInOrder,
  closingStageOf,
  decideTransition,
  type RequiredField,
} from '#src/modules/pathways/domain/stages.ts';
import { entryChannels, type EntryChannel } from '#src/shared/vocabulary/entry-channels.ts';
import {
  addCaseTeamMemberForActor,
  findPersonForActor,
  isOnCaseTeam,
  personScopeOf,
} from '#src/modules/people/index.ts';
import {
  findVisiblePathway,
  insertPathway,
  insertTransition,
  listTransitions,
  recordedFacts,
  membershipsOfUser,
  updatePathway,
  type PathwayRow,
} from '#src/modules/pathways/repo/pathways.repo.ts';
import { ensureStages } from '#src/modules/pathways/service/stages.ts';

const t = messages.pathways;

export type OpenPathwayInput = {
  personId: string;
  owningOrganizationId: string;
  referentUserId: string;
  channel: EntryChannel;
  requestId: string | null;
};

/** The referent's memberships whose role works on pathways, the owning organisation's first. */
async function referentMemberships(db: Db, workspaceId: string, userId: string, owningOrganizationId: string) {
  const memberships = await membershipsOfUser(db, workspaceId, userId);
  return memberships
    .filter((m) => rolePermissions[m.role as Role]?.includes('pathway.write'))
    .sort(
      (a, b) => Number(b.organizationId === owningOrganizationId) - Number(a.organizationId === owningOrganizationId),
    );
}

/**
 * Opens a pathway at the workspace's first stage, in the caller's transaction (intake accepts a
 * referral and opens its pathway atomically). Returns the new pathway's id.
 */
export async function openPathway(tx: Db, actor: Actor, input: OpenPathwayInput): Promise<string> {
  if (!actor.permissions.has('pathway.write')) throw notFound();
  if (!(entryChannels as readonly string[]).includes(input.channel))
    throw fieldError('channel', t.errors.channelRequired);
  if (!actor.memberships.some((m) => m.organizationId === input.owningOrganizationId))
    throw fieldError('owningOrganizationId', t.errors.owningOrganization);
  if (!(await findPersonForActor(tx, actor, input.personId))) throw fieldError('personId', t.errors.personUnknown);
  const [referentMembership] = await referentMemberships(
    tx,
    actor.workspaceId,
    input.referentUserId,
    input.owningOrganizationId,
  );
  if (!referentMembership) throw fieldError('referentUserId', t.errors.referentNotAllowed);

  const stages = await ensureStages(tx, actor, input.requestId);
  const first = stages.find((s) => s.active)!;
  const today = parisDay(new Date());
  const id = newId();
  await insertPathway(tx, {
    id,
    workspaceId: actor.workspaceId,
    personId: input.personId,
    owningOrganizationId: input.owningOrganizationId,
    referentUserId: input.referentUserId,
    channel: input.channel,
    stageId: first.id,
    stageEnteredOn: today,
    openedOn: today,
  });
  await insertTransition(tx, {
    id: newId(),
    workspaceId: actor.workspaceId,
    pathwayId: id,
    toStageId: first.id,
    kind: 'open',
    effectiveOn: today,
    byUserId: actor.userId,
  });
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: 'pathway.open',
    entityType: 'pathway',
    entityId: id,
    personId: input.personId,
    changedFields: ['personId', 'owningOrganizationId', 'referentUserId', 'channel', 'stageId'],
    requestId: input.requestId,
  });
  // The case team is the access rule of the person's file: the referent must be on it.
  if (!(await isOnCaseTeam(tx, actor.workspaceId, input.personId, input.referentUserId))) {
    await addCaseTeamMemberForActor(tx, actor, {
      personId: input.personId,
      userId: input.referentUserId,
      organizationId: referentMembership.organizationId,
      roleLabel: t.referentRoleLabel,
      requestId: input.requestId,
    });
  }
  return id;
}

/** The pathway if the actor may see it, else null (callers answer 404 either way). */
export async function findPathwayForActor(db: Db, actor: Actor, id: string): Promise<PathwayRow | null> {
  if (!actor.permissions.has('pathway.read')) return null;
  return findVisiblePathway(db, personScopeOf(actor), id);
}

/** Loads a pathway the actor may write to, or answers 404 (unseen) as for a missing one. */
export async function writablePathway(tx: Db, actor: Actor, id: string): Promise<PathwayRow> {
  const row = await findPathwayForActor(tx, actor, id);
  if (!row || !actor.permissions.has('pathway.write')) throw notFound();
  return row;
}

export type TransitionInput = {
  toStageId: string;
  effectiveOn?: string | undefined;
  reason?: string | null | undefined;
  outcome?: string | null | undefined;
  closureReason?: string | null | undefined;
};

export async function transitionPathway(db: Db, actor: Actor, id: string, input: TransitionInput, requestId: string) {
  await db.transaction((tx) => transitionInTransaction(tx, actor, id, input, requestId));
}

/**
 * Moves a pathway forward to the stage with this key, in the caller's transaction (an accepted housing
 * offer moves it to implementation). A pathway already at or past that stage stays where it is (false);
 * one further back moves under the rules of a manual move: a skip needs the reason given and the
 * required fields of the stages it leaves (400 keyed by field otherwise).
 */
export async function movePathwayForwardTo(
  tx: Db,
  actor: Actor,
  pathwayId: string,
  stageKey: string,
  input: { effectiveOn: string; reason: string },
  requestId: string | null,
): Promise<boolean> {
  const pathway = await writablePathway(tx, actor, pathwayId);
  const stages = activeInOrder(await ensureStages(tx, actor, requestId));
  const target = stages.find((s) => s.key === stageKey);
  const current = stages.findIndex((s) => s.id === pathway.stageId);
  if (!target || current >= stages.indexOf(target)) return false;
  await transitionInTransaction(tx, actor, pathwayId, { toStageId: target.id, ...input }, requestId);
  return true;
}

async function transitionInTransaction(
  tx: Db,
  actor: Actor,
  id: string,
  input: TransitionInput,
  requestId: string | null,
) {
  const pathway = await writablePathway(tx, actor, id);
  const stages = await ensureStages(tx, actor, requestId);
  const history = await listTransitions(tx, actor.workspaceId, id);
  const recorded = await recordedFacts(tx, actor.workspaceId, id);
  const today = parisDay(new Date());
  const outcome = input.outcome || null;
  const closureReason = input.closureReason || null;
  const facts: Record<RequiredField, boolean> = {
    qualificationSummary: Boolean(pathway.qualificationSummary?.trim()),
    homeVisit: recorded.homeVisit,
    chosenSolution: recorded.chosenSolution,
    outcome: Boolean(outcome),
    closureReason: Boolean(closureReason),
  };
  const effectiveOn = input.effectiveOn ?? today;
  const decision = decideTransition(stages, {
    currentStageId: pathway.stageId,
    toStageId: input.toStageId,
    effectiveOn,
    reason: input.reason ?? null,
    today,
    lastEffectiveOn: history.at(-1)?.effectiveOn ?? pathway.openedOn,
    facts,
  });
  if (!decision.ok) throw new AppError('validation_failed', { issues: decision.issues });

  const closing = closingStageOf(stages)!;
  const closes = input.toStageId === closing.id;
  await insertTransition(tx, {
    id: newId(),
    workspaceId: actor.workspaceId,
    pathwayId: id,
    fromStageId: pathway.stageId,
    toStageId: input.toStageId,
    kind: decision.kind,
    effectiveOn,
    reason: input.reason?.trim() || null,
    outcome: closes ? outcome : null,
    closureReason: closes ? closureReason : null,
    byUserId: actor.userId,
  });
  // Closing records the outcome; reopening clears it (the transition history keeps the former one).
  const values = closes
    ? { stageId: input.toStageId, stageEnteredOn: effectiveOn, outcome, closureReason, closedOn: effectiveOn }
    : decision.kind === 'reopen'
      ? { stageId: input.toStageId, stageEnteredOn: effectiveOn, outcome: null, closureReason: null, closedOn: null }
      : { stageId: input.toStageId, stageEnteredOn: effectiveOn };
  await updatePathway(tx, actor.workspaceId, id, values);
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: `pathway.${decision.kind === 'forward' || decision.kind === 'skip' ? (closes ? 'close' : 'advance') : decision.kind}`,
    entityType: 'pathway',
    entityId: id,
    personId: pathway.personId,
    changedFields: Object.keys(values),
    requestId,
  });
}

export async function updateQualification(
  db: Db,
  actor: Actor,
  id: string,
  input: { qualificationSummary: string },
  requestId: string,
) {
  await db.transaction(async (tx) => {
    const pathway = await writablePathway(tx, actor, id);
    const summary = input.qualificationSummary.trim() || null;
    if (summary === pathway.qualificationSummary) return;
    await updatePathway(tx, actor.workspaceId, id, { qualificationSummary: summary });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway.update',
      entityType: 'pathway',
      entityId: id,
      personId: pathway.personId,
      changedFields: ['qualificationSummary'],
      requestId,
    });
  });
}
