import { describe, expect, it } from 'vitest';
import { parisInstant, participantsOf, taskRequest } from '#src/modules/case-reviews/domain/case-review.ts';

describe('decision → task', () => {
  it('makes a task only with both an assignee and a due date', () => {
    expect(taskRequest({ assigneeUserId: null, dueDate: null })).toBe('none');
    expect(taskRequest({ assigneeUserId: 'u', dueDate: '2026-12-10' })).toBe('task');
    expect(taskRequest({ assigneeUserId: 'u', dueDate: null })).toBe('incomplete');
    expect(taskRequest({ assigneeUserId: null, dueDate: '2026-12-10' })).toBe('incomplete');
  });
});

it('counts the organiser among the participants, once', () => {
  expect(participantsOf('a', ['b', 'a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
});

describe('Paris wall-clock time', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(parisInstant('2026-12-03', '14:00').toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(parisInstant('2026-07-03', '14:00').toISOString()).toBe('2026-07-03T12:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(parisInstant('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(parisInstant('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });
});
