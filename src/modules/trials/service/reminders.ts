import { writeAudit } from '#src/shared/audit/write.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { notify } from '#src/modules/notifications/index.ts';
import { claimFollowUpReminder, dueFollowUpReminders } from '#src/modules/trials/repo/trials.repo.ts';

const BATCH = 200;
const t = messages.trials;

/**
 * Reminds the therapist who led a trial that the follow-up of the acquired product is due, once, from its
 * due day. Each trial is claimed in its own transaction, so overlapping runs never remind twice.
 */
export async function sendFollowUpReminders(db: Db, now: Date): Promise<{ sent: number }> {
  const today = parisDay(now);
  let sent = 0;
  for (;;) {
    const due = await dueFollowUpReminders(db, today, BATCH);
    for (const trial of due) {
      const done = await db.transaction(async (tx) => {
        if (!(await claimFollowUpReminder(tx, trial.workspaceId, trial.id))) return false;
        // The e-mail carries only the title, which names no person; the body stays in the app.
        await notify(tx, {
          workspaceId: trial.workspaceId,
          userId: trial.therapistUserId,
          kind: 'trial.follow_up_due',
          title: t.reminder.title(trial.followUpDueOn),
          body: t.reminder.body(trial.productName, trial.personName ?? trial.professionalName ?? ''),
          link: '/essais/suivis',
          email: true,
        });
        await writeAudit(tx, {
          workspaceId: trial.workspaceId,
          actorUserId: null,
          action: 'trial.remind',
          entityType: 'trial',
          entityId: trial.id,
          changedFields: ['followUpRemindedAt'],
        });
        return true;
      });
      if (done) sent++;
    }
    if (due.length < BATCH) return { sent };
  }
}
