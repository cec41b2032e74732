/** Case review rules: pure, shared by server and forms. */

/**
 * A decision becomes a task only with both an assignee and a due date; one without the other is
 * an incomplete request, not a plain decision.
 */
export function taskRequest(input: {
  assigneeUserId: string | null;
  dueDate: string | null;
}): 'none' | 'task' | 'incomplete' {
  if (!input.assigneeUserId && !input.dueDate) return 'none';
  return input.assigneeUserId && input.dueDate ? 'task' : 'incomplete';
}

/** The organiser always attends; a participant listed twice attends once. */
export const participantsOf = (organizerUserId: string, invited: readonly string[]): string[] => [
  ...new Set([organizerUserId, ...invited]),
];
