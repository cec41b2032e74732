import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  communeTypes,
  indexCommune,
  searchCommuneIndex,
  type Commune,
  type CommuneType,
  type IndexedCommune,
} from '#src/modules/platform/domain/commune-search.ts';

/** The shape of one entry of @etalab/decoupage-administratif's communes.json (fields we use). */
type RawCommune = {
  code: string;
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
  chefLieu?: string;
  commune?: string;
  population?: number;
};

type CommuneRegistry = {
  all: IndexedCommune[];
  /** By INSEE code; a delegated commune sharing its code with the current commune yields to it. */
  byCode: Map<string, IndexedCommune>;
};

const require = createRequire(import.meta.url);
const isCommuneType = (t: string): t is CommuneType => (communeTypes as readonly string[]).includes(t);

function buildRegistry(raw: RawCommune[]): CommuneRegistry {
  const postalOf = new Map(raw.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c.codesPostaux ?? []]));
  const all: IndexedCommune[] = [];
  for (const c of raw) {
    if (!isCommuneType(c.type)) continue;
    // Delegated and associated communes carry no postal codes in the list: they use their chef-lieu's.
    const parent = c.chefLieu ?? c.commune ?? null;
    all.push(
      indexCommune({
        code: c.code,
        name: c.nom,
        departement: c.departement,
        postalCodes: c.codesPostaux?.length ? c.codesPostaux : ((parent ? postalOf.get(parent) : undefined) ?? []),
        type: c.type,
        chefLieu: parent,
        population: c.population ?? 0,
      }),
    );
  }
  const byCode = new Map<string, IndexedCommune>();
  for (const c of all) {
    const existing = byCode.get(c.code);
    if (!existing || (existing.type !== 'commune-actuelle' && c.type === 'commune-actuelle')) byCode.set(c.code, c);
  }
  return { all, byCode };
}

let registry: Promise<CommuneRegistry> | undefined;

/** Read once, on first use (8 MB of JSON): most requests never need it. */
function loadRegistry(): Promise<CommuneRegistry> {
  registry ??= readFile(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8')
    .then((text) => buildRegistry(JSON.parse(text) as RawCommune[]))
    .catch((error: unknown) => {
      registry = undefined;
      throw error;
    });
  return registry;
}

export type CommuneView = Omit<Commune, 'population'> & { chefLieuName: string | null };

async function toView({ folded: _folded, population: _population, ...commune }: IndexedCommune): Promise<CommuneView> {
  const { byCode } = await loadRegistry();
  const parent = commune.chefLieu ? byCode.get(commune.chefLieu) : undefined;
  // A delegated commune may share its code with the merged commune: name the latter, never itself.
  return { ...commune, chefLieuName: parent && parent.type !== commune.type ? parent.name : null };
}

export async function findCommune(code: string): Promise<CommuneView | null> {
  const { byCode } = await loadRegistry();
  const found = byCode.get(code.toUpperCase());
  return found ? toView(found) : null;
}

/** The name of a commune by INSEE code, for showing a stored code; null when unknown or empty. */
export async function communeNameOf(code: string | null): Promise<string | null> {
  if (!code) return null;
  return (await findCommune(code))?.name ?? null;
}

export async function isKnownCommune(code: string): Promise<boolean> {
  const { byCode } = await loadRegistry();
  return byCode.has(code.toUpperCase());
}

export const COMMUNE_SEARCH_LIMIT = 20;

export async function searchCommunes(query: string, limit = COMMUNE_SEARCH_LIMIT): Promise<CommuneView[]> {
  const { all } = await loadRegistry();
  return Promise.all(searchCommuneIndex(all, query, limit).map(toView));
}

/** Names of several communes at once, for lists of records that store only the code. */
export async function communeNames(codes: Iterable<string>): Promise<Map<string, string>> {
  const { byCode } = await loadRegistry();
  const names = new Map<string, string>();
  for (const code of codes) {
    const c = byCode.get(code);
    if (c) names.set(code, c.name);
  }
  return names;
}
