import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { listMemberRows, rolePermissions, type Role } from '#src/modules/platform/index.ts';
import { findPersonForActor, personScopeOf } from '#src/modules/people/index.ts';
import { createPathwayTask, findPathwayForActor } from '#src/modules/pathways/index.ts';
import type {
  CaseReview,
  CaseReviewInput,
  CaseReviewList,
  CaseReviewOptions,
  DecisionInput,
} from '#src/modules/case-reviews/api/case-review.schema.ts';
import { parisInstant } from '#src/shared/time/paris.ts';
import { participantsOf, taskRequest } from '#src/modules/case-reviews/domain/case-review.ts';
import {
  countItems,
  findItem,
  findVisibleCaseReview,
  hasPathwayOnAgenda,
  insertCaseReview,
  insertDecision,
  insertItem,
  listDecisions,
  listItems,
  listParticipantIds,
  listVisibleCaseReviews,
  lockCaseReview,
  replaceParticipants,
  setItemSummary,
  type CaseReviewRow,
} from '#src/modules/case-reviews/repo/case-reviews.repo.ts';

const t = messages.caseReviews;

/** One entry per user of the workspace (their first organisation names them). */
async function workspaceUsers(db: Db, workspaceId: string) {
  const users = new Map<string, { userId: string; name: string; organizationName: string; roles: string[] }>();
  for (const m of await listMemberRows(db, workspaceId)) {
    const user = users.get(m.userId) ?? {
      userId: m.userId,
      name: m.name,
      organizationName: m.organizationName,
      roles: [],
    };
    user.roles.push(m.role);
    users.set(m.userId, user);
  }
  return users;
}

const mayReadPathways = (roles: string[]) =>
  roles.some((r) => (rolePermissions[r as Role] as readonly string[] | undefined)?.includes('pathway.read'));

export async function listCaseReviewsForActor(
  db: Db,
  actor: Actor,
  when: 'upcoming' | 'past',
): Promise<CaseReviewList> {
  const [rows, users] = await Promise.all([
    listVisibleCaseReviews(db, personScopeOf(actor), when, new Date()),
    workspaceUsers(db, actor.workspaceId),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      scheduledAt: r.scheduledAt.toISOString(),
      place: r.place,
      organizerName: users.get(r.organizerUserId)?.name ?? '',
      itemCount: r.itemCount,
    })),
  };
}

export async function caseReviewOptions(db: Db, actor: Actor): Promise<CaseReviewOptions> {
  const users = await workspaceUsers(db, actor.workspaceId);
  return {
    users: [...users.values()]
      .filter((u) => mayReadPathways(u.roles))
      .map(({ userId, name, organizationName }) => ({ userId, name, organizationName })),
    organizations: [...new Map(actor.memberships.map((m) => [m.organizationId, m.organizationName]))].map(
      ([id, name]) => ({ id, name }),
    ),
  };
}

export async function createCaseReview(
  db: Db,
  actor: Actor,
  input: CaseReviewInput,
  requestId: string,
): Promise<{ id: string }> {
  const organizationId = input.organizationId ?? actor.memberships[0]?.organizationId;
  if (!organizationId || !actor.memberships.some((m) => m.organizationId === organizationId))
    throw fieldError('organizationId', t.organizationInvalid);
  const users = await workspaceUsers(db, actor.workspaceId);
  if (input.participantUserIds.some((id) => !mayReadPathways(users.get(id)?.roles ?? [])))
    throw fieldError('participantUserIds', t.participantUnknown);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertCaseReview(
      tx,
      {
        workspaceId: actor.workspaceId,
        id,
        title: input.title,
        scheduledAt: parisInstant(input.date, input.time),
        place: input.place,
        organizationId,
        organizerUserId: actor.userId,
      },
      participantsOf(actor.userId, input.participantUserIds).map((userId) => ({ id: newId(), userId })),
    );
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'case_review.create',
      entityType: 'case_review',
      entityId: id,
      changedFields: ['title', 'scheduledAt', 'organizationId', 'participants', ...(input.place ? ['place'] : [])],
      requestId,
    });
  });
  return { id };
}

async function visibleReview(db: Db, actor: Actor, id: string): Promise<CaseReviewRow> {
  const review = await findVisibleCaseReview(db, personScopeOf(actor), id);
  if (!review) throw notFound();
  return review;
}

/** Participants holding pathway.write fill the agenda and the minutes; an observer only reads. */
async function editableReview(db: Db, actor: Actor, id: string): Promise<CaseReviewRow> {
  const review = await visibleReview(db, actor, id);
  const participants = await listParticipantIds(db, actor.workspaceId, id);
  if (!participants.includes(actor.userId)) throw new AppError('forbidden', { message: t.notParticipant });
  return review;
}

/** Changes who attends; the organiser always does. Someone removed no longer sees the meeting. */
export async function setParticipants(
  db: Db,
  actor: Actor,
  id: string,
  input: { participantUserIds: string[] },
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const review = await editableReview(tx, actor, id);
    const users = await workspaceUsers(tx, actor.workspaceId);
    if (input.participantUserIds.some((userId) => !mayReadPathways(users.get(userId)?.roles ?? [])))
      throw fieldError('participantUserIds', t.participantUnknown);
    await lockCaseReview(tx, actor.workspaceId, id);
    const participants = participantsOf(review.organizerUserId, input.participantUserIds);
    await replaceParticipants(
      tx,
      actor.workspaceId,
      id,
      participants.map((userId) => ({ id: newId(), userId })),
    );
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'case_review.participants',
      entityType: 'case_review',
      entityId: id,
      changedFields: ['participants'],
      requestId,
    });
  });
}

