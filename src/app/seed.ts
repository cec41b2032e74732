import { sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { DEMO_PASSWORD, demoUsers, seedDemoTerritory } from '#tests/fixtures/demo-territory.ts';

/** Seeds the fictional demo territory on first start only. */
export async function seedIfEmpty(db: Db): Promise<void> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from workspaces`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  if ((rows[0]?.n ?? 0) > 0) return;
  await seedDemoTerritory(db);
}

export function demoLogins(): string {
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  return [
    '',
    'Territoire de démonstration créé (données fictives). Comptes de démonstration :',
    ...demoUsers.map((u) => `  ${u.email.padEnd(width)}  ${u.label}`),
    `Mot de passe commun : ${DEMO_PASSWORD}`,
    '',
  ].join('\n');
}
