import type { z } from 'zod';
import { AppError } from '#src/shared/errors.ts';

/**
 * Parses with a route's schema inside a service, so other modules calling it get the same French
 * per-field errors as the HTTP client does.
 */
export function parseOrFail<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', {
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}
