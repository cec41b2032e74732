import { writeAudit } from '#src/shared/audit/write.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { notify } from '#src/modules/notifications/index.ts';
import { renewalReminderDays } from '#src/modules/applications/domain/vocabulary.ts';
import { applicationsDueForReminder, recordReminder } from '#src/modules/applications/repo/applications.repo.ts';

const t = messages.applications.reminder;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const frenchDate = (day: string) => day.split('-').reverse().join('/');

/**
 * Reminds the referent to renew an application 60 and 30 days before it expires. Each reminder covers a
 * window (61–60 down to 31 days, then 30 down to 1 day) so a missed daily run is caught up the next day;
 * a reminder is recorded once per (application, expiry, window), so it never leaves twice, and a renewal
 * (a new expiry date) starts the reminders again.
 */
export async function sendRenewalReminders(db: Db, now: Date): Promise<{ sent: number }> {
  const today = parisDay(now);
  const offsets = [...renewalReminderDays].sort((a, b) => b - a);
  const windows = offsets.map((days, i) => ({
    daysBefore: days,
    from: addDays(today, offsets[i + 1] ?? 0),
    to: addDays(today, days),
  }));
  let sent = 0;
  for (const due of await applicationsDueForReminder(db, windows)) {
    const done = await db.transaction(async (tx) => {
      const recorded = await recordReminder(tx, {
        workspaceId: due.workspaceId,
        id: newId(),
        applicationId: due.id,
        expiresOn: due.expiresOn,
        daysBefore: due.daysBefore,
      });
      if (!recorded) return false;
      await notify(tx, {
        workspaceId: due.workspaceId,
        userId: due.referentUserId,
        kind: 'housing_application.renewal',
        title: t.title(daysBetween(today, due.expiresOn)),
        body: t.body(due.personName, frenchDate(due.expiresOn)),
        link: `/demandes-logement/${due.id}`,
        email: false,
      });
      await writeAudit(tx, {
        workspaceId: due.workspaceId,
        actorUserId: null,
        action: 'housing_application.renewal_reminder',
        entityType: 'housing_application',
        entityId: due.id,
        personId: due.personId,
        changedFields: ['renewalReminder'],
      });
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}
