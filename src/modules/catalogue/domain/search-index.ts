import MiniSearch from 'minisearch';
import { RecentMap } from '#src/shared/recent-map.ts';
import { normalisedWords } from '#src/modules/catalogue/domain/search-words.ts';

/** What the search needs of a product: its words, and the fields its filters and facets read. */
export type IndexedProduct = {
  id: string;
  name: string;
  manufacturer: string | null;
  description: string | null;
  isoCode: string;
  /** The primary code first, then the secondary ones. */
  codes: string[];
  activities: string[];
  rooms: string[];
  averagePriceCents: number | null;
  lppCode: string | null;
  /** An item can be seen and tried now, in the showroom or the mobile unit. */
  inShowroom: boolean;
};

export type SearchFilters = {
  /** Accent-free, lower-case words (see `searchWords`), each of which must match. */
  words: string[];
  iso: string | null;
  activity: string | null;
  room: string | null;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  reimbursed: boolean | null;
  inShowroom: boolean | null;
};

export type SearchHit = Pick<
  IndexedProduct,
  'id' | 'name' | 'manufacturer' | 'isoCode' | 'averagePriceCents' | 'lppCode' | 'inShowroom'
>;

export type SearchFacets = {
  /** Products per ISO class (two digits), over every code of a product. */
  classes: Map<string, number>;
  /** With a class or subclass chosen: products per code one level below it. */
  children: Map<string, number>;
  activities: Map<string, number>;
  rooms: Map<string, number>;
  reimbursed: { yes: number; no: number };
  inShowroom: number;
};

export type CatalogueSearchIndex = {
  search(filters: SearchFilters, page: { limit: number; offset: number }): SearchOutcome;
};
export type SearchOutcome = { total: number; hits: SearchHit[]; facets: SearchFacets };

/** The filters, the price range counting as one. */
type Filter = 'iso' | 'activity' | 'room' | 'price' | 'reimbursed' | 'inShowroom';
const filterKeys: Filter[] = ['iso', 'activity', 'room', 'price', 'reimbursed', 'inShowroom'];
const isSet = (f: SearchFilters, key: Filter) =>
  key === 'price' ? f.minPriceCents !== null || f.maxPriceCents !== null : f[key] !== null;
const MAX_KEPT_RESULTS = 256;

/**
 * Edits allowed between a typed word and a catalogue word: none for short words, where one edit already
 * means another word, and two from six letters, so that two swapped letters ("deambulatuer") still match.
 */
const editsAllowed = (term: string) => (term.length < 4 ? 0 : term.length < 6 ? 1 : 2);

function passes(p: IndexedProduct, f: SearchFilters, key: Filter): boolean {
  switch (key) {
    case 'iso':
      return p.codes.some((c) => c.startsWith(f.iso!));
    case 'activity':
      return p.activities.includes(f.activity!);
    case 'room':
      return p.rooms.includes(f.room!);
    case 'price':
      // A product without a price fails any bound.
      return (
        (f.minPriceCents === null || (p.averagePriceCents !== null && p.averagePriceCents >= f.minPriceCents)) &&
        (f.maxPriceCents === null || (p.averagePriceCents !== null && p.averagePriceCents <= f.maxPriceCents))
      );
    case 'reimbursed':
      return (p.lppCode !== null) === f.reimbursed;
    case 'inShowroom':
      return p.inShowroom === f.inShowroom;
  }
}

/**
 * How well a product matched: each catalogue word found counts by how it matched a typed word (as typed, as its
 * start, or with typos), twice in the name. Coarse on purpose, so that products matching alike tie and keep the
 * name order, rather than being ranked by the length of their texts.
 */
function relevanceOf(match: Record<string, string[]>, typed: readonly string[]): number {
  let total = 0;
  for (const [word, fields] of Object.entries(match)) {
    const kind = typed.includes(word) ? 4 : typed.some((t) => word.startsWith(t)) ? 2 : 1;
    total += kind * (fields.includes('name') ? 2 : 1);
  }
  return total;
}

