import { describe, expect, it } from 'vitest';
import {
  layerWorkspaceValues,
  parseParameters,
  readValue,
  RulesDataError,
  shapeOf,
  valueOn,
  WORKSPACE_FILE,
  type WorkspaceParameterValue,
} from './parameters.ts';

const sources = `sources:
  guide:
    title: Guide
    url: https://example.org/guide
    kind: official
`;

function load(parameters: string) {
  return parseParameters(`${sources}parameters:\n${parameters}`, 'local.yaml');
}

function failure(parameters: string): RulesDataError {
  try {
    load(parameters);
  } catch (error) {
    if (error instanceof RulesDataError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parameters file', () => {
  it('a value applies from its date until the day before the next one', () => {
    const set = load(`  rate:
    label: Taux
    values:
      - { from: 2024-01-01, value: 0.7, confidence: official, sources: [guide] }
      - { from: 2025-01-01, value: 0.5, confidence: uncertain }
`);
    const rate = set.parameters.get('rate')!;
    expect(valueOn(rate, '2023-12-31')).toBeUndefined();
    expect(valueOn(rate, '2024-12-31')!.value).toBe(0.7);
    expect(valueOn(rate, '2025-01-01')!.value).toBe(0.5);
    expect(rate.values[0]!.to).toBe('2024-12-31');
  });

  it('rejects overlapping dates with the file and the line of the value that overlaps', () => {
    const error = failure(`  cap:
    label: Plafond
    values:
      - from: 2024-01-01
        to: 2025-06-30
        value: 100
        confidence: official
      - from: 2025-01-01
        value: 200
        confidence: official
`);
    expect(error.file).toBe('local.yaml');
    expect(error.line).toBe(14);
    expect(error.message).toMatch(/^local\.yaml:14 — cap : la valeur du 2025-01-01 chevauche celle du 2024-01-01/);
  });

  it('rejects two values starting the same day', () => {
    expect(
      failure(`  cap:
    label: Plafond
    values:
      - { from: 2024-01-01, value: 1, confidence: official }
      - { from: 2024-01-01, value: 2, confidence: official }
`).line,
    ).toBe(11);
  });

  it('an unknown value must say it was not retrieved; a source must exist; an end cannot precede its start', () => {
    expect(
      failure(`  a:\n    label: A\n    values:\n      - { from: 2024-01-01, value: null, confidence: uncertain }\n`)
        .message,
    ).toMatch(/not_retrieved/);
    expect(
      failure(
        `  a:\n    label: A\n    values:\n      - { from: 2024-01-01, value: 1, confidence: official, sources: [nowhere] }\n`,
      ).message,
    ).toMatch(/source inconnue « nowhere »/);
    expect(
      failure(
        `  a:\n    label: A\n    values:\n      - { from: 2024-01-01, to: 2023-01-01, value: 1, confidence: official }\n`,
      ).message,
    ).toMatch(/précède/);
  });

  it('names the line of a malformed date', () => {
    const error = failure(
      `  a:\n    label: A\n    values:\n      - from: 01/01/2024\n        value: 1\n        confidence: official\n`,
    );
    expect(error.line).toBe(10);
    expect(error.message).toMatch(/from/);
  });

  it('a workspace file adds dated values to the shipped ones, and may not overlap them', () => {
    const shipped = load(
      `  cap:\n    label: Plafond\n    values:\n      - { from: 2024-01-01, value: 1, confidence: official }\n`,
    );
    const merged = parseParameters(
      `${sources}parameters:\n  cap:\n    label: Plafond\n    values:\n      - { from: 2026-01-01, value: 2, confidence: secondary }\n`,
      'workspace.yaml',
      shipped,
    );
    expect(valueOn(merged.parameters.get('cap')!, '2026-02-01')!.value).toBe(2);
    expect(() =>
      parseParameters(
        `${sources}parameters:\n  cap:\n    label: Plafond\n    values:\n      - { from: 2024-01-01, value: 3, confidence: secondary }\n`,
        'workspace.yaml',
        shipped,
      ),
    ).toThrow(/^workspace\.yaml:10 — cap : la valeur du 2024-01-01 chevauche/);
  });
});

describe('values a workspace enters, layered on the shipped ones', () => {
  const shipped = load(`  ceiling:
    label: Plafonds
    values:
      - { from: 2024-01-01, value: [100, 150, 40], confidence: official, sources: [guide] }
      - { from: 2025-01-01, value: [110, 160, 45], confidence: official_derived }
      - { from: 2026-01-01, value: null, confidence: uncertain, status: not_retrieved, note: Non relevé }
`);
  const entry = (change: Partial<WorkspaceParameterValue> = {}): WorkspaceParameterValue => ({
    id: 'e1',
    parameterId: 'ceiling',
    from: '2026-01-01',
    to: null,
    value: [120, 170, 50],
    confidence: 'official',
    sourceTitle: 'Guide 2026',
    sourceUrl: 'https://example.org/2026',
    note: null,
    ...change,
  });
  const entered = (title: string) => `${title} (saisi)`;
  const ceiling = (set: ReturnType<typeof layerWorkspaceValues>['set']) => set.parameters.get('ceiling')!;

  it('a value for the period of one not retrieved replaces it, with its source named as entered', () => {
    const { set, clashes } = layerWorkspaceValues(shipped, [entry()], entered);
    expect(clashes).toEqual([]);
    const value = valueOn(ceiling(set), '2026-06-01')!;
    expect(value).toMatchObject({ value: [120, 170, 50], status: null, confidence: 'official', file: WORKSPACE_FILE });
    expect(set.sources.get(value.sources[0]!)).toMatchObject({
      title: 'Guide 2026 (saisi)',
      url: 'https://example.org/2026',
    });
    expect(ceiling(set).values.map((v) => [v.from, v.to])).toEqual([
      ['2024-01-01', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', null],
    ]);
    // The shipped set is left as it was, so another workspace does not see the value.
    expect(valueOn(shipped.parameters.get('ceiling')!, '2026-06-01')!.status).toBe('not_retrieved');
  });

  it('a value for part of the period leaves the rest not retrieved, before and after it', () => {
    const { set } = layerWorkspaceValues(shipped, [entry({ from: '2026-03-01', to: '2026-12-31' })], entered);
    const at = (date: string) => valueOn(ceiling(set), date)!;
    expect(at('2026-02-28').status).toBe('not_retrieved');
    expect(at('2026-03-01').value).toEqual([120, 170, 50]);
    expect(at('2026-12-31').value).toEqual([120, 170, 50]);
    expect(at('2027-01-01').status).toBe('not_retrieved');
  });

  it('a value overlapping a known one is left out, with the clash named by the file rule', () => {
    const { set, clashes } = layerWorkspaceValues(shipped, [entry({ id: 'e2', from: '2025-06-01' })], entered);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]!.entry.id).toBe('e2');
    expect(clashes[0]!.error.other).toMatchObject({ from: '2025-01-01', to: '2025-12-31', file: 'local.yaml' });
    expect(clashes[0]!.error.message).toMatch(/ceiling : la valeur du 2025-06-01 chevauche celle du 2025-01-01/);
    expect(set.parameters.get('ceiling')).toEqual(shipped.parameters.get('ceiling'));
    expect([...set.sources.keys()]).toEqual(['guide']);
  });

  it('two entered values follow each other; a third starting the same day as one of them clashes with it', () => {
    const { set, clashes } = layerWorkspaceValues(
      shipped,
      [
        entry({ id: 'late', from: '2027-01-01', value: [130, 180, 55] }),
        entry(),
        entry({ id: 'same', value: [1, 2, 3] }),
      ],
      entered,
    );
    expect(valueOn(ceiling(set), '2026-12-31')!.value).toEqual([120, 170, 50]);
    expect(valueOn(ceiling(set), '2027-01-01')!.value).toEqual([130, 180, 55]);
    expect(clashes.map((c) => [c.entry.id, c.error.other.file])).toEqual([['same', WORKSPACE_FILE]]);
  });

  it('values of a parameter the set does not have are left out', () => {
    const { set, clashes } = layerWorkspaceValues(shipped, [entry({ parameterId: 'gone' })], entered);
    expect(set.parameters.has('gone')).toBe(false);
    expect(clashes).toEqual([]);
  });
});

