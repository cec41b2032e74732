import type { Db } from '#src/shared/db/client.ts';
import { hasAnyWorkspace } from '#src/modules/platform/index.ts';
import { DEMO_PASSWORD, demoLandlords, demoUsers, seedDemoTerritory } from '#tests/fixtures/demo-territory.ts';

/** Seeds the fictional demo territory on first start only. */
export async function seedIfEmpty(db: Db): Promise<void> {
  if (await hasAnyWorkspace(db)) return;
  await seedDemoTerritory(db);
}

export function demoLogins(): string {
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  return [
    '',
    'Territoire de démonstration (données fictives). Comptes de démonstration :',
    ...demoUsers.map((u) => `  ${u.email.padEnd(width)}  ${u.label}`),
    `  Les dix autres bailleurs sociaux : ${demoLandlords[1]!.staff!.email} … ${demoLandlords.at(-1)!.staff!.email}`,
    '  Deux autres référents : referent-2@demo.demeure.fr, referent-3@demo.demeure.fr',
    `Mot de passe commun : ${DEMO_PASSWORD}`,
    '',
  ].join('\n');
}
