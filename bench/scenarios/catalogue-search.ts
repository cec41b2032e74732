import { count, eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import type { Permission } from '#src/shared/auth/permissions.ts';
import { insertCatalogueRows, type CatalogueRows } from '#src/modules/catalogue/index.ts';
import { products } from '#src/modules/catalogue/db/schema.ts';
import { activityCodes, roomCodes } from '#src/modules/catalogue/domain/vocabulary.ts';
import { searchQuerySchema } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { searchCatalogue } from '#src/modules/catalogue/service/search.ts';
import { rolePermissions, type Role } from '#src/modules/platform/index.ts';
import { planCatalogue } from '#tests/fixtures/demo-catalogue.ts';
import { createRng, hashSeed, type Rng } from '#tests/fixtures/synthetic/prng.ts';
import { type SyntheticData } from '../generate.ts';
import { expectOk, signInAll } from '../lib/clients.ts';
import { Recorder, runClosedLoop } from '../lib/load.ts';
import type { ScenarioResult } from '../lib/report.ts';

/**
 * The catalogue search page under N concurrent virtual clients holding catalogue.read: each signs in once,
 * then runs GET /api/catalogue/search again and again with no think time, with a mix of what therapists type
 * and click (words with and without accents, a typo, an ISO class, a price range, reimbursed, in the showroom).
 * The API always computes the facets, as the page needs them. The baseline is the same search through the
 * service (searchCatalogue, without HTTP, session and serialisation), at the same concurrency; the floor is
 * GET /api/me under the same load, what any signed-in read costs before doing anything of its own.
 */

export const CATALOGUE_PRODUCTS = 3_000;
const PAGE_LIMIT = 25; // what the search page asks for
const BUDGET_MS = 30; // issue 6: catalogue search p95 < 30 ms at 3,000 products with 50 concurrent clients
// A fixed day, so that the same seed writes the same catalogue (prices are dated from it).
const CATALOGUE_DAY = '2026-01-15';
const LABEL = {
  signIn: 'POST /api/auth/sign-in/email (catalogue)',
  api: 'GET /api/catalogue/search',
  service: 'searchCatalogue (service, sans HTTP)',
  floor: 'GET /api/me (plancher : session seule)',
};

/**
 * Writes the 3,000 products (the demo generator's templates, seeded), 20 distributors, the ISO list and about
 * one showroom item for four products, in one transaction; a workspace that already has products is reused.
 */
export async function insertBenchCatalogue(db: Db, data: SyntheticData): Promise<{ inserted: boolean }> {
  const workspaceId = data.workspace.id;
  const [existing] = await db.select({ n: count() }).from(products).where(eq(products.workspaceId, workspaceId));
  if ((existing?.n ?? 0) > 0) return { inserted: false };
  const { rng, rows } = planCatalogue(workspaceId, CATALOGUE_DAY, CATALOGUE_PRODUCTS, `bench-${data.seed}`);
  const items: NonNullable<CatalogueRows['showroomItems']> = rows.products
    .filter(() => rng.chance(0.25))
    .map((product) => ({
      workspaceId,
      id: newId(),
      productId: product.id,
      location: rng.pick(['showroom', 'showroom', 'showroom', 'mobile_unit', 'lent_out']),
      ownership: 'owned',
      state: rng.pick(['new', 'good', 'good', 'worn', 'out_of_service']),
    }));
  await db.transaction((tx) => insertCatalogueRows(tx, { ...rows, showroomItems: items }));
  for (const table of ['catalogue_iso_codes', 'catalogue_products', 'catalogue_showroom_items']) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }
  return { inserted: true };
}

export type CatalogueSearchOptions = {
  baseUrl: string;
  databaseUrl: string;
  data: SyntheticData;
  seed: number;
  clients: number;
  warmupMs: number;
  durationMs: number;
  maxIterationsPerClient: number;
  poolSize: number;
  log: (line: string) => void;
};

/** The roles that search the catalogue most come first: therapists, documentation, then case workers. */
const roleOrder: Role[] = ['ot', 'documentation', 'livinglab', 'referent', 'social_financial', 'reception', 'manager'];

type VirtualClient = {
  email: string;
  userId: string;
  forwardedFor: string;
  queries: URLSearchParams[];
  cookie?: string;
};

const stripAccents = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '');

