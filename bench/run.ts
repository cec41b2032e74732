import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '#src/shared/db/client.ts';
import { analyze, insertSyntheticData, planSyntheticData, type ScaleName } from './generate.ts';
import { startApp, type RunningApp } from './lib/app-process.ts';
import { createThrowawayPostgres, type ThrowawayPostgres } from './lib/postgres.ts';
import { formatScenario } from './lib/report.ts';
import { runSignInHome } from './scenarios/sign-in-home.ts';
import { insertBenchCatalogue, runCatalogueSearch } from './scenarios/catalogue-search.ts';
import { measureInitialBundle } from './scenarios/initial-bundle.ts';
import { measureFormEngine } from './scenarios/form-engine.ts';
import { measureMatching } from './scenarios/matching.ts';
import { measureRecommendationPdf } from './scenarios/recommendation-pdf.ts';
import { measureFundingSimulation } from './scenarios/funding-simulation.ts';
import { fileURLToPath } from 'node:url';

const scenarioNames = [
  'sign-in-home',
  'catalogue-search',
  'initial-bundle',
  'form-engine',
  'matching',
  'recommendation-pdf',
  'funding-simulation',
] as const;
type ScenarioName = (typeof scenarioNames)[number];

const usage = `Usage : npm run bench -- [--scale town|departement] [--quick] [--seed N] [--clients N] [--duration S]

  --scale      town (30 000 personnes, défaut) ou departement (500 000 personnes)
  --quick      essai rapide : petites données, quelques secondes (pour un test de fumée)
  --seed       graine des données synthétiques (défaut 1)
  --clients    clients simultanés (défaut 50, 10 avec --quick)
  --duration   durée de chaque phase mesurée, en secondes (défaut 30, 2 avec --quick)
  --pool       connexions PostgreSQL de l'application et de la référence SQL (défaut 10, celui de openDatabase)
  --only       scénarios à mesurer, séparés par des virgules (défaut : tous) : ${scenarioNames.join(', ')}

Sans BENCH_DATABASE_URL, un PostgreSQL 15 jetable est démarré puis supprimé.
Avec BENCH_DATABASE_URL, les données sont créées dans cette base (ou réutilisées si la même graine y est déjà).
Code de sortie non nul seulement en cas d'erreur (dont toute réponse non 2xx) ; un budget manqué s'affiche FAIL.`;

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'town' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    clients: { type: 'string' },
    duration: { type: 'string' },
    pool: { type: 'string' },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.scale !== 'town' && values.scale !== 'departement') {
  console.error(`--scale doit valoir town ou departement.\n\n${usage}`);
  process.exit(2);
}
const positiveInt = (name: string, raw: string | undefined, fallback: number) => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} doit être un entier positif.`);
    process.exit(2);
  }
  return n;
};

const only = values.only?.split(',').map((name) => name.trim()) ?? [...scenarioNames];
const unknownScenario = only.find((name) => !(scenarioNames as readonly string[]).includes(name));
if (unknownScenario) {
  console.error(`--only : scénario inconnu « ${unknownScenario} ».\n\n${usage}`);
  process.exit(2);
}
const selected = (name: ScenarioName) => only.includes(name);
// Only the scenarios under HTTP load need the database and the app.
const needsServer = selected('sign-in-home') || selected('catalogue-search');

const quick = values.quick;
const scale: ScaleName = quick ? 'quick' : values.scale;
const settings = {
  seed: positiveInt('seed', values.seed, 1),
  clients: positiveInt('clients', values.clients, quick ? 10 : 50),
  durationMs: positiveInt('duration', values.duration, quick ? 2 : 30) * 1000,
  warmupMs: quick ? 500 : 5000,
  // A cap on top of the duration, so that no loop can run away.
  maxIterationsPerClient: 20_000,
  // openDatabase's default, which the app gets from src/app/start.ts; --pool explores others.
  poolSize: positiveInt('pool', values.pool, 10),
};

const startedAt = performance.now();
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${elapsed().padStart(7)}] ${line}`);

let postgres: ThrowawayPostgres | undefined;
let app: RunningApp | undefined;
let appUsage: Awaited<ReturnType<RunningApp['stop']>>;

