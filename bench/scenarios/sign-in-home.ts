import pg from 'pg';
import { rolePermissions, type Role } from '#src/modules/platform/index.ts';
import { organizationWideIdsOf, type SyntheticData } from '../generate.ts';
import { expectOk, signInAll } from '../lib/clients.ts';
import { Recorder, runClosedLoop } from '../lib/load.ts';
import { createRng, hashSeed, weightedPicker, type Rng } from '#tests/fixtures/synthetic/prng.ts';
import type { ScenarioResult } from '../lib/report.ts';

/**
 * Sign-in, then the home page's API reads, under N concurrent virtual clients (agents):
 * each signs in once with its own account, then loads GET /api/me and the caseload
 * (GET /api/people/caseload) and searches a person (GET /api/people/search), again and again with no
 * think time. The same lookups are then run as bare SQL with pg, at the same concurrency, as the
 * baseline of the ratio.
 */

export type ScenarioOptions = {
  baseUrl: string;
  databaseUrl: string;
  data: SyntheticData;
  seed: number;
  clients: number;
  warmupMs: number;
  durationMs: number;
  maxIterationsPerClient: number;
  /** The app's pool size (openDatabase's default), given to the baseline pool too. */
  poolSize: number;
  log: (line: string) => void;
};

const SEARCH_LIMIT = 50; // what the person search page asks for
const CASELOAD_LIMIT = 50; // what the home page asks for
const LABEL = {
  signIn: 'POST /api/auth/sign-in/email',
  me: 'GET /api/me',
  caseload: 'GET /api/people/caseload',
  search: 'GET /api/people/search',
  sqlMemberships: 'SQL appartenances (de /api/me)',
  sqlCaseload: 'SQL portefeuille',
  sqlSearch: 'SQL recherche + visibilité',
};
const API_READ_BUDGET_MS = 100;

type VirtualClient = {
  user: number;
  email: string;
  userId: string;
  workspaceId: string;
  organizationWideIds: string[];
  terms: string[];
  forwardedFor: string;
  cookie?: string;
};

/** The agents who use the home page and search: roles holding person.read, mostly case workers. */
const clientRoleMix: [Role, number][] = [
  ['referent', 0.4],
  ['reception', 0.2],
  ['housing_officer', 0.1],
  ['ot', 0.08],
  ['social_financial', 0.08],
  ['manager', 0.08],
  ['landlord', 0.06],
];

function pickClientUsers(data: SyntheticData, count: number, rng: Rng): number[] {
  const readers = data.users
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => rolePermissions[u.role].includes('person.read'))
    // A manager of a home-help service sees nobody; the ones who search work where persons are followed.
    .filter(({ u }) => u.role !== 'manager' || ['ccas', 'cias'].includes(data.organizations[u.organization]!.kind));
  if (readers.length < count) {
    throw new Error(
      `${count} clients demandés, mais seulement ${readers.length} utilisateurs peuvent lire les personnes`,
    );
  }
  const pools = new Map<Role, number[]>(
    clientRoleMix.map(([role]) => [role, readers.filter(({ u }) => u.role === role).map(({ i }) => i)]),
  );
  const rolePick = weightedPicker(clientRoleMix.map(([, w]) => w));
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const pool = pools.get(clientRoleMix[rolePick(rng)]![0])!;
    const rest = readers.map(({ i }) => i).filter((i) => !chosen.has(i));
    const available = pool.filter((i) => !chosen.has(i));
    chosen.add(rng.pick(available.length ? available : rest));
  }
  return [...chosen];
}

const stripAccents = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '');

/** What an agent types: a prefix, a full name, a typo, with or without accents. */
function searchTermsFor(data: SyntheticData, visible: number[], rng: Rng, count: number): string[] {
  const { firstNames, lastNames } = data.persons;
  const terms: string[] = [];
  while (terms.length < count) {
    const person = visible.length && rng.chance(0.75) ? rng.pick(visible) : rng.int(0, lastNames.length - 1);
    const first = firstNames[person]!;
    const last = lastNames[person]!;
    const form = rng.next();
    let term: string;
    if (form < 0.35) {
      term = last.slice(0, rng.int(3, 6)).toLowerCase();
      if (rng.chance(0.5)) term = stripAccents(term);
    } else if (form < 0.6) {
      term = `${first} ${last}`;
    } else if (form < 0.75 && last.length >= 5) {
      // Two neighbouring letters swapped: the typo tolerance must still find the person.
      const k = rng.int(1, last.length - 3);
      term = stripAccents(last.slice(0, k) + last[k + 1] + last[k] + last.slice(k + 2)).toLowerCase();
    } else if (form < 0.9) {
      term = `${first} ${last.slice(0, 3)}`.toLowerCase();
    } else {
      term = last;
    }
    term = term.trim();
    if (term.length >= 2) terms.push(term);
  }
  return terms;
}