export async function getCaseReview(db: Db, actor: Actor, id: string): Promise<CaseReview> {
  const review = await visibleReview(db, actor, id);
  const [participantIds, items, users] = await Promise.all([
    listParticipantIds(db, actor.workspaceId, id),
    listItems(db, actor.workspaceId, id),
    workspaceUsers(db, actor.workspaceId),
  ]);
  const decisions = await listDecisions(
    db,
    actor.workspaceId,
    items.map((i) => i.id),
  );
  // The agenda shares the name and the minutes; the file opens only under the pathway's own rule.
  const openable = await Promise.all(
    items.map(async (i) => (await findPathwayForActor(db, actor, i.pathwayId)) !== null),
  );
  return {
    id: review.id,
    title: review.title,
    scheduledAt: review.scheduledAt.toISOString(),
    place: review.place,
    organizerName: users.get(review.organizerUserId)?.name ?? '',
    participants: participantIds.map((userId) => ({
      userId,
      name: users.get(userId)?.name ?? '',
      organizationName: users.get(userId)?.organizationName ?? '',
    })),
    items: items.map((item, index) => ({
      id: item.id,
      position: item.position,
      pathwayId: item.pathwayId,
      personName: item.personName,
      summary: item.summary,
      decisions: decisions
        .filter((d) => d.itemId === item.id)
        .map((d) => ({ id: d.id, text: d.text, taskId: d.taskId, createdAt: d.createdAt.toISOString() })),
      canOpenFile: openable[index]!,
    })),
    canEdit: participantIds.includes(actor.userId) && actor.permissions.has('pathway.write'),
  };
}

export async function addAgendaItem(
  db: Db,
  actor: Actor,
  id: string,
  input: { pathwayId: string },
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await editableReview(tx, actor, id);
    // Only a pathway the actor may open can be put on the agenda, which then shares its person's name.
    const pathway = await findPathwayForActor(tx, actor, input.pathwayId);
    const person = pathway ? await findPersonForActor(tx, actor, pathway.personId) : null;
    if (!pathway || !person) throw fieldError('pathwayId', t.pathwayUnknown);
    await lockCaseReview(tx, actor.workspaceId, id);
    if (await hasPathwayOnAgenda(tx, actor.workspaceId, id, pathway.id))
      throw fieldError('pathwayId', t.pathwayAlreadyOnAgenda);
    const itemId = newId();
    await insertItem(tx, {
      workspaceId: actor.workspaceId,
      id: itemId,
      caseReviewId: id,
      pathwayId: pathway.id,
      personId: pathway.personId,
      personName: `${person.firstName} ${person.lastName}`,
      position: (await countItems(tx, actor.workspaceId, id)) + 1,
      addedBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'case_review_item.create',
      entityType: 'case_review_item',
      entityId: itemId,
      personId: pathway.personId,
      changedFields: ['pathwayId', 'position'],
      requestId,
    });
  });
}

async function editableItem(tx: Db, actor: Actor, id: string, itemId: string) {
  await editableReview(tx, actor, id);
  const item = await findItem(tx, actor.workspaceId, id, itemId);
  if (!item) throw notFound();
  return item;
}

export async function saveItemSummary(
  db: Db,
  actor: Actor,
  id: string,
  itemId: string,
  input: { summary: string | null },
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await editableItem(tx, actor, id, itemId);
    if (item.summary === input.summary) return;
    await setItemSummary(tx, actor.workspaceId, itemId, input.summary);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'case_review_item.update',
      entityType: 'case_review_item',
      entityId: itemId,
      personId: item.personId,
      changedFields: ['summary'],
      requestId,
    });
  });
}

/** Records a decision; with an assignee and a due date it also becomes a task on the pathway, atomically. */
export async function addDecision(
  db: Db,
  actor: Actor,
  id: string,
  itemId: string,
  input: DecisionInput,
  requestId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await editableItem(tx, actor, id, itemId);
    const request = taskRequest(input);
    if (request === 'incomplete')
      throw fieldError(input.assigneeUserId ? 'dueDate' : 'assigneeUserId', t.taskNeedsBoth);
    let taskId: string | null = null;
    if (request === 'task') {
      // Tasks belong to the case team: a participant outside it records the decision without one.
      if (!(await findPathwayForActor(tx, actor, item.pathwayId)))
        throw fieldError('assigneeUserId', t.taskOutsideTeam);
      taskId = await createPathwayTask(tx, actor, {
        pathwayId: item.pathwayId,
        title: input.text,
        dueDate: input.dueDate!,
        assigneeUserId: input.assigneeUserId!,
        requestId,
      });
    }
    const decisionId = newId();
    await insertDecision(tx, {
      workspaceId: actor.workspaceId,
      id: decisionId,
      itemId,
      text: input.text,
      taskId,
      createdBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'case_review_decision.create',
      entityType: 'case_review_decision',
      entityId: decisionId,
      personId: item.personId,
      changedFields: ['text', ...(taskId ? ['taskId'] : [])],
      requestId,
    });
  });
}
