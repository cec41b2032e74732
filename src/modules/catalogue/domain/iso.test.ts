import { describe, expect, it } from 'vitest';
import {
  formatIsoCode,
  isoAncestors,
  isoClasses,
  isoClassLabelOf,
  parseDivisionCode,
  parseIsoCode,
} from '#src/modules/catalogue/domain/iso.ts';
import { parseLppCode } from '#src/modules/catalogue/domain/lpp.ts';
import { searchWords } from '#src/modules/catalogue/domain/search-words.ts';
import { parseCsv } from '#src/modules/catalogue/domain/table-file.ts';

describe('ISO 9999 codes', () => {
  it('reads the spaced, dotted and bare notations into 6 digits', () => {
    expect(parseIsoCode('12 23 06')).toBe('122306');
    expect(parseIsoCode('12.23.06')).toBe('122306');
    expect(parseIsoCode(' 122306 ')).toBe('122306');
    expect(parseIsoCode('12 23')).toBe('1223');
  });

  it('refuses other shapes', () => {
    for (const bad of ['1', '12 3', '1223060', '12-23-06', 'ab cd ef', '']) expect(parseIsoCode(bad)).toBeNull();
    expect(parseDivisionCode('12 23')).toBeNull();
  });

  it('prints the pairs with spaces and lists the ancestors', () => {
    expect(formatIsoCode('122306')).toBe('12 23 06');
    expect(formatIsoCode('09')).toBe('09');
    expect(isoAncestors('122306')).toEqual(['12', '1223', '122306']);
  });

  it('ships the 11 classes of the 2022 edition, without class 05', () => {
    expect(isoClasses.map((c) => c.code)).toEqual(['04', '06', '09', '12', '15', '18', '22', '24', '27', '28', '30']);
    expect(isoClassLabelOf('051203')).toBeNull();
    expect(isoClassLabelOf('120606')).toMatch(/déplacer/i);
  });
});

describe('LPP codes', () => {
  it('are 7 digits', () => {
    expect(parseLppCode('1243290')).toBe('1243290');
    expect(parseLppCode('124 3290')).toBe('1243290');
    expect(parseLppCode('124329')).toBeNull();
    expect(parseLppCode('12432901')).toBeNull();
    expect(parseLppCode('12A3290')).toBeNull();
  });
});

describe('search words', () => {
  it('drops accents, case and short function words', () => {
    expect(searchWords('Siège de DOUCHE pour la baignoire')).toEqual(['siege', 'douche', 'baignoire']);
    expect(searchWords('cœur')).toEqual(['coeur']);
  });
});

describe('CSV files', () => {
  it('reads semicolon or comma files with quotes and keeps the line numbers', () => {
    expect(parseCsv('\uFEFFcode;libellé\r\n"12 23";"Fauteuils; électriques"\r\n\r\n12 22;Manuels\r\n')).toEqual([
      { row: 1, cells: ['code', 'libellé'] },
      { row: 2, cells: ['12 23', 'Fauteuils; électriques'] },
      { row: 4, cells: ['12 22', 'Manuels'] },
    ]);
    expect(parseCsv('code,label\n0912,"Toilettes ""adaptées"""')).toEqual([
      { row: 1, cells: ['code', 'label'] },
      { row: 2, cells: ['0912', 'Toilettes "adaptées"'] },
    ]);
  });
});
