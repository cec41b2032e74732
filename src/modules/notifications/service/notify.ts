import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { isAppPath } from '#src/modules/notifications/domain/email-delivery.ts';
import { insertNotification } from '#src/modules/notifications/repo/notifications.repo.ts';

export type NotifyInput = {
  workspaceId: string;
  userId: string;
  /** What the notification is about, for filtering and icons: 'task.reminder', 'referral.assigned'… */
  kind: string;
  /** Goes out by e-mail when `email` is true: name no person in it; the body stays in the app. */
  title: string;
  body: string;
  /** A path inside the app, such as /parcours/…; the e-mail links to it on the public URL. */
  link: string | null;
  email: boolean;
};

/**
 * Records a notification inside the caller's transaction and nothing more (a transactional outbox):
 * the e-mail leaves later from the job, so a rolled-back write leaves neither a notification nor
 * a sent e-mail, and no mail server is waited for while the transaction holds its locks.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<string> {
  if (input.link !== null && !isAppPath(input.link)) {
    throw new Error(`notification link must be a path inside the app: ${input.link}`);
  }
  const id = newId();
  await insertNotification(tx, { ...input, id });
  return id;
}
