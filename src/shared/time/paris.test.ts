import { describe, expect, it } from 'vitest';
import { formatParisDateTime, parisDay, parisDayRange, parisInstant, parisMidnight } from '#src/shared/time/paris.ts';

describe('Paris calendar days and times', () => {
  it('starts a winter day at 23:00 UTC and a summer day at 22:00 UTC the day before', () => {
    expect(parisMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(parisMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(parisMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(parisMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(parisMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('includes both days of a range, across a month and a year end', () => {
    expect(parisDayRange('2025-12-31', '2025-12-31')).toEqual({
      fromInstant: '2025-12-30T23:00:00.000Z',
      untilInstant: '2025-12-31T23:00:00.000Z',
    });
    expect(parisDayRange(undefined, '2024-02-28')).toEqual({ untilInstant: '2024-02-28T23:00:00.000Z' });
    expect(parisDayRange()).toEqual({});
  });

  it('prints instants in Paris time', () => {
    expect(formatParisDateTime(new Date('2026-01-14T23:30:05Z'))).toBe('2026-01-15 00:30:05');
    expect(formatParisDateTime(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01 12:00:00');
    expect(parisDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(parisDay(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('finds the instant of a Paris wall-clock time, in winter, in summer and on the days the clocks change', () => {
    expect(parisInstant('2026-12-03', '14:00').toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(parisInstant('2026-07-03', '08:00').toISOString()).toBe('2026-07-03T06:00:00.000Z');
    expect(parisInstant('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(parisInstant('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });
});
