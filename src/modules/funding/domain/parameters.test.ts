import { describe, expect, it } from 'vitest';
import { parseParameters, RulesDataError, valueOn } from './parameters.ts';

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
