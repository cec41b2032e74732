import { describe, expect, it } from 'vitest';
import { monthsOf, periodDays, presetPeriod } from '#src/modules/observatory/domain/periods.ts';
import { monthlyTotals, totalsBy } from '#src/modules/observatory/domain/series.ts';

describe('period presets', () => {
  it('start on the first of a month and end today', () => {
    expect(presetPeriod('month', '2026-03-17')).toEqual({ from: '2026-03-01', to: '2026-03-17' });
    expect(presetPeriod('quarter', '2026-03-17')).toEqual({ from: '2026-01-01', to: '2026-03-17' });
    expect(presetPeriod('year', '2026-03-17')).toEqual({ from: '2026-01-01', to: '2026-03-17' });
  });

  it('reach back across the new year', () => {
    expect(presetPeriod('quarter', '2026-02-03')).toEqual({ from: '2025-12-01', to: '2026-02-03' });
    expect(presetPeriod('twelveMonths', '2026-02-03')).toEqual({ from: '2025-03-01', to: '2026-02-03' });
    expect(presetPeriod('twelveMonths', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('give the whole previous year', () => {
    expect(presetPeriod('lastYear', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('period arithmetic', () => {
  it('counts days with both ends included, leap days too', () => {
    expect(periodDays({ from: '2026-03-01', to: '2026-03-01' })).toBe(1);
    expect(periodDays({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03']);
  });
});

describe('series', () => {
  it('totals counts per key, largest first', () => {
    const rows = [
      { month: '2026-01', channel: 'self', count: 2 },
      { month: '2026-02', channel: 'social_landlord', count: 3 },
      { month: '2026-02', channel: 'self', count: 2 },
      { month: '2026-02', channel: 'family', count: 3 },
    ];
    expect(totalsBy(rows, (r) => r.channel)).toEqual([
      { key: 'self', count: 4 },
      { key: 'family', count: 3 },
      { key: 'social_landlord', count: 3 },
    ]);
  });

  it('fills months without entries with zero', () => {
    const rows = [
      { month: '2026-01', count: 2 },
      { month: '2026-03', count: 1 },
      { month: '2026-03', count: 4 },
    ];
    expect(monthlyTotals(rows, ['2026-01', '2026-02', '2026-03'])).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 0 },
      { month: '2026-03', count: 5 },
    ]);
  });
});
