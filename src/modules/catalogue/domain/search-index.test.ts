import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  type IndexedProduct,
  type SearchFilters,
} from '#src/modules/catalogue/domain/search-index.ts';
import { searchWords } from '#src/modules/catalogue/domain/search-words.ts';

let next = 0;
const product = (name: string, fields: Partial<IndexedProduct> = {}): IndexedProduct => {
  next += 1;
  const isoCode = fields.isoCode ?? '120606';
  return {
    id: `00000000-0000-7000-8000-${String(next).padStart(12, '0')}`,
    name,
    manufacturer: null,
    description: null,
    isoCode,
    codes: [isoCode],
    activities: [],
    rooms: [],
    averagePriceCents: null,
    lppCode: null,
    inShowroom: false,
    ...fields,
  };
};

const catalogue = [
  product('Rollator quatre roues Plus', { averagePriceCents: 18_900, lppCode: '1234567', activities: ['d450'] }),
  product('Rollator quatre roues Compact', { averagePriceCents: 12_900, inShowroom: true, activities: ['d450'] }),
  product('Écran de bain', { isoCode: '093303', codes: ['093303'], rooms: ['bathroom'], averagePriceCents: 5_900 }),
  product('Déambulateur fixe', { description: 'Cadre de marche léger', averagePriceCents: 6_900 }),
  product('Barre d’appui coudée', {
    isoCode: '181806',
    codes: ['181806', '093303'],
    rooms: ['bathroom', 'toilet'],
    manufacturer: 'Maison du Déambulateur',
  }),
];
const index = buildSearchIndex(catalogue);
const none: SearchFilters = {
  words: [],
  iso: null,
  activity: null,
  room: null,
  minPriceCents: null,
  maxPriceCents: null,
  reimbursed: null,
  inShowroom: null,
};
const find = (filters: Partial<SearchFilters>, q = '') =>
  index.search({ ...none, ...filters, words: searchWords(q) }, { limit: 25, offset: 0 });
const names = (filters: Partial<SearchFilters>, q = '') => find(filters, q).hits.map((h) => h.name);

describe('catalogue search index', () => {
  it('matches words without accents, by their start and despite two swapped letters', () => {
    expect(names({}, 'ecran')).toEqual(['Écran de bain']);
    expect(names({}, 'deambulatuer')).toEqual(['Déambulateur fixe', 'Barre d’appui coudée']);
    expect(names({}, 'roll')).toEqual(['Rollator quatre roues Compact', 'Rollator quatre roues Plus']);
  });

  it('wants every word, and ranks a word of the name above the same word elsewhere', () => {
    expect(names({}, 'rollator plus')).toEqual(['Rollator quatre roues Plus']);
    expect(names({}, 'deambulateur')[0]).toBe('Déambulateur fixe');
    expect(names({}, 'rollator velo')).toEqual([]);
  });

  it('lists products alike in French name order, É among the E', () => {
    expect(names({})).toEqual([
      'Barre d’appui coudée',
      'Déambulateur fixe',
      'Écran de bain',
      'Rollator quatre roues Compact',
      'Rollator quatre roues Plus',
    ]);
  });

  it('filters by every code of a product, price range, reimbursement and showroom', () => {
    expect(names({ iso: '0933' })).toEqual(['Barre d’appui coudée', 'Écran de bain']);
    // A product without a price fails any price bound.
    expect(names({ minPriceCents: 6_000, maxPriceCents: 15_000 })).toEqual([
      'Déambulateur fixe',
      'Rollator quatre roues Compact',
    ]);
    expect(names({ reimbursed: true })).toEqual(['Rollator quatre roues Plus']);
    expect(names({ inShowroom: true })).toEqual(['Rollator quatre roues Compact']);
  });

  it('counts each facet over the products matching every filter but its own', () => {
    const { total, facets } = find({ iso: '12', room: 'bathroom' });
    expect(total).toBe(0);
    // The class facet ignores the class filter: the bathroom products of every class.
    expect(Object.fromEntries(facets.classes)).toEqual({ '09': 2, '18': 1 });
    // The room facet ignores the room filter: the rooms of class 12.
    expect(Object.fromEntries(facets.rooms)).toEqual({});
    const mobility = find({ iso: '12' });
    expect(mobility.total).toBe(3);
    expect(Object.fromEntries(mobility.facets.children)).toEqual({ '1206': 3 });
    expect(Object.fromEntries(mobility.facets.activities)).toEqual({ d450: 2 });
    expect(mobility.facets.reimbursed).toEqual({ yes: 1, no: 2 });
    expect(mobility.facets.inShowroom).toBe(1);
  });

  it('pages the matches and still counts them all', () => {
    const page = index.search({ ...none }, { limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.hits.map((h) => h.name)).toEqual(['Écran de bain', 'Rollator quatre roues Compact']);
  });
});