function buildClients(data: SyntheticData, count: number, seed: number): VirtualClient[] {
  const rng = createRng(hashSeed('clients', data.scale, seed));
  const users = pickClientUsers(data, count, rng);
  const caseload = new Map<number, number[]>(users.map((u) => [u, []]));
  for (let c = 0; c < data.caseTeam.ids.length; c += 1)
    caseload.get(data.caseTeam.user[c]!)?.push(data.caseTeam.person[c]!);
  const ownedBy = new Map<number, number[]>();
  const wideOrgs = new Set(
    users.filter((u) => organizationWideIdsOf(data, u).length > 0).map((u) => data.users[u]!.organization),
  );
  data.persons.owner.forEach((org, p) => {
    if (wideOrgs.has(org)) (ownedBy.get(org) ?? ownedBy.set(org, []).get(org)!).push(p);
  });
  if (users.length > 3 * 254) throw new Error('trop de clients pour les adresses de documentation');
  return users.map((u, k) => {
    const user = data.users[u]!;
    const organizationWideIds = organizationWideIdsOf(data, u);
    const visible = organizationWideIds.length
      ? [...caseload.get(u)!, ...(ownedBy.get(user.organization) ?? [])]
      : caseload.get(u)!;
    // Fictional client addresses from the documentation ranges (RFC 5737): only a header value, never a target.
    const ranges = ['192.0.2', '198.51.100', '203.0.113'];
    return {
      user: u,
      email: user.email,
      userId: user.id,
      workspaceId: data.workspace.id,
      organizationWideIds,
      terms: searchTermsFor(data, visible, createRng(hashSeed('terms', data.scale, seed, k)), 64),
      forwardedFor: `${ranges[Math.floor(k / 254)]}.${(k % 254) + 1}`,
    };
  });
}

/** The membership lookup of /api/me, as listMembershipsOfUser (platform/repo/memberships.repo.ts) issues it. */
const membershipsSql = `select w.name as workspace_name, m.organization_id, o.name, o.kind, m.role
  from memberships m
  join organizations o on o.workspace_id = m.workspace_id and o.id = m.organization_id
  join workspaces w on w.id = m.workspace_id
  where m.workspace_id = $1 and m.user_id = $2
  order by o.name`;

/** The caseload, as listCaseload (people/repo/persons.repo.ts) issues it. */
const caseloadSql = `select p.id, p.first_name, p.last_name, p.birth_date, p.commune_insee, p.owning_organization_id
  from persons p
  join case_team_members m on m.workspace_id = p.workspace_id and m.person_id = p.id
    and m.user_id = $2 and m.removed_at is null
  where p.workspace_id = $1
  order by p.last_name collate fr_icu asc, p.first_name collate fr_icu asc
  limit $3`;

/**
 * The person search with the visibility predicate, as searchVisiblePersons (people/repo/persons.repo.ts)
 * issues it; the word-similarity threshold is set once per connection, as openDatabase does.
 */
const WORD_SIMILARITY_THRESHOLD = 0.5;

function searchSql(client: VirtualClient, term: string, limit: number): { text: string; values: unknown[] } {
  const values: unknown[] = [client.workspaceId, client.userId, term, limit];
  const orgWide = client.organizationWideIds.length
    ? ` or p.owning_organization_id in (${client.organizationWideIds.map((id) => `$${values.push(id)}`).join(', ')})`
    : '';
  const text = `select p.id, p.first_name, p.last_name, p.birth_date, p.commune_insee, p.owning_organization_id
    from persons p
    where p.workspace_id = $1
      and (exists (select 1 from case_team_members m where m.workspace_id = p.workspace_id and m.person_id = p.id
                   and m.user_id = $2 and m.removed_at is null)${orgWide})
      and (p.search_name like '%' || immutable_unaccent(lower($3)) || '%' or immutable_unaccent(lower($3)) <% p.search_name)
    order by word_similarity(immutable_unaccent(lower($3)), p.search_name) desc, p.last_name collate fr_icu asc
    limit $4`;
  return { text, values };
}

