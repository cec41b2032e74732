import type { AppDeps } from '#src/shared/http/env.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { afterFailedAttempt, EMAIL_CLAIM_MS } from '#src/modules/notifications/domain/email-delivery.ts';
import {
  abandonStaleClaims,
  claimDueEmails,
  recordEmailFailure,
  recordEmailSent,
} from '#src/modules/notifications/repo/notifications.repo.ts';

const BATCH_SIZE = 50;

export type EmailRun = { sent: number; retrying: number; failed: number; abandoned: number };

/**
 * Sends the notification e-mails that are due, one batch per call (the job calls it every minute).
 * Each e-mail is claimed in the database before it leaves and marked sent after, so two runs never
 * send the same one; a refused send waits and tries again, and is given up after the last attempt.
 */
export async function sendPendingNotificationEmails(
  deps: Pick<AppDeps, 'database' | 'mailer' | 'config' | 'log'>,
  now: Date,
): Promise<EmailRun> {
  const { db } = deps.database;
  const run: EmailRun = { sent: 0, retrying: 0, failed: 0, abandoned: 0 };
  run.abandoned = await abandonStaleClaims(db, now, 'sender stopped before confirming: not sent again');
  const claimed = await claimDueEmails(db, now, new Date(now.getTime() + EMAIL_CLAIM_MS), BATCH_SIZE);
  for (const mail of claimed) {
    try {
      await deps.mailer.send({
        to: mail.to,
        subject: messages.notifications.mail.subject(mail.title),
        text: messages.notifications.mail.body(
          mail.name,
          mail.title,
          `${deps.config.publicUrl}${mail.link ?? '/notifications'}`,
        ),
      });
    } catch (error) {
      const outcome = afterFailedAttempt(mail.attempts, now);
      await recordEmailFailure(db, mail.workspaceId, mail.id, outcome, String(error));
      if (outcome.status === 'failed') run.failed += 1;
      else run.retrying += 1;
      const fields = { notificationId: mail.id, attempt: mail.attempts, error: String(error) };
      if (outcome.status === 'failed') deps.log.error('notification e-mail given up', fields);
      else deps.log.info('notification e-mail refused, will retry', fields);
      continue;
    }
    await recordEmailSent(db, mail.workspaceId, mail.id, now);
    run.sent += 1;
  }
  return run;
}
