import { describe, expect, it } from 'vitest';
import { addDays, answerDeadline, isLate, reminderDay } from '#src/modules/offers/domain/answer-delay.ts';

describe('answer delay', () => {
  it('gives ten calendar days from the notification, across months and the clock change', () => {
    expect(answerDeadline('2026-03-25')).toBe('2026-04-04');
    expect(answerDeadline('2026-10-20')).toBe('2026-10-30');
    expect(answerDeadline('2026-12-28')).toBe('2027-01-07');
  });

  it('counts the deadline day as on time and the next as late', () => {
    expect(isLate('2026-04-04', '2026-04-04')).toBe(false);
    expect(isLate('2026-04-05', '2026-04-04')).toBe(true);
  });

  it('reminds two days before the deadline', () => {
    expect(reminderDay('2026-04-04')).toBe('2026-04-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
