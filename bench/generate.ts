import { eq, sql } from 'drizzle-orm';
import { createRequire } from 'node:module';
import { hashPassword } from '#src/shared/auth/password.ts';
import type { Db } from '#src/shared/db/client.ts';
import { rolePermissions, type Role } from '#src/modules/platform/index.ts';
import { workspaces } from '#src/modules/platform/db/schema.ts';
import { fictionalSiret } from '#tests/fixtures/demo-territory.ts';
import {
  commonSurnames,
  elderlyFemaleFirstNames,
  elderlyMaleFirstNames,
  staffFirstNames,
  surnameEndings,
  surnameRoots,
} from '#tests/fixtures/synthetic/french-names.ts';
import { createRng, hashSeed, uuidV7Factory, weightedPicker, type Rng } from '#tests/fixtures/synthetic/prng.ts';

/**
 * Synthetic, invented data for the benchmarks: organisations, staff with a realistic role mix,
 * elderly persons with French names and their case teams. Deterministic for a given seed and scale.
 * Only commune codes are real (from @etalab/decoupage-administratif), so that territories look right.
 */

export type ScaleName = 'quick' | 'town' | 'departement';

type ScaleSpec = {
  persons: number;
  /** The territories (EPCI) covered: one for a town and its agglomeration, all of a département otherwise. */
  territories: { epciContaining: string } | { departement: string };
};

export const scales: Record<ScaleName, ScaleSpec> = {
  quick: { persons: 2_000, territories: { epciContaining: '59606' } },
  // Valenciennes and its agglomeration (CA Valenciennes Métropole).
  town: { persons: 30_000, territories: { epciContaining: '59606' } },
  // Every EPCI of the Nord (17).
  departement: { persons: 500_000, territories: { departement: '59' } },
};

/** The one password of every generated user: hashed once, reused for all (argon2id is slow by design). */
export const BENCH_PASSWORD = 'Banc-d-essai-Demeure-2026';

/** Staff per 30,000 persons followed, by role; every organisation also gets one manager. */
const staffPer30k: Partial<Record<Role, number>> = {
  reception: 24,
  referent: 60,
  admin: 3,
  housing_officer: 21,
  social_financial: 16,
  ot: 17,
  home_help: 100,
  landlord: 24,
  documentation: 6,
  livinglab: 6,
  researcher: 8,
};

type OrgRole =
  | 'ccas'
  | 'cias'
  | 'housing_service'
  | 'autonomy_service'
  | 'departement'
  | 'saad'
  | 'landlord'
  | 'resource_centre'
  | 'university'
  | 'company'
  | 'living_lab';

export type SyntheticOrganization = {
  id: string;
  kind: string;
  name: string;
  siret: string;
  communeInsee: string;
  territory: number;
  /** What it is in the territory, to place staff and persons. */
  part: OrgRole;
};

export type SyntheticUser = {
  id: string;
  accountId: string;
  membershipId: string;
  email: string;
  name: string;
  role: Role;
  organization: number;
  territory: number;
};

export type SyntheticData = {
  seed: number;
  scale: ScaleName;
  workspace: { id: string; slug: string; name: string };
  organizations: SyntheticOrganization[];
  users: SyntheticUser[];
  /** Column-wise, to keep 500,000 persons cheap in memory. */
  persons: {
    ids: string[];
    owner: Int32Array;
    firstNames: string[];
    lastNames: string[];
    birthDates: string[];
    communes: string[];
  };
  caseTeam: { ids: string[]; person: Int32Array; user: Int32Array; addedBy: Int32Array };
};

type Territory = { name: string; communes: { code: string; name: string; population: number }[]; population: number };

type EpciRecord = {
  code: string;
  nom: string;
  membres: { code: string; nom: string; populationMunicipale?: number }[];
};