/** One search as the page sends it: words and filters, only the non-empty ones, and the page size. */
function searchQueryFor(rng: Rng, names: string[], isoCodes: string[]): URLSearchParams {
  const params: Record<string, string> = {};
  const words = rng
    .pick(names)
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 4);
  const form = rng.next();
  if (form < 0.25 && words.length) {
    params.q = rng.pick(words); // as written, accents included
  } else if (form < 0.45 && words.length) {
    params.q = stripAccents(rng.pick(words));
  } else if (form < 0.55 && words.length >= 2) {
    params.q = words.slice(0, 2).join(' ');
  } else if (form < 0.7 && words.some((w) => w.length >= 6)) {
    // Two neighbouring letters swapped: typo tolerance must still find the product.
    const word = stripAccents(rng.pick(words.filter((w) => w.length >= 6)));
    const k = rng.int(1, word.length - 3);
    params.q = word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2);
  }
  // Otherwise no words: the page browsed by its filters only.
  if (rng.chance(0.3)) params.iso = rng.pick(isoCodes).slice(0, rng.chance(0.7) ? 2 : 4);
  if (rng.chance(0.2)) {
    const min = rng.int(0, 20) * 10;
    params.minPrice = String(min);
    params.maxPrice = String(min + rng.int(5, 50) * 10);
  }
  if (rng.chance(0.2)) params.reimbursed = rng.pick(['yes', 'no']);
  if (rng.chance(0.15)) params.inShowroom = 'true';
  if (rng.chance(0.1)) params.activity = rng.pick(activityCodes);
  if (rng.chance(0.05)) params.room = rng.pick(roomCodes);
  return new URLSearchParams({ ...params, limit: String(PAGE_LIMIT) });
}

function buildClients(data: SyntheticData, count: number, seed: number, names: string[], isoCodes: string[]) {
  const rng = createRng(hashSeed('catalogue-clients', data.scale, seed));
  const readers = data.users
    .filter((u) => rolePermissions[u.role].includes('catalogue.read'))
    .map((u) => ({ u, tie: rng.next() }))
    .sort((a, b) => roleOrder.indexOf(a.u.role) - roleOrder.indexOf(b.u.role) || a.tie - b.tie)
    .map(({ u }) => u);
  if (readers.length < count) {
    throw new Error(`${count} clients demandés, mais seulement ${readers.length} utilisateurs lisent le catalogue`);
  }
  if (count > 254) throw new Error('trop de clients pour la plage d’adresses de documentation');
  return readers.slice(0, count).map((user, k): VirtualClient => {
    const queries = createRng(hashSeed('catalogue-queries', data.scale, seed, k));
    return {
      email: user.email,
      userId: user.id,
      // A documentation range (RFC 5737) of its own, so the sign-in rate limit counts this scenario apart.
      forwardedFor: `203.0.113.${k + 1}`,
      queries: Array.from({ length: 64 }, () => searchQueryFor(queries, names, isoCodes)),
    };
  });
}

