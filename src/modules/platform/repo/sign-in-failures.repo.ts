import { eq, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { signInFailures } from '#src/modules/platform/db/schema.ts';

export async function findLock(db: Db, email: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(eq(signInFailures.email, email));
  return row?.lockedUntil ?? null;
}

/** Counts one more failure; locks the address once the threshold is reached. */
export async function recordFailure(db: Db, email: string, threshold: number, lockMinutes: number): Promise<void> {
  await db
    .insert(signInFailures)
    .values({ email, failedCount: 1 })
    .onConflictDoUpdate({
      target: signInFailures.email,
      set: {
        failedCount: sql`case when ${signInFailures.lockedUntil} < now() then 1 else ${signInFailures.failedCount} + 1 end`,
        updatedAt: sql`now()`,
      },
    });
  await db
    .update(signInFailures)
    .set({ lockedUntil: sql`now() + make_interval(mins => ${lockMinutes})`, failedCount: 0 })
    .where(sql`${signInFailures.email} = ${email} and ${signInFailures.failedCount} >= ${threshold}`);
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}