let cleaning: Promise<void> | undefined;
/** Stops the app, then the throwaway cluster; every caller shares the one run. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    if (app) appUsage = await app.stop().catch(() => undefined);
    await postgres?.stop();
  })();
  return cleaning;
}
// Leave nothing behind: Ctrl-C, kill, or a crash still stop the app and remove the cluster.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (cleaning) process.exit(130); // a second signal: the 'exit' handler finishes synchronously
    console.error(`\n${signal} : arrêt et nettoyage…`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.once('exit', () => {
  app?.kill();
  postgres?.stopSync();
});

async function main(): Promise<number> {
  log(
    `banc d'essai Demeure — échelle ${scale}, graine ${settings.seed}, ${settings.clients} clients, phases de ${settings.durationMs / 1000} s`,
  );
  const loadBefore = loadavg()[0]!;
  log(
    `Node ${process.version}, ${availableParallelism()} cœurs, charge de la machine (1 min) ${loadBefore.toFixed(2)}`,
  );
  // Other processes competing for the cores skew every figure: say so next to them.
  if (loadBefore > 1) log('ATTENTION : la machine est déjà occupée ; les latences mesurées seront pessimistes.');
  let errors = 0;
  if (needsServer) errors += await measureUnderLoad();
  if (selected('initial-bundle')) console.log(measureInitialBundle(fileURLToPath(new URL('../dist', import.meta.url))));
  if (selected('form-engine')) console.log(await measureFormEngine());
  if (selected('matching')) console.log(measureMatching(settings.seed));
  if (selected('recommendation-pdf')) console.log(await measureRecommendationPdf());
  if (selected('funding-simulation')) console.log(measureFundingSimulation(settings.seed));

  await cleanup();
  const harness = process.resourceUsage();
  const harnessRss = harness.maxRSS / 1024;
  const harnessCpu = (harness.userCPUTime + harness.systemCPUTime) / 1e6;
  console.log(
    `\nDurée totale ${elapsed()} ; mémoire maximale : banc ${harnessRss.toFixed(0)} Mio (CPU ${harnessCpu.toFixed(1)} s)` +
      (appUsage
        ? `, application ${(appUsage.maxRssKiB / 1024).toFixed(0)} Mio (CPU ${((appUsage.cpuUserMs + appUsage.cpuSystemMs) / 1000).toFixed(1)} s)`
        : ''),
  );
  if (errors > 0) {
    console.error(`\n${errors} erreur(s) pendant la charge : échec.`);
    return 1;
  }
  return 0;
}

/** The scenarios under HTTP load: a PostgreSQL with the synthetic data, and the real app in a child process. */
async function measureUnderLoad(): Promise<number> {
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) {
    log('base : BENCH_DATABASE_URL');
  } else {
    postgres = createThrowawayPostgres();
    databaseUrl = await postgres.start();
    log(`PostgreSQL jetable démarré (${postgres.dir})`);
  }

  // One connection, so that the generator's transaction and the VACUUMs run on it.
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 1 });
  let data: ReturnType<typeof planSyntheticData>;
  try {
    const [version] = (await database.execute("select current_setting('server_version') as v")).rows;
    await database.migrate();
    log(`PostgreSQL ${String(version?.v)} : migrations appliquées`);
    data = planSyntheticData(scale, settings.seed);
    log(
      `données planifiées : ${data.organizations.length} organisations, ${data.users.length} utilisateurs, ` +
        `${data.persons.ids.length} personnes, ${data.caseTeam.ids.length} membres d'équipes de suivi`,
    );
    const { inserted } = await insertSyntheticData(database.db, data);
    log(inserted ? 'données insérées' : 'données déjà présentes (même graine et échelle) : réutilisées');
    const catalogue = await insertBenchCatalogue(database.db, data);
    log(catalogue.inserted ? 'catalogue inséré' : 'catalogue déjà présent : réutilisé');
    await analyze(database.db);
    log('VACUUM ANALYZE fait');
  } finally {
    await database.close();
  }

  app = await startApp(databaseUrl, settings.poolSize);
  await app.ready;
  log(`application démarrée sur ${app.baseUrl}`);

  const loadOptions = {
    baseUrl: app.baseUrl,
    databaseUrl,
    data,
    seed: settings.seed,
    clients: settings.clients,
    warmupMs: settings.warmupMs,
    durationMs: settings.durationMs,
    maxIterationsPerClient: settings.maxIterationsPerClient,
    poolSize: settings.poolSize,
    log,
  };
  let errors = 0;
  for (const [name, run] of [
    ['sign-in-home', runSignInHome],
    ['catalogue-search', runCatalogueSearch],
  ] as const) {
    if (!selected(name)) continue;
    const result = await run(loadOptions);
    console.log(formatScenario(result));
    errors += result.errors;
  }
  return errors;
}

void main()
  .catch((error: unknown) => {
    console.error('Banc d’essai interrompu :', error);
    return 1;
  })
  .then(async (code) => {
    await cleanup().catch((error: unknown) => console.error('nettoyage :', error));
    process.exit(code);
  });
