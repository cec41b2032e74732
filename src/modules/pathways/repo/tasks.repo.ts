import { and, asc, eq, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { PersonScope } from '#src/modules/people/index.ts';
import { visibleTo } from '#src/modules/pathways/repo/pathways.repo.ts';
import type { Db } from '#src/shared/db/client.ts';
import { pathways, pathwayTasks } from '#src/modules/pathways/db/schema.ts';

export async function insertTask(db: Db, row: typeof pathwayTasks.$inferInsert): Promise<void> {
  await db.insert(pathwayTasks).values(row);
}

export const taskColumns = {
  id: pathwayTasks.id,
  pathwayId: pathwayTasks.pathwayId,
  title: pathwayTasks.title,
  dueDate: pathwayTasks.dueDate,
  assigneeUserId: pathwayTasks.assigneeUserId,
  assigneeName: sql<string>`(select name from auth_user u where u.id = ${pathwayTasks.assigneeUserId})`,
  status: pathwayTasks.status,
  remindAt: pathwayTasks.remindAt,
  remindedAt: pathwayTasks.remindedAt,
  completedAt: pathwayTasks.completedAt,
};

export type TaskRow = {
  id: string;
  pathwayId: string;
  title: string;
  dueDate: string;
  assigneeUserId: string;
  assigneeName: string;
  status: string;
  remindAt: Date;
  remindedAt: Date | null;
  completedAt: Date | null;
};

export async function listTasksOfPathway(db: Db, workspaceId: string, pathwayId: string): Promise<TaskRow[]> {
  return db
    .select(taskColumns)
    .from(pathwayTasks)
    .where(and(eq(pathwayTasks.workspaceId, workspaceId), eq(pathwayTasks.pathwayId, pathwayId)))
    .orderBy(asc(pathwayTasks.status), asc(pathwayTasks.dueDate), asc(pathwayTasks.id));
}

/**
 * The task lists: my open tasks; my overdue tasks; the overdue tasks of my team (pathways of my
 * organisations), always within the pathways the user may see.
 */
export async function selectTaskList(
  db: Db,
  scope: PersonScope,
  memberOf: string[],
  query: { view: 'mine' | 'overdue_mine' | 'overdue_team'; today: string; limit: number },
) {
  const clauses: SQL[] = [visibleTo(scope), eq(pathwayTasks.status, 'open')];
  if (query.view !== 'overdue_team') clauses.push(eq(pathwayTasks.assigneeUserId, scope.userId));
  if (query.view !== 'mine') clauses.push(lt(pathwayTasks.dueDate, query.today));
  if (query.view === 'overdue_team') clauses.push(inArray(pathways.owningOrganizationId, memberOf));
  return db
    .select({
      ...taskColumns,
      personId: pathways.personId,
      firstName: sql<string>`persons.first_name`,
      lastName: sql<string>`persons.last_name`,
    })
    .from(pathwayTasks)
    .innerJoin(
      pathways,
      and(eq(pathways.workspaceId, pathwayTasks.workspaceId), eq(pathways.id, pathwayTasks.pathwayId)),
    )
    .innerJoin(sql`persons`, sql`persons.workspace_id = ${pathways.workspaceId} and persons.id = ${pathways.personId}`)
    .where(and(...clauses))
    .orderBy(asc(pathwayTasks.dueDate), asc(pathwayTasks.id))
    .limit(query.limit);
}

export async function findTask(db: Db, workspaceId: string, id: string): Promise<TaskRow | null> {
  const [row] = await db
    .select(taskColumns)
    .from(pathwayTasks)
    .where(and(eq(pathwayTasks.workspaceId, workspaceId), eq(pathwayTasks.id, id)));
  return row ?? null;
}

export async function setTaskStatus(db: Db, workspaceId: string, id: string, status: 'open' | 'done') {
  await db
    .update(pathwayTasks)
    .set({ status, completedAt: status === 'done' ? sql`now()` : null, updatedAt: sql`now()` })
    .where(and(eq(pathwayTasks.workspaceId, workspaceId), eq(pathwayTasks.id, id)));
}

/** Open tasks whose reminder is due and not yet sent, across workspaces (the reminder job), oldest first. */
export async function dueReminders(db: Db, now: Date, limit: number) {
  return db
    .select({ workspaceId: pathwayTasks.workspaceId, id: pathwayTasks.id })
    .from(pathwayTasks)
    .where(and(eq(pathwayTasks.status, 'open'), isNull(pathwayTasks.remindedAt), lte(pathwayTasks.remindAt, now)))
    .orderBy(asc(pathwayTasks.remindAt))
    .limit(limit);
}

/**
 * Claims one reminder: marks it sent only if it still is due, locking the row, so two runs racing on
 * the same task notify once. Returns the task and its person's name, or null when another run took it.
 */
export async function claimReminder(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .update(pathwayTasks)
    .set({ remindedAt: sql`now()` })
    .where(
      and(
        eq(pathwayTasks.workspaceId, workspaceId),
        eq(pathwayTasks.id, id),
        eq(pathwayTasks.status, 'open'),
        isNull(pathwayTasks.remindedAt),
      ),
    )
    .returning({
      pathwayId: pathwayTasks.pathwayId,
      title: pathwayTasks.title,
      dueDate: pathwayTasks.dueDate,
      assigneeUserId: pathwayTasks.assigneeUserId,
    });
  return row ?? null;
}
