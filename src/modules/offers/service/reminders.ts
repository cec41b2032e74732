import { writeAudit } from '#src/shared/audit/write.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { notify } from '#src/modules/notifications/index.ts';
import { addDays, REMINDER_DAYS_BEFORE } from '#src/modules/offers/domain/answer-delay.ts';
import { claimAnswerReminder, dueAnswerReminders } from '#src/modules/offers/repo/offers.repo.ts';

const BATCH = 200;
const t = messages.offers;

/**
 * Reminds the pathway's referent of an attributed offer still awaiting the person's answer, once, from two
 * days before the deadline (an offer attributed later than that is reminded at once). Each offer is claimed
 * in its own transaction, so a run that overlaps another never reminds twice.
 */
export async function sendAnswerReminders(db: Db, now: Date): Promise<{ sent: number }> {
  const lastDeadline = addDays(parisDay(now), REMINDER_DAYS_BEFORE);
  let sent = 0;
  for (;;) {
    const due = await dueAnswerReminders(db, lastDeadline, BATCH);
    for (const offer of due) {
      const done = await db.transaction(async (tx) => {
        if (!(await claimAnswerReminder(tx, offer.workspaceId, offer.id))) return false;
        // The e-mail names no person: the title says what is due, the link leads to the offer.
        await notify(tx, {
          workspaceId: offer.workspaceId,
          userId: offer.referentUserId,
          kind: 'offer.answer_due',
          title: t.reminder.title(t.day(offer.responseDeadline!)),
          body: offer.unitLabel,
          link: `/propositions/${offer.id}`,
          email: true,
        });
        await writeAudit(tx, {
          workspaceId: offer.workspaceId,
          actorUserId: null,
          action: 'offer.remind',
          entityType: 'offer',
          entityId: offer.id,
          changedFields: ['reminderSentAt'],
        });
        return true;
      });
      if (done) sent++;
    }
    if (due.length < BATCH) return { sent };
  }
}
