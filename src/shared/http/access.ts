import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { RouteAccess } from '#src/shared/auth/permissions.ts';
import { AppError, notFound } from '#src/shared/errors.ts';
import type { AppEnv } from '#src/shared/http/env.ts';

/** A middleware that carries the access level it enforces, so tests can list every route's declaration. */
export type AccessMiddleware = MiddlewareHandler<AppEnv> & { access: RouteAccess };

const hasSessionCookie = (cookies: Record<string, string>) =>
  Object.keys(cookies).some((k) => k.endsWith('session_token'));

export function access(level: RouteAccess): AccessMiddleware {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (level === 'public') return next();
    const actor = await c.var.loadActor();
    if (!actor) {
      throw new AppError(hasSessionCookie(getCookie(c)) ? 'session_expired' : 'unauthenticated');
    }
    c.set('actor', actor);
    // A route the role does not grant answers like a missing one: it reveals nothing about the resource.
    if (level !== 'authenticated' && !actor.permissions.has(level)) throw notFound();
    return next();
  };
  return Object.assign(middleware, { access: level });
}

export const isAccessMiddleware = (handler: unknown): handler is AccessMiddleware =>
  typeof handler === 'function' && 'access' in handler;