/**
 * An in-memory index of one workspace's catalogue: words matched by prefix and with typos, every filter, and
 * facets where each facet counts the products matching every filter but its own, so that choosing a value never
 * hides the other values of that facet. Matches rank by relevance then by name in French
 * order; the catalogue has no commercial field to rank by.
 */
export function buildSearchIndex(products: readonly IndexedProduct[]): CatalogueSearchIndex {
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const byName = [...products].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  const nameRank = new Map(byName.map((p, rank) => [p.id, rank]));
  const byId = new Map(products.map((p) => [p.id, p]));

  const words = new MiniSearch<IndexedProduct>({
    fields: ['name', 'manufacturer', 'description'],
    tokenize: (text) => normalisedWords(text),
    processTerm: (term) => term,
    searchOptions: { combineWith: 'AND', prefix: true, fuzzy: editsAllowed, boost: { name: 2 } },
  });
  words.addAll(products);

  const classesOf = new Map(products.map((p) => [p.id, [...new Set(p.codes.map((c) => c.slice(0, 2)))]]));
  // The index never changes: what a set of filters matched stays true, and the same searches come back often
  // (the class tree browsed from the top, the page turned).
  const kept = new RecentMap<string, { hits: IndexedProduct[]; facets: SearchFacets }>(MAX_KEPT_RESULTS);

  function matching(f: SearchFilters) {
    let matches: IndexedProduct[];
    if (f.words.length === 0) matches = byName;
    else {
      const found = words.search(f.words.join(' '));
      const relevance = new Map(found.map((r) => [r.id as string, relevanceOf(r.match, f.words)]));
      matches = found
        .map((r) => byId.get(r.id as string)!)
        .sort((a, b) => relevance.get(b.id)! - relevance.get(a.id)! || nameRank.get(a.id)! - nameRank.get(b.id)!);
    }

    const facets: SearchFacets = {
      classes: new Map(),
      children: new Map(),
      activities: new Map(),
      rooms: new Map(),
      reimbursed: { yes: 0, no: 0 },
      inShowroom: 0,
    };
    const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    const active = filterKeys.filter((key) => isSet(f, key));
    const childLength = (f.iso?.length ?? 0) + 2;
    const hits: IndexedProduct[] = [];
    for (const p of matches) {
      // A product failing two filters counts in no facet; failing one, it counts in that filter's facet only.
      let only: Filter | null = null;
      let failedTwice = false;
      for (const key of active) {
        if (passes(p, f, key)) continue;
        failedTwice = only !== null;
        only = key;
        if (failedTwice) break;
      }
      if (failedTwice) continue;
      if (only === null) {
        hits.push(p);
        if (f.iso && f.iso.length < 6) {
          const below = new Set(p.codes.filter((c) => c.startsWith(f.iso!)).map((c) => c.slice(0, childLength)));
          for (const code of below) add(facets.children, code);
        }
      }
      if (only === null || only === 'iso') for (const code of classesOf.get(p.id)!) add(facets.classes, code);
      if (only === null || only === 'activity') for (const a of p.activities) add(facets.activities, a);
      if (only === null || only === 'room') for (const r of p.rooms) add(facets.rooms, r);
      if (only === null || only === 'reimbursed') facets.reimbursed[p.lppCode !== null ? 'yes' : 'no'] += 1;
      if ((only === null || only === 'inShowroom') && p.inShowroom) facets.inShowroom += 1;
    }
    return { hits, facets };
  }

  return {
    search(f, page) {
      const key = JSON.stringify(f);
      let result = kept.get(key);
      if (!result) {
        result = matching(f);
        kept.set(key, result);
      }
      return {
        total: result.hits.length,
        hits: result.hits.slice(page.offset, page.offset + page.limit).map((p) => ({
          id: p.id,
          name: p.name,
          manufacturer: p.manufacturer,
          isoCode: p.isoCode,
          averagePriceCents: p.averagePriceCents,
          lppCode: p.lppCode,
          inShowroom: p.inShowroom,
        })),
        facets: result.facets,
      };
    },
  };
}
