import { ApiError } from '#src/shared/ui/api.ts';

/**
 * Runs an API call and shows issues on fields of another name (a rule about the pathway, such as a
 * missing home visit, shows on the control that triggered it); messages on one field are joined.
 */
export async function withIssuesOn<T>(call: Promise<T>, fieldOf: (path: string) => string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiError) || error.issues.length === 0) throw error;
    const joined = new Map<string, string[]>();
    for (const issue of error.issues) {
      const field = fieldOf(issue.path);
      joined.set(field, [...(joined.get(field) ?? []), issue.message]);
    }
    const issues = [...joined].map(([path, list]) => ({ path, message: list.join(' ') }));
    throw new ApiError(error.status, error.code, error.message, issues, error.details);
  }
}
