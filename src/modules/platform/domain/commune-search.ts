/** The kinds of entries in the official commune list (Code officiel géographique). */
export const communeTypes = [
  'commune-actuelle',
  'commune-deleguee',
  'commune-associee',
  'arrondissement-municipal',
] as const;
export type CommuneType = (typeof communeTypes)[number];

export type Commune = {
  code: string;
  name: string;
  departement: string;
  postalCodes: string[];
  type: CommuneType;
  /** For a delegated or associated commune, the current commune it belongs to. */
  chefLieu: string | null;
  population: number;
};

/** A commune prepared for search: folded name words and its rank among equals. */
export type IndexedCommune = Commune & { folded: string };

/** Lower case, no accents, ligatures spelled out, hyphens and apostrophes as spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const indexCommune = (commune: Commune): IndexedCommune => ({ ...commune, folded: foldForSearch(commune.name) });

const typeRank: Record<CommuneType, number> = {
  'commune-actuelle': 0,
  'arrondissement-municipal': 1,
  'commune-deleguee': 2,
  'commune-associee': 3,
};

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * Current communes before delegated ones, then the most populated first (who types "Paris" wants
 * Paris before Parisot), then French alphabetical order.
 */
function compare(a: IndexedCommune, b: IndexedCommune): number {
  return typeRank[a.type] - typeRank[b.type] || b.population - a.population || collator.compare(a.name, b.name);
}

/**
 * Prefix search, accents and case ignored: by postal code (or INSEE code) when the query is a
 * number, otherwise by name — names starting with the query first, then names with a word
 * starting with it ("champagne" finds Châlons-en-Champagne).
 */
export function searchCommuneIndex(index: readonly IndexedCommune[], query: string, limit: number): IndexedCommune[] {
  const q = foldForSearch(query);
  if (q.length === 0) return [];
  if (/^[0-9][0-9ab]*$/.test(q.replace(/\s/g, ''))) {
    const digits = q.replace(/\s/g, '');
    const byCode = index.filter(
      (c) => c.postalCodes.some((p) => p.startsWith(digits)) || c.code.toLowerCase() === digits,
    );
    return byCode.sort(compare).slice(0, limit);
  }
  const exact: IndexedCommune[] = [];
  const prefix: IndexedCommune[] = [];
  const word: IndexedCommune[] = [];
  const wordPrefix = ` ${q}`;
  for (const commune of index) {
    if (commune.folded === q) exact.push(commune);
    else if (commune.folded.startsWith(q)) prefix.push(commune);
    else if (commune.folded.includes(wordPrefix)) word.push(commune);
  }
  return [...exact.sort(compare), ...prefix.sort(compare), ...word.sort(compare)].slice(0, limit);
}

/** INSEE codes: 5 digits, or 2A/2B followed by 3 digits in Corsica. */
export const INSEE_CODE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;
