import { describe, expect, it } from 'vitest';
import { duplicateNeedle, foldName } from '#src/modules/people/domain/duplicates.ts';

describe('name folding for duplicate detection', () => {
  it('ignores accents, case, ligatures and punctuation between words', () => {
    expect(foldName('Marie-Hélène L’Hôte')).toBe('marie helene l hote');
    expect(foldName('  ÉMILE   LEFÈVRE ')).toBe('emile lefevre');
    expect(foldName('Lætitia Bœuf')).toBe('laetitia boeuf');
  });

  it('builds the full name compared with stored files', () => {
    expect(duplicateNeedle('Émile', 'Lefèvre')).toBe('emile lefevre');
  });
});