function loadTerritories(spec: ScaleSpec): Territory[] {
  const require = createRequire(import.meta.url);
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as EpciRecord[];
  const toTerritory = (e: EpciRecord, departement?: string): Territory => {
    const communes = e.membres
      .filter((m) => !departement || m.code.startsWith(departement))
      .map((m) => ({ code: m.code, name: m.nom, population: m.populationMunicipale ?? 100 }))
      .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
    return { name: e.nom, communes, population: communes.reduce((s, c) => s + c.population, 0) };
  };
  if ('epciContaining' in spec.territories) {
    const code = spec.territories.epciContaining;
    const found = epcis.find((e) => e.membres.some((m) => m.code === code));
    if (!found) throw new Error(`no EPCI contains commune ${code}`);
    return [toTerritory(found)];
  }
  const departement = spec.territories.departement;
  return epcis
    .filter((e) => e.membres.some((m) => m.code.startsWith(departement)))
    .map((e) => toTerritory(e, departement))
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
}

/** Splits `total` by weights (largest remainder); everyone gets at least one when there is enough to go round. */
function distribute(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = total >= n ? 1 : 0;
  const rest = total - floor * n;
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = exact.map((x) => floor + Math.floor(x));
  let missing = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; missing > 0; k = (k + 1) % n, missing -= 1) counts[order[k]![1]]! += 1;
  return counts;
}

const asciiFold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "de Marly" but "d'Anzin": French elision before a vowel. */
const ofPlace = (name: string) => (/^[AEIOUYÉÈÊÂÎÔH]/i.test(name) ? `d'${name}` : `de ${name}`);

const zipf = (n: number, exponent: number, offset: number) =>
  Array.from({ length: n }, (_, r) => 1 / (r + 1 + offset) ** exponent);

function birthDate(rng: Rng): string {
  // More of the younger cohorts are still alive: weight later years up.
  const year = Math.min(1960, 1925 + Math.floor(36 * Math.sqrt(rng.next())));
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  return new Date(start + rng.int(0, days - 1) * 86_400_000).toISOString().slice(0, 10);
}

