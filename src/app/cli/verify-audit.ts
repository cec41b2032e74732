import { existsSync } from 'node:fs';
import { loadConfig } from '#src/shared/config.ts';
import { openDatabase } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { formatAuditVerification, verifyAllAuditChains } from '#src/modules/platform/service/verify-audit-chains.ts';

/**
 * `npm run audit:verify`: recomputes every workspace's audit chain on the configured database and
 * prints a French report. Exit code 0 when every chain is intact, 1 when one is broken, 2 when the
 * check could not run. The embedded database admits one process at a time: stop the server first.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const target = config.database;
  // Opening a missing directory would create an empty database and report it as intact.
  if (target.kind === 'pglite' && !target.dir.startsWith('memory://') && !existsSync(target.dir)) {
    console.error(messages.audit.verifyNoDatabase(target.dir));
    return 2;
  }
  const database = await openDatabase(target);
  try {
    const verification = await verifyAllAuditChains(database.db);
    console.log(formatAuditVerification(verification));
    return verification.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The root cause (unreachable server, missing table) says more than the query that met it.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    console.error(messages.audit.verifyFailed, cause instanceof Error ? cause.message : String(cause));
    process.exit(2);
  },
);
