import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  indexCommune,
  searchCommuneIndex,
  type Commune,
} from '#src/modules/platform/domain/commune-search.ts';

const commune = (code: string, name: string, population: number, extra: Partial<Commune> = {}): Commune => ({
  code,
  name,
  departement: code.slice(0, 2),
  postalCodes: [`${code.slice(0, 2)}000`],
  type: 'commune-actuelle',
  chefLieu: null,
  population,
  ...extra,
});

const index = [
  commune('51108', 'Châlons-en-Champagne', 44000),
  commune('53049', 'Châlons-du-Maine', 600),
  commune('75056', 'Paris', 2100000),
  commune('46216', 'Parisot', 500),
  commune('59355', 'Lomme', 0, { type: 'commune-associee', chefLieu: '59350', postalCodes: ['59160'] }),
  commune('2A004', 'Ajaccio', 70000, { postalCodes: ['20000'] }),
  commune('80001', 'L’Œuf-en-Ternois', 100),
].map(indexCommune);

const names = (q: string) => searchCommuneIndex(index, q, 20).map((c) => c.name);

describe('commune search', () => {
  it('folds accents, ligatures, apostrophes and hyphens', () => {
    expect(foldForSearch('L’Œuf-en-Ternois')).toBe('l oeuf en ternois');
    expect(names('loeuf')).toEqual([]);
    expect(names('l oeuf')).toEqual(['L’Œuf-en-Ternois']);
  });

  it('ranks an exact name first, then the most populated prefixes', () => {
    expect(names('paris')).toEqual(['Paris', 'Parisot']);
    expect(names('chalons')).toEqual(['Châlons-en-Champagne', 'Châlons-du-Maine']);
  });

  it('matches the start of a later word after the name prefixes', () => {
    expect(names('champagne')).toEqual(['Châlons-en-Champagne']);
  });

  it('searches postal codes and INSEE codes when the query is a number', () => {
    expect(names('591')).toEqual(['Lomme']);
    expect(names('2a004')).toEqual(['Ajaccio']);
    expect(names('20')).toEqual(['Ajaccio']);
  });

  it('limits the results', () => {
    expect(searchCommuneIndex(index, 'pa', 1)).toHaveLength(1);
  });
});
