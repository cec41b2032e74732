import { describe, expect, it } from 'vitest';
import {
  evaluate,
  ExpressionError,
  parseExpression,
  referencesOf,
  type Value,
} from '#src/modules/forms/domain/expression.ts';

const run = (source: string, values: Record<string, Value> = {}, current: Value = null) =>
  evaluate(parseExpression(source), { valueOf: (n) => values[n] ?? null, current, today: '2026-11-29' });

const errorOf = (source: string) => {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error.message;
    throw error;
  }
  throw new Error(`no error for ${source}`);
};

describe('expressions', () => {
  it('compares references with literals, numbers as numbers and dates as text', () => {
    expect(run("${vit_seul} = 'yes'", { vit_seul: 'yes' })).toBe(true);
    expect(run('${age} >= 60', { age: 75 })).toBe(true);
    expect(run('${age} >= 60', { age: '9' })).toBe(false);
    expect(run("${naissance} < '1950-01-01'", { naissance: '1948-03-02' })).toBe(true);
    expect(run('. <= today()', {}, '2027-01-01')).toBe(false);
    expect(run('${a} != 3', { a: 4 })).toBe(true);
  });

  it('follows precedence: and before or, arithmetic before comparison', () => {
    expect(run('1 = 1 or 1 = 2 and 1 = 2')).toBe(true);
    expect(run('(1 = 1 or 1 = 2) and 1 = 2')).toBe(false);
    expect(run('2 + 3 * 4')).toBe(14);
    expect(run('10 div 4')).toBe(2.5);
    expect(run('10 mod 4')).toBe(2);
    expect(run('-${x} + 1', { x: 3 })).toBe(-2);
    expect(run('not(${x} > 1)', { x: 0 })).toBe(true);
  });

  it('evaluates the XLSForm functions', () => {
    const values = { pieces: ['cuisine', 'salle_de_bain'], nom: 'Duval', vide: null };
    expect(run("selected(${pieces}, 'cuisine')", values)).toBe(true);
    expect(run("selected(${pieces}, 'chambre')", values)).toBe(false);
    expect(run("selected('a b', 'b')")).toBe(true);
    expect(run('count-selected(${pieces})', values)).toBe(2);
    expect(run("if(${nom} = 'Duval', 'oui', 'non')", values)).toBe('oui');
    expect(run('string-length(${nom})', values)).toBe(5);
    expect(run('today()')).toBe('2026-11-29');
    expect(run('coalesce(${vide}, 12)', values)).toBe(12);
    expect(run('coalesce(${nom}, 12)', values)).toBe('Duval');
    expect(run('string-length(.) <= 3', {}, 'abcd')).toBe(false);
  });

  it('treats an unanswered question as empty: arithmetic gives NaN, comparisons are false', () => {
    expect(run('${x} + 1')).toBeNaN();
    expect(run('${x} > 1')).toBe(false);
    expect(run("${x} = ''")).toBe(true);
  });

  it('lists the references an expression reads', () => {
    expect(referencesOf(parseExpression("if(selected(${a}, 'x'), ${b} + 1, coalesce(${c}, .))"))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('reports the bad token, the unknown function and malformed pieces in French', () => {
    expect(errorOf('${age} >= ')).toBe('L’expression est incomplète.');
    expect(errorOf('${age} >> 3')).toBe('Élément inattendu « > » (position 9).');
    expect(errorOf('${age} & 3')).toBe('Caractère inattendu « & » (position 8).');
    expect(errorOf('lower(${nom})')).toBe('Fonction inconnue : lower().');
    expect(errorOf("'abc")).toBe('Texte entre guillemets non refermé (position 1).');
    expect(errorOf('${mal nom} = 1')).toContain('Référence mal formée (position 1)');
    expect(errorOf('if(1, 2)')).toBe('La fonction if() attend 3 argument(s).');
    expect(errorOf('1 2')).toBe('Élément inattendu « 2 » (position 3).');
    expect(errorOf('')).toBe('L’expression est vide.');
    expect(errorOf('age > 3')).toBe('Élément inattendu « age » (position 1).');
  });
});
