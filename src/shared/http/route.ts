import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import type { RouteAccess } from '#src/shared/auth/permissions.ts';
import { AppError } from '#src/shared/errors.ts';
import { access } from '#src/shared/http/access.ts';
import type { AppEnv } from '#src/shared/http/env.ts';

/**
 * Declares an API route: its access level is mandatory and enforced before validation,
 * so an unauthorised caller learns nothing from validation errors.
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(config: R & { access: RouteAccess }) {
  const { access: level, ...rest } = config;
  return createRoute({ ...(rest as unknown as R), middleware: [access(level)] as const });
}

const issuePath = (path: PropertyKey[]) => path.map(String).join('.');

/** A router whose validation failures become the one French error shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', {
          issues: result.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
        });
      }
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

/** The database of the request's context, for route handlers. */
export const dbOf = (c: { var: Pick<AppEnv['Variables'], 'deps'> }) => c.var.deps.database.db;

/** The error body as documented in OpenAPI. */
export const errorBodySchema = z
  .object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Error');

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
