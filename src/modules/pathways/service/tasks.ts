import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, notFound, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay, parisInstant } from '#src/shared/time/paris.ts';

/** Reminders fire at the start of the working day of the due date, unless the user sets another time. */
const REMINDER_TIME = '08:00';
import { isOnPathwayTeam } from '#src/modules/pathways/repo/pathways.repo.ts';
import { findTask, insertTask, setTaskStatus } from '#src/modules/pathways/repo/tasks.repo.ts';
import { writablePathway } from '#src/modules/pathways/service/pathways.ts';

const t = messages.pathways.tasks;

export type CreateTaskInput = {
  pathwayId: string;
  title: string;
  dueDate: string;
  assigneeUserId: string;
  /** Defaults to 08:00 Paris time on the due date. */
  remindAt?: Date | undefined;
  requestId: string | null;
};

/**
 * Adds a task to a pathway the actor may write to, in the caller's transaction (a case review turns
 * its decisions into tasks atomically). The assignee must be able to see the pathway.
 */
export async function createPathwayTask(tx: Db, actor: Actor, input: CreateTaskInput): Promise<string> {
  const pathway = await writablePathway(tx, actor, input.pathwayId);
  const issues: FieldIssue[] = [];
  if (!input.title.trim()) issues.push({ path: 'title', message: messages.validation.required });
  if (input.dueDate < parisDay(new Date())) issues.push({ path: 'dueDate', message: t.dueInPast });
  if (!(await isOnPathwayTeam(tx, actor.workspaceId, input.pathwayId, input.assigneeUserId)))
    issues.push({ path: 'assigneeUserId', message: t.assigneeNotOnTeam });
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  const id = newId();
  await insertTask(tx, {
    id,
    workspaceId: actor.workspaceId,
    pathwayId: input.pathwayId,
    title: input.title.trim(),
    dueDate: input.dueDate,
    assigneeUserId: input.assigneeUserId,
    remindAt: input.remindAt ?? parisInstant(input.dueDate, REMINDER_TIME),
    createdBy: actor.userId,
  });
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: 'pathway_task.create',
    entityType: 'pathway_task',
    entityId: id,
    personId: pathway.personId,
    changedFields: ['title', 'dueDate', 'assigneeUserId', 'remindAt'],
    requestId: input.requestId,
  });
  return id;
}

export async function changeTaskStatus(db: Db, actor: Actor, id: string, status: 'open' | 'done', requestId: string) {
  await db.transaction(async (tx) => {
    const task = await findTask(tx, actor.workspaceId, id);
    if (!task) throw notFound();
    const pathway = await writablePathway(tx, actor, task.pathwayId);
    if (task.status === status) return;
    await setTaskStatus(tx, actor.workspaceId, id, status);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_task.update',
      entityType: 'pathway_task',
      entityId: id,
      personId: pathway.personId,
      changedFields: ['status'],
      requestId,
    });
  });
}
