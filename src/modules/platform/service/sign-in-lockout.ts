import type { Db } from '#src/shared/db/client.ts';
import { clearFailures, findLock, recordFailure } from '#src/modules/platform/repo/sign-in-failures.repo.ts';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

const normalize = (email: string) => email.trim().toLowerCase();

export async function isLocked(db: Db, email: string, now = new Date()): Promise<boolean> {
  const lockedUntil = await findLock(db, normalize(email));
  return lockedUntil !== null && lockedUntil > now;
}

export async function registerSignInOutcome(db: Db, email: string, succeeded: boolean): Promise<void> {
  if (succeeded) await clearFailures(db, normalize(email));
  else await recordFailure(db, normalize(email), LOCKOUT_THRESHOLD, LOCKOUT_MINUTES);
}