export function planSyntheticData(scale: ScaleName, seed: number): SyntheticData {
  const spec = scales[scale];
  const rng = createRng(hashSeed('demeure-bench', scale, seed));
  const newId = uuidV7Factory(createRng(hashSeed('ids', scale, seed)), Date.UTC(2025, 0, 1));
  const territories = loadTerritories(spec);
  const personsPerTerritory = distribute(
    spec.persons,
    territories.map((t) => t.population),
  );

  const workspace = {
    id: newId(),
    slug: `banc-essai-${scale}-${seed}`,
    name: `Banc d'essai (${scale}, graine ${seed}) — ${territories.length === 1 ? territories[0]!.name : 'Nord'}`,
  };
  const organizations: SyntheticOrganization[] = [];
  const users: SyntheticUser[] = [];
  const sirets = new Set<string>();
  const emailDomain = `${scale}.banc.demeure.test`;

  const pickSurname = (() => {
    const common = weightedPicker(zipf(commonSurnames.length, 0.9, 3));
    return () => {
      const draw = rng.next();
      if (draw < 0.4) return commonSurnames[common(rng)]!;
      if (draw < 0.97) return `${rng.pick(surnameRoots)}${rng.pick(surnameEndings)}`;
      return `${commonSurnames[common(rng)]!}-${commonSurnames[common(rng)]!}`;
    };
  })();
  const femaleName = weightedPicker(zipf(elderlyFemaleFirstNames.length, 0.5, 1));
  const maleName = weightedPicker(zipf(elderlyMaleFirstNames.length, 0.5, 1));

  const persons: SyntheticData['persons'] = {
    ids: [],
    owner: new Int32Array(spec.persons),
    firstNames: [],
    lastNames: [],
    birthDates: [],
    communes: [],
  };
  const caseTeamCapacity = spec.persons * 3;
  const caseTeam = {
    ids: [] as string[],
    person: new Int32Array(caseTeamCapacity),
    user: new Int32Array(caseTeamCapacity),
    addedBy: new Int32Array(caseTeamCapacity),
  };

  territories.forEach((territory, t) => {
    const personsHere = personsPerTerritory[t]!;
    if (personsHere === 0) return;
    const main = territory.communes[0]!;
    const firstOrg = organizations.length;
    const addOrg = (part: OrgRole, kind: string, name: string, communeInsee: string) => {
      let siret: string;
      do siret = fictionalSiret(String(rng.int(1_000_000, 9_999_999)) + String(rng.int(100_000, 999_999)));
      while (sirets.has(siret));
      sirets.add(siret);
      organizations.push({ id: newId(), kind, name, siret, communeInsee, territory: t, part });
      return organizations.length - 1;
    };

    const ccasCount = Math.min(territory.communes.length, Math.max(1, Math.round(personsHere / 10_000)));
    for (const commune of territory.communes.slice(0, ccasCount))
      addOrg('ccas', 'ccas', `CCAS ${ofPlace(commune.name)}`, commune.code);
    addOrg('cias', 'cias', `CIAS — ${territory.name}`, main.code);
    addOrg('housing_service', 'city_service', `Service habitat-logement ${ofPlace(main.name)}`, main.code);
    addOrg('autonomy_service', 'city_service', `Service autonomie et handicap ${ofPlace(main.name)}`, main.code);
    addOrg('departement', 'departement', `Maison départementale de l'autonomie — ${territory.name}`, main.code);
    const saadNames = [
      'ADMR',
      'Aide et Présence',
      'Domicile Services',
      'Âge d’Or Services',
      'Vivre chez soi',
      'Familles Rurales',
    ];
    const saadCount = Math.max(2, Math.round(personsHere / 5_000));
    for (let k = 0; k < saadCount; k += 1) {
      const commune = territory.communes[k % territory.communes.length]!;
      addOrg('saad', 'association', `SAAD ${saadNames[k % saadNames.length]} — ${commune.name}`, commune.code);
    }
    const landlordNames = [
      'Partenord Habitat',
      'Vilogia',
      'Maisons & Cités',
      'SIA Habitat',
      'Notre Logis',
      'Habitat du Nord',
    ];
    const landlordCount = Math.max(1, Math.round(personsHere / 7_500));
    for (let k = 0; k < landlordCount; k += 1) {
      addOrg(
        'landlord',
        'landlord',
        `${landlordNames[k % landlordNames.length]} — agence ${ofPlace(main.name)}`,
        main.code,
      );
    }
    addOrg('resource_centre', 'association', `Centre ressource habitat et autonomie — ${territory.name}`, main.code);
    addOrg('company', 'company', `Ergonomie & Habitat ${main.name}`, main.code);
    if (t === 0) {
      addOrg('university', 'university', `Laboratoire partenaire de l'université ${ofPlace(main.name)}`, main.code);
      addOrg('living_lab', 'other', `Living lab Bien-vieillir ${ofPlace(main.name)}`, main.code);
    }
    const orgsHere = organizations.slice(firstOrg).map((o, k) => ({ ...o, index: firstOrg + k }));
    const ofPart = (...parts: OrgRole[]) => orgsHere.filter((o) => parts.includes(o.part));
    const populationOf = (code: string) => territory.communes.find((c) => c.code === code)?.population ?? 1;

    // Where persons belong: mostly to the CCAS of their commune, then the CIAS, a little elsewhere.
    const ccas = ofPart('ccas');
    const ccasPopulation = ccas.reduce((s, o) => s + populationOf(o.communeInsee), 0);
    const owners = [
      ...ccas.map((o) => ({ org: o.index, weight: (0.8 * populationOf(o.communeInsee)) / ccasPopulation })),
      ...ofPart('cias').map((o) => ({ org: o.index, weight: 0.12 })),
      ...ofPart('resource_centre').map((o) => ({ org: o.index, weight: 0.05 })),
      ...ofPart('housing_service').map((o) => ({ org: o.index, weight: 0.03 })),
    ];

    // Staff: one manager per organisation, the other roles in the organisations that employ them.
    const staffTargets: [Role, { org: number; weight: number }[]][] = [
      ['reception', owners.slice(0, ccas.length + 1)],
      ['referent', owners.slice(0, ccas.length + 1)],
      ['admin', [{ org: ccas[0]!.index, weight: 1 }]],
      [
        'housing_officer',
        [
          ...ofPart('housing_service').map((o) => ({ org: o.index, weight: 0.7 })),
          ...ofPart('autonomy_service').map((o) => ({ org: o.index, weight: 0.3 })),
        ],
      ],
      [
        'social_financial',
        [
          ...ofPart('departement').map((o) => ({ org: o.index, weight: 0.5 })),
          ...ofPart('resource_centre').map((o) => ({ org: o.index, weight: 0.3 })),
          { org: ccas[0]!.index, weight: 0.2 },
        ],
      ],
      [
        'ot',
        [
          ...ofPart('resource_centre').map((o) => ({ org: o.index, weight: 0.5 })),
          ...ofPart('departement').map((o) => ({ org: o.index, weight: 0.3 })),
          ...ofPart('company').map((o) => ({ org: o.index, weight: 0.2 })),
        ],
      ],
      ['home_help', ofPart('saad').map((o) => ({ org: o.index, weight: 1 }))],
      ['landlord', ofPart('landlord').map((o) => ({ org: o.index, weight: 1 }))],
      ['documentation', ofPart('resource_centre').map((o) => ({ org: o.index, weight: 1 }))],
      [
        'livinglab',
        (ofPart('living_lab').length ? ofPart('living_lab') : [ccas[0]!]).map((o) => ({ org: o.index, weight: 1 })),
      ],
      ['researcher', ofPart('university').map((o) => ({ org: o.index, weight: 1 }))],
    ];
    const staffFactor = personsHere / 30_000;
    const usersByRole = new Map<Role, number[]>();
    const usersByOrg = new Map<number, number[]>();
    const addUser = (role: Role, org: number) => {
      const first = rng.pick(staffFirstNames);
      const last = pickSurname();
      const index = users.length;
      users.push({
        id: newId(),
        accountId: newId(),
        membershipId: newId(),
        email: `${asciiFold(first)}.${asciiFold(last)}.${index}@${emailDomain}`,
        name: `${first} ${last}`,
        role,
        organization: org,
        territory: t,
      });
      (usersByRole.get(role) ?? usersByRole.set(role, []).get(role)!).push(index);
      (usersByOrg.get(org) ?? usersByOrg.set(org, []).get(org)!).push(index);
    };
    for (const o of orgsHere) addUser('manager', o.index);
    for (const [role, targets] of staffTargets) {
      if (targets.length === 0) continue;
      const count = Math.max(1, Math.round((staffPer30k[role] ?? 0) * staffFactor));
      distribute(
        count,
        targets.map((x) => x.weight),
      ).forEach((n, k) => {
        for (let i = 0; i < n; i += 1) addUser(role, targets[k]!.org);
      });
    }

    const referentsByOrg = new Map(
      [...usersByOrg].map(([org, members]) => [org, members.filter((u) => users[u]!.role === 'referent')]),
    );
    const allReferents = usersByRole.get('referent')!;
    const ownerPick = weightedPicker(owners.map((o) => o.weight));
    const communePick = weightedPicker(territory.communes.map((c) => c.population));
    const ccasCodes = new Set(ccas.map((o) => o.communeInsee));
    const smallCommunes = territory.communes.filter((c) => !ccasCodes.has(c.code));
    const smallCommunePick = smallCommunes.length ? weightedPicker(smallCommunes.map((c) => c.population)) : null;
    const partners: [Role, number][] = [
      ['housing_officer', 0.3],
      ['ot', 0.25],
      ['social_financial', 0.2],
      ['landlord', 0.15],
      ['home_help', 0.1],
    ];
    const partnerPick = weightedPicker(partners.map(([, w]) => w));

    for (let i = 0; i < personsHere; i += 1) {
      const p = persons.ids.length;
      const owner = owners[ownerPick(rng)]!.org;
      const owningOrg = organizations[owner]!;
      persons.ids.push(newId());
      persons.owner[p] = owner;
      const female = rng.chance(0.58);
      persons.firstNames.push(
        female ? elderlyFemaleFirstNames[femaleName(rng)]! : elderlyMaleFirstNames[maleName(rng)]!,
      );
      persons.lastNames.push(pickSurname());
      persons.birthDates.push(birthDate(rng));
      const commune =
        owningOrg.part === 'ccas' && rng.chance(0.9)
          ? owningOrg.communeInsee
          : owningOrg.part === 'cias' && smallCommunePick
            ? smallCommunes[smallCommunePick(rng)]!.code
            : territory.communes[communePick(rng)]!.code;
      persons.communes.push(commune);

      // Case team: a referent (of the owning organisation when it has some), then 0 to 2 partners.
      const ownReferents = referentsByOrg.get(owner) ?? [];
      const referent = rng.pick(ownReferents.length ? ownReferents : allReferents);
      const members = [referent];
      const size = rng.chance(0.45) ? 1 : rng.chance(0.64) ? 2 : 3;
      for (let attempt = 0; members.length < size && attempt < 10; attempt += 1) {
        const pool = usersByRole.get(partners[partnerPick(rng)]![0]);
        if (!pool?.length) continue;
        const candidate = rng.pick(pool);
        if (!members.includes(candidate)) members.push(candidate);
      }
      for (const member of members) {
        const c = caseTeam.ids.length;
        caseTeam.ids.push(newId());
        caseTeam.person[c] = p;
        caseTeam.user[c] = member;
        caseTeam.addedBy[c] = referent;
      }
    }
  });

  const used = caseTeam.ids.length;
  return {
    seed,
    scale,
    workspace,
    organizations,
    users,
    persons,
    caseTeam: {
      ids: caseTeam.ids,
      person: caseTeam.person.slice(0, used),
      user: caseTeam.user.slice(0, used),
      addedBy: caseTeam.addedBy.slice(0, used),
    },
  };
}

