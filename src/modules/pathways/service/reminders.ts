import { writeAudit } from '#src/shared/audit/write.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { notify } from '#src/modules/notifications/index.ts';
import { claimReminder, dueReminders } from '#src/modules/pathways/repo/tasks.repo.ts';

const BATCH = 200;

/**
 * Sends the reminders due at `now`: one transaction per task claims it (marks it reminded only if it
 * still is due) and notifies the assignee in the app and by e-mail. A task already claimed, by an
 * earlier run or a concurrent one, is skipped, so no one is ever reminded twice of the same task.
 */
export async function sendDueTaskReminders(db: Db, now: Date): Promise<{ sent: number }> {
  let sent = 0;
  for (;;) {
    const due = await dueReminders(db, now, BATCH);
    for (const task of due) {
      const done = await db.transaction(async (tx) => {
        const claimed = await claimReminder(tx, task.workspaceId, task.id);
        if (!claimed) return false;
        // The e-mail names no person: the title says what is due, the link leads to the pathway.
        await notify(tx, {
          workspaceId: task.workspaceId,
          userId: claimed.assigneeUserId,
          kind: 'task.reminder',
          title: messages.pathways.reminders.title(claimed.dueDate),
          body: claimed.title,
          link: `/parcours/${claimed.pathwayId}`,
          email: true,
        });
        await writeAudit(tx, {
          workspaceId: task.workspaceId,
          actorUserId: null,
          action: 'pathway_task.remind',
          entityType: 'pathway_task',
          entityId: task.id,
          changedFields: ['remindedAt'],
        });
        return true;
      });
      if (done) sent++;
    }
    if (due.length < BATCH) return { sent };
  }
}