export async function runSignInHome(options: ScenarioOptions): Promise<ScenarioResult> {
  const { baseUrl, data, log } = options;
  const clients = buildClients(data, options.clients, options.seed);
  const recorder = new Recorder();
  const notes: string[] = [];

  const get = (client: VirtualClient, path: string) =>
    fetch(`${baseUrl}${path}`, { headers: { cookie: client.cookie!, 'x-forwarded-for': client.forwardedFor } }).then(
      expectOk,
    );
  const searchPath = (term: string) =>
    `/api/people/search?${new URLSearchParams({ q: term, limit: String(SEARCH_LIMIT) })}`;

  // 1. Everyone signs in at once, as at the start of the working day.
  log(`  connexion de ${clients.length} clients…`);
  const signInSeconds = await signInAll(baseUrl, clients, recorder, LABEL.signIn);
  const signedIn = clients.filter((c) => c.cookie);

  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize,
    options: `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}`,
  });
  // An idle connection cut by the server (e.g. the cluster stopping on Ctrl-C) must not crash the run;
  // errors on queries in flight still reach their callers and are counted.
  pool.on('error', () => undefined);
  try {
    // 2. The baseline must answer what the API answers, or the ratio means nothing.
    let compared = 0;
    for (const client of signedIn.slice(0, 5)) {
      for (const term of client.terms.slice(0, 4)) {
        const api = JSON.parse(await get(client, searchPath(term))) as { items: { id: string }[] };
        const sql = searchSql(client, term, SEARCH_LIMIT);
        const rows = (await pool.query<{ id: string }>(sql.text, sql.values)).rows;
        const same =
          api.items.length === rows.length &&
          (rows.length === SEARCH_LIMIT ||
            api.items
              .map((i) => i.id)
              .sort()
              .join() ===
              rows
                .map((r) => r.id)
                .sort()
                .join());
        if (!same)
          notes.push(
            `ATTENTION : la requête SQL de référence diffère de l'API pour « ${term} » (${rows.length} contre ${api.items.length} lignes).`,
          );
        compared += 1;
      }
      const caseload = JSON.parse(await get(client, `/api/people/caseload?limit=${CASELOAD_LIMIT}`)) as {
        items: { id: string }[];
      };
      const caseloadRows = (
        await pool.query<{ id: string }>(caseloadSql, [client.workspaceId, client.userId, CASELOAD_LIMIT])
      ).rows;
      if (caseload.items.map((i) => i.id).join() !== caseloadRows.map((r) => r.id).join())
        notes.push('ATTENTION : la requête SQL de portefeuille diffère de /api/people/caseload.');
      const me = JSON.parse(await get(client, '/api/me')) as { memberships: unknown[] };
      const memberships = (await pool.query(membershipsSql, [client.workspaceId, client.userId])).rows;
      if (me.memberships.length !== memberships.length)
        notes.push("ATTENTION : la requête SQL d'appartenances diffère de /api/me.");
    }
    notes.push(`Équivalence API / SQL vérifiée sur ${compared} recherches et ${Math.min(5, signedIn.length)} profils.`);

    const apiIteration = (target: Recorder) => async (k: number, n: number) => {
      const client = signedIn[k]!;
      await target.time(LABEL.me, () => get(client, '/api/me'));
      await target.time(LABEL.caseload, () => get(client, `/api/people/caseload?limit=${CASELOAD_LIMIT}`));
      await target.time(LABEL.search, () => get(client, searchPath(client.terms[n % client.terms.length]!)));
    };
    const limits = { clients: signedIn.length, maxIterationsPerClient: options.maxIterationsPerClient };

    // 3. Warm-up (JIT, caches, pool connections), not recorded.
    log(`  échauffement ${options.warmupMs / 1000} s…`);
    const warmup = new Recorder();
    await runClosedLoop({ ...limits, durationMs: options.warmupMs }, apiIteration(warmup));
    if (warmup.errorCount > 0) recorder.errorExamples.push(...warmup.errorExamples.map((e) => `échauffement — ${e}`));

    // 4. The measured API phase, with a count of SQL transactions to see how many round trips a request costs.
    log(`  API : ${signedIn.length} clients pendant ${options.durationMs / 1000} s…`);
    const transactions = async () => {
      const { rows } = await pool.query<{ n: string }>(
        'select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()',
      );
      return Number(rows[0]!.n);
    };
    const settleStatistics = () => new Promise((resolve) => setTimeout(resolve, 1100)); // backends flush them at most once a second
    await settleStatistics();
    const before = await transactions();
    const apiSeconds = await runClosedLoop({ ...limits, durationMs: options.durationMs }, apiIteration(recorder));
    await settleStatistics();
    const apiTransactions = (await transactions()) - before - 1; // less the first count itself

    // 5. The bare-SQL baseline: same clients, same terms, same concurrency, a pool the app's size.
    log(`  SQL nu : ${signedIn.length} clients pendant ${options.durationMs / 1000} s…`);
    await runClosedLoop({ ...limits, durationMs: Math.min(options.warmupMs, 2000) }, async (k, n) => {
      const sql = searchSql(signedIn[k]!, signedIn[k]!.terms[n % signedIn[k]!.terms.length]!, SEARCH_LIMIT);
      await pool.query(sql.text, sql.values);
    });
    const sqlSeconds = await runClosedLoop({ ...limits, durationMs: options.durationMs }, async (k, n) => {
      const client = signedIn[k]!;
      await recorder.time(LABEL.sqlMemberships, () => pool.query(membershipsSql, [client.workspaceId, client.userId]));
      await recorder.time(LABEL.sqlCaseload, () =>
        pool.query(caseloadSql, [client.workspaceId, client.userId, CASELOAD_LIMIT]),
      );
      const sql = searchSql(client, client.terms[n % client.terms.length]!, SEARCH_LIMIT);
      await recorder.time(LABEL.sqlSearch, () => pool.query(sql.text, sql.values));
    });

    const rows = [
      recorder.summary(LABEL.signIn, signInSeconds),
      recorder.summary(LABEL.me, apiSeconds),
      recorder.summary(LABEL.caseload, apiSeconds),
      recorder.summary(LABEL.search, apiSeconds),
      recorder.summary(LABEL.sqlMemberships, sqlSeconds),
      recorder.summary(LABEL.sqlCaseload, sqlSeconds),
      recorder.summary(LABEL.sqlSearch, sqlSeconds),
    ];
    const p95 = (label: string) => rows.find((r) => r.label === label)!.p95;
    const apiRequests = rows.slice(1, 4).reduce((sum, r) => sum + r.count + r.errors, 0);
    if (apiRequests > 0) {
      notes.push(
        `≈ ${(apiTransactions / apiRequests).toFixed(1)} transactions SQL par requête API (pg_stat_database, phase API).`,
      );
    }
    notes.push(
      `Clients : ${signedIn.length} (${[...new Set(signedIn.map((c) => data.users[c.user]!.role))].join(', ')}), ` +
        `boucle fermée sans temps de réflexion ; pool PostgreSQL de ${options.poolSize} connexions côté API comme côté SQL nu.`,
    );
    return {
      title: `Connexion + API de la page d'accueil (${signedIn.length} clients simultanés)`,
      rows,
      ratios: [
        { label: `${LABEL.me} / ${LABEL.sqlMemberships}`, api: p95(LABEL.me), sql: p95(LABEL.sqlMemberships) },
        { label: `${LABEL.caseload} / ${LABEL.sqlCaseload}`, api: p95(LABEL.caseload), sql: p95(LABEL.sqlCaseload) },
        { label: `${LABEL.search} / ${LABEL.sqlSearch}`, api: p95(LABEL.search), sql: p95(LABEL.sqlSearch) },
      ],
      budgets: [
        { label: LABEL.me, p95: p95(LABEL.me), limitMs: API_READ_BUDGET_MS },
        { label: LABEL.caseload, p95: p95(LABEL.caseload), limitMs: API_READ_BUDGET_MS },
        { label: LABEL.search, p95: p95(LABEL.search), limitMs: API_READ_BUDGET_MS },
      ],
      errors: recorder.errorCount,
      errorExamples: recorder.errorExamples,
      notes,
    };
  } finally {
    await pool.end();
  }
}