export async function runCatalogueSearch(options: CatalogueSearchOptions): Promise<ScenarioResult> {
  const { baseUrl, data, log } = options;
  const workspaceId = data.workspace.id;
  const notes: string[] = [];
  const recorder = new Recorder();
  const database = await openDatabase({ kind: 'postgres', url: options.databaseUrl, poolSize: options.poolSize });
  try {
    const catalogue = (await database.db
      .select({ name: products.name, iso: products.primaryIsoCode })
      .from(products)
      .where(eq(products.workspaceId, workspaceId))) as { name: string; iso: string }[];
    const clients = buildClients(
      data,
      options.clients,
      options.seed,
      catalogue.map((p) => p.name),
      [...new Set(catalogue.map((p) => p.iso))].sort(),
    );

    log(`  catalogue : ${catalogue.length} produits ; connexion de ${clients.length} clients…`);
    const signInSeconds = await signInAll(baseUrl, clients, recorder, LABEL.signIn);
    const signedIn = clients.filter((c) => c.cookie);
    const search = (client: VirtualClient, query: URLSearchParams) =>
      fetch(`${baseUrl}/api/catalogue/search?${query}`, {
        headers: { cookie: client.cookie!, 'x-forwarded-for': client.forwardedFor },
      }).then(expectOk);

    // The service runs as the API's actor would: the user's workspace and the permissions of their role.
    const actors = signedIn.map((client) => {
      const user = data.users.find((u) => u.id === client.userId)!;
      return {
        userId: user.id,
        sessionId: newId(),
        email: user.email,
        name: user.name,
        workspaceId,
        workspaceName: data.workspace.name,
        memberships: [],
        permissions: new Set<Permission>(rolePermissions[user.role]),
        twoFactorSetupRequired: false,
      };
    });
    const viaService = (k: number, query: URLSearchParams) =>
      searchCatalogue(database.db, actors[k]!, searchQuerySchema.parse(Object.fromEntries(query)));

    // The baseline must answer what the API answers, or the ratio means nothing.
    let compared = 0;
    let empty = 0;
    for (const [k, client] of signedIn.slice(0, 5).entries()) {
      for (const query of client.queries.slice(0, 8)) {
        const api = JSON.parse(await search(client, query)) as { total: number; items: { id: string }[] };
        const service = await viaService(k, query);
        if (api.total !== service.total || api.items.map((i) => i.id).join() !== service.items.map((i) => i.id).join())
          notes.push(`ATTENTION : le service diffère de l'API pour « ${query} ».`);
        if (api.total === 0) empty += 1;
        compared += 1;
      }
    }
    notes.push(`Équivalence API / service vérifiée sur ${compared} recherches (${empty} sans résultat).`);

    const limits = { clients: signedIn.length, maxIterationsPerClient: options.maxIterationsPerClient };
    const apiIteration = (target: Recorder) => async (k: number, n: number) => {
      const client = signedIn[k]!;
      await target.time(LABEL.api, () => search(client, client.queries[n % client.queries.length]!));
    };
    log(`  échauffement ${options.warmupMs / 1000} s…`);
    const warmup = new Recorder();
    await runClosedLoop({ ...limits, durationMs: options.warmupMs }, apiIteration(warmup));
    if (warmup.errorCount > 0) recorder.errorExamples.push(...warmup.errorExamples.map((e) => `échauffement — ${e}`));

    log(`  API : ${signedIn.length} clients pendant ${options.durationMs / 1000} s…`);
    const apiSeconds = await runClosedLoop({ ...limits, durationMs: options.durationMs }, apiIteration(recorder));

    log(`  plancher /api/me : ${signedIn.length} clients pendant ${options.durationMs / 1000} s…`);
    const floorSeconds = await runClosedLoop({ ...limits, durationMs: options.durationMs }, async (k) => {
      const client = signedIn[k]!;
      await recorder.time(LABEL.floor, () =>
        fetch(`${baseUrl}/api/me`, {
          headers: { cookie: client.cookie!, 'x-forwarded-for': client.forwardedFor },
        }).then(expectOk),
      );
    });

    log(`  service : ${signedIn.length} clients pendant ${options.durationMs / 1000} s…`);
    const serviceIteration = (target: Recorder) => async (k: number, n: number) => {
      const queries = signedIn[k]!.queries;
      await target.time(LABEL.service, () => viaService(k, queries[n % queries.length]!));
    };
    await runClosedLoop({ ...limits, durationMs: Math.min(options.warmupMs, 2000) }, serviceIteration(new Recorder()));
    const serviceSeconds = await runClosedLoop(
      { ...limits, durationMs: options.durationMs },
      serviceIteration(recorder),
    );

    const rows = [
      recorder.summary(LABEL.signIn, signInSeconds),
      recorder.summary(LABEL.api, apiSeconds),
      recorder.summary(LABEL.floor, floorSeconds),
      recorder.summary(LABEL.service, serviceSeconds),
    ];
    const p95 = (label: string) => rows.find((r) => r.label === label)!.p95;
    notes.push(
      `${catalogue.length} produits, pages de ${PAGE_LIMIT}, facettes toujours calculées ; ` +
        `clients : ${signedIn.length} (${[...new Set(signedIn.map((c) => data.users.find((u) => u.id === c.userId)!.role))].join(', ')}), ` +
        `boucle fermée sans temps de réflexion ; pool PostgreSQL de ${options.poolSize} connexions des deux côtés.`,
    );
    return {
      title: `Recherche dans le catalogue (${catalogue.length} produits, ${signedIn.length} clients simultanés)`,
      rows,
      ratios: [
        { label: `${LABEL.api} / ${LABEL.service}`, api: p95(LABEL.api), sql: p95(LABEL.service) },
        { label: `${LABEL.api} / ${LABEL.floor}`, api: p95(LABEL.api), sql: p95(LABEL.floor) },
      ],
      budgets: [{ label: LABEL.api, p95: p95(LABEL.api), limitMs: BUDGET_MS }],
      errors: recorder.errorCount,
      errorExamples: recorder.errorExamples,
      notes,
    };
  } finally {
    await database.close();
  }
}
