import { describe, expect, it } from 'vitest';
import { participantsOf, taskRequest } from '#src/modules/case-reviews/domain/case-review.ts';

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
