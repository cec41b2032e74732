import type { Db } from '#src/shared/db/client.ts';
import type { AppDeps } from '#src/shared/http/env.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { listMemberRows } from '#src/modules/platform/index.ts';
import { afterFailedAttempt, EMAIL_CLAIM_MS } from '#src/modules/notifications/domain/email-delivery.ts';
import {
  abandonStaleClaims,
  claimDueEmails,
  type ClaimedEmail,
  recordEmailFailure,
  recordEmailSent,
} from '#src/modules/notifications/repo/notifications.repo.ts';

const BATCH_SIZE = 50;

/** Name and address of each recipient who is still a member of the notification's workspace. */
async function recipientsOf(db: Db, claimed: ClaimedEmail[]) {
  const recipients = new Map<string, { email: string; name: string }>();
  for (const workspaceId of new Set(claimed.map((c) => c.workspaceId))) {
    for (const member of await listMemberRows(db, workspaceId)) {
      recipients.set(`${workspaceId}:${member.userId}`, { email: member.email, name: member.name });
    }
  }
  return recipients;
}

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
  const recipients = await recipientsOf(db, claimed);
  for (const mail of claimed) {
    const recipient = recipients.get(`${mail.workspaceId}:${mail.userId}`);
    if (!recipient) {
      // They left the workspace since: its news are no longer theirs to receive.
      await recordEmailFailure(db, mail.workspaceId, mail.id, { status: 'failed' }, 'recipient no longer a member');
      run.failed += 1;
      continue;
    }
    try {
      await deps.mailer.send({
        to: recipient.email,
        subject: messages.notifications.mail.subject(mail.title),
        text: messages.notifications.mail.body(
          recipient.name,
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