describe('the shape of a value entered', () => {
  it('follows the latest known value of the parameter, or is a number when none is known', () => {
    const set = load(`  bands:
    label: Barèmes
    values:
      - { from: 2024-01-01, value: { idf: [1, 2, 3], other: 4 }, confidence: official }
      - { from: 2026-01-01, value: null, confidence: uncertain, status: not_retrieved }
  smic:
    label: SMIC
    values:
      - { from: 2026-01-01, value: null, confidence: uncertain, status: not_retrieved }
`);
    expect(shapeOf(set.parameters.get('bands')!)).toEqual({ idf: [1, 2, 3], other: 4 });
    expect(shapeOf(set.parameters.get('smic')!)).toBe(0);
  });

  it('names each part that is not a number or is negative, and keeps only the parts of the shape', () => {
    const shape = { idf: [1, 2, 3], other: 4 };
    expect(readValue({ idf: [10, 20, 30], other: 40, extra: 5 }, shape)).toEqual({
      value: { idf: [10, 20, 30], other: 40 },
      problems: [],
    });
    expect(readValue({ idf: [10, 'vingt', -3] }, shape).problems).toEqual([
      { path: ['idf', 1], problem: 'number' },
      { path: ['idf', 2], problem: 'negative' },
      { path: ['other'], problem: 'number' },
    ]);
    expect(readValue('douze', 0).problems).toEqual([{ path: [], problem: 'number' }]);
  });
});
