/**
 * When a notification e-mail is tried again. Mail servers refuse for minutes at a time (greylisting,
 * restarts), so waits double from one minute; after the last attempt the e-mail is given up and the
 * notification stays in the app.
 */
export const MAX_EMAIL_ATTEMPTS = 5;
const FIRST_RETRY_MS = 60_000;

/**
 * A claimed e-mail whose sender vanished (process killed mid-send) is never retried: it may have
 * left already, and a reminder sent twice is worse than one the user finds in the app.
 */
export const EMAIL_CLAIM_MS = 15 * 60_000;

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** What becomes of an e-mail whose `attempts`-th try has just failed. */
export function afterFailedAttempt(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAX_EMAIL_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1)) };
}

/** A notification links into the app; the e-mail turns the path into an address on the public URL. */
export function isAppPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//') && !/[\s\\]/.test(link);
}