/** The organisations whose persons the user sees wholesale (person.read_all), as personScopeOf computes it. */
export function organizationWideIdsOf(data: SyntheticData, userIndex: number): string[] {
  const user = data.users[userIndex]!;
  return rolePermissions[user.role].includes('person.read_all') ? [data.organizations[user.organization]!.id] : [];
}

const BATCH_ROWS = 10_000;

/** Multi-row inserts from arrays (one statement per 10,000 rows via unnest): far faster than row by row. */
async function insertBatches(tx: Db, total: number, insert: (from: number, to: number) => ReturnType<typeof sql>) {
  for (let from = 0; from < total; from += BATCH_ROWS) {
    await tx.execute(insert(from, Math.min(total, from + BATCH_ROWS)));
  }
}

/**
 * Writes the data in one transaction, so that a database holding the workspace holds all of it
 * (a rerun on the same BENCH_DATABASE_URL reuses it). Rows match what the platform and people
 * repositories insert: credential accounts whose accountId is the user id, e-mail verified.
 */
export async function insertSyntheticData(db: Db, data: SyntheticData): Promise<{ inserted: boolean }> {
  const existing = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, data.workspace.id));
  if (existing.length > 0) return { inserted: false };
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const p = sql.param.bind(sql);
  const ws = data.workspace.id;
  const { organizations: orgs, users, persons, caseTeam } = data;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into workspaces (id, slug, name) values (${ws}, ${data.workspace.slug}, ${data.workspace.name})`,
    );
    await insertBatches(tx, orgs.length, (a, b) => {
      const rows = orgs.slice(a, b);
      return sql`insert into organizations (workspace_id, id, kind, name, siret, commune_insee)
        select ${ws}::uuid, * from unnest(${p(rows.map((o) => o.id))}::uuid[], ${p(rows.map((o) => o.kind))}::text[],
          ${p(rows.map((o) => o.name))}::text[], ${p(rows.map((o) => o.siret))}::text[], ${p(rows.map((o) => o.communeInsee))}::text[])`;
    });
    await insertBatches(tx, users.length, (a, b) => {
      const rows = users.slice(a, b);
      return sql`insert into auth_user (id, name, email, email_verified, two_factor_enabled)
        select id, name, email, true, false from unnest(${p(rows.map((u) => u.id))}::uuid[], ${p(rows.map((u) => u.name))}::text[],
          ${p(rows.map((u) => u.email))}::text[]) as t(id, name, email)`;
    });
    await insertBatches(tx, users.length, (a, b) => {
      const rows = users.slice(a, b);
      return sql`insert into auth_account (id, account_id, provider_id, user_id, password)
        select id, user_id::text, 'credential', user_id, ${passwordHash}
        from unnest(${p(rows.map((u) => u.accountId))}::uuid[], ${p(rows.map((u) => u.id))}::uuid[]) as t(id, user_id)`;
    });
    await insertBatches(tx, users.length, (a, b) => {
      const rows = users.slice(a, b);
      return sql`insert into memberships (workspace_id, id, user_id, organization_id, role)
        select ${ws}::uuid, * from unnest(${p(rows.map((u) => u.membershipId))}::uuid[], ${p(rows.map((u) => u.id))}::uuid[],
          ${p(rows.map((u) => orgs[u.organization]!.id))}::uuid[], ${p(rows.map((u) => u.role))}::text[])`;
    });
    await insertBatches(tx, persons.ids.length, (a, b) => {
      const idx = Array.from({ length: b - a }, (_, k) => a + k);
      return sql`insert into persons (workspace_id, id, owning_organization_id, first_name, last_name, birth_date, commune_insee)
        select ${ws}::uuid, * from unnest(${p(idx.map((i) => persons.ids[i]!))}::uuid[],
          ${p(idx.map((i) => orgs[persons.owner[i]!]!.id))}::uuid[], ${p(idx.map((i) => persons.firstNames[i]!))}::text[],
          ${p(idx.map((i) => persons.lastNames[i]!))}::text[], ${p(idx.map((i) => persons.birthDates[i]!))}::date[],
          ${p(idx.map((i) => persons.communes[i]!))}::text[])`;
    });
    await insertBatches(tx, caseTeam.ids.length, (a, b) => {
      const idx = Array.from({ length: b - a }, (_, k) => a + k);
      return sql`insert into case_team_members (workspace_id, id, person_id, user_id, organization_id, added_by)
        select ${ws}::uuid, * from unnest(${p(idx.map((i) => caseTeam.ids[i]!))}::uuid[],
          ${p(idx.map((i) => persons.ids[caseTeam.person[i]!]!))}::uuid[], ${p(idx.map((i) => users[caseTeam.user[i]!]!.id))}::uuid[],
          ${p(idx.map((i) => orgs[users[caseTeam.user[i]!]!.organization]!.id))}::uuid[],
          ${p(idx.map((i) => users[caseTeam.addedBy[i]!]!.id))}::uuid[])`;
    });
  });
  return { inserted: true };
}

/** Fresh statistics and visibility map, as a database in service would have after autovacuum. */
export async function analyze(db: Db): Promise<void> {
  for (const table of [
    'workspaces',
    'organizations',
    'auth_user',
    'auth_account',
    'memberships',
    'persons',
    'case_team_members',
  ]) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }
}
