import { describe, expect, it } from 'vitest';
import { ageOn } from '#src/modules/people/domain/visibility.ts';

describe('age on a calendar day', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(ageOn('1944-05-17', '2026-05-16')).toBe(81);
    expect(ageOn('1944-05-17', '2026-05-17')).toBe(82);
    expect(ageOn('1944-05-17', '2026-11-29')).toBe(82);
  });

  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(ageOn('1940-02-29', '2026-02-28')).toBe(85);
    expect(ageOn('1940-02-29', '2026-03-01')).toBe(86);
  });
});
