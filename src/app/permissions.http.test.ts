import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '#src/shared/auth/permissions.ts';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { notFound } from '#src/shared/errors.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { rolePermissions, roles, type Role } from '#src/modules/platform/index.ts';
import {
  fillPath,
  isWrite,
  listApiRoutes,
  routeLabel,
  undocumentedProtectedRoutes,
  type ApiRoute,
} from '#tests/fixtures/api-routes.ts';
import { createOrganization, createWorkspace } from '#tests/fixtures/factories.ts';
import { signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

/**
 * The role × route matrix (docs/decisions/006): every documented route, called by one user of
 * each role. A role lacking the route's permission gets the very answer of a missing record; a role
 * holding it gets past the access check. Routes and roles are read at run time.
 */

let database: Database;
let t: TestApp;
let routes: ApiRoute[];
const sessions = new Map<Role, RoleSession>();

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const workspaceId = await createWorkspace(database.db);
  const organizationId = await createOrganization(database.db, workspaceId);
  for (const role of roles)
    sessions.set(role, await signInWithRole(t, database, { workspaceId, organizationId, role }));
  // Reads first and deletions last, so an accidental success of one write cannot hide another route.
  const order = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  routes = (await listApiRoutes(t)).routes.sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method));
});
afterAll(async () => {
  t.close();
  await database.close();
});

const grants = (role: Role, access: RouteAccess) =>
  access === 'public' || access === 'authenticated' || (rolePermissions[role] as readonly string[]).includes(access);

function callRoute(route: ApiRoute, options: { cookie?: string; pathValue?: string } = {}) {
  const values = Object.fromEntries(route.pathParams.map((p) => [p.name, options.pathValue ?? newId()]));
  return t.call(fillPath(route.path, values), {
    method: route.method,
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...(isWrite(route) ? { body: {} } : {}),
  });
}

type Answer = Awaited<ReturnType<typeof callRoute>>;
const answer = (res: Answer) => `${res.status} ${res.text.slice(0, 200)}`;

/**
 * Why a granted call did not visibly get past the access check, or null if it did. A 404 is
 * ambiguous (a missing record answers like a refused route), so the route is called again with a
 * malformed id: validation runs after the access check, hence a 400 proves the check let it in.
 */
async function refusedDespiteGrant(route: ApiRoute, res: Answer, cookie: string): Promise<string | null> {
  if ([200, 201, 204, 409].includes(res.status)) return null;
  if (res.status === 400)
    return ['validation_failed', 'bad_request'].includes(res.json?.code) ? null : `400 with ${answer(res)}`;
  if (res.status === 404 && route.access === 'public') return null;
  if (res.status === 404) {
    if (route.pathParams.length === 0) return `404 without any id to miss: ${answer(res)}`;
    const probe = await callRoute(route, { cookie, pathValue: 'not-a-uuid' });
    if (probe.status === 400 && probe.json?.code === 'validation_failed') return null;
    return `404 with a random id, then ${probe.status} with a malformed one: indistinguishable from a refusal`;
  }
  return answer(res);
}

describe('role × route matrix', () => {
  it('covers a documented API, every protected route of which is in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(undocumentedProtectedRoutes(t, routes)).toEqual([]);
  });

  it('signs in one user per role, each with exactly the permissions of the role', async () => {
    for (const [role, session] of sessions) {
      const me = await t.call('/api/me', { cookie: session.cookie });
      expect(me.status, role).toBe(200);
      expect({ role, permissions: [...me.json.permissions].sort() }).toEqual({
        role,
        permissions: [...rolePermissions[role]].sort(),
      });
      expect(me.json.twoFactorSetupRequired, role).toBe(false);
    }
  });

  it('grants every permission-declared route to at least one role', () => {
    const unreachable = routes
      .filter((r) => !roles.some((role) => grants(role, r.access)))
      .map((r) => `${routeLabel(r)} (${r.access})`);
    expect(unreachable).toEqual([]);
  });

  it('asks an anonymous caller to sign in on every route that is not public', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const res = await callRoute(route);
      const expected =
        route.access === 'public'
          ? res.status !== 401 && res.status < 500
          : res.status === 401 && res.json?.code === 'unauthenticated';
      if (!expected) problems.push(`${routeLabel(route)} (${route.access}): ${answer(res)}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(roles)('as %s: refused like a missing record without the permission, let through with it', async (role) => {
    const { cookie } = sessions.get(role)!;
    // A refused route must be indistinguishable from a path that does not exist at all.
    const missing = await t.call(`/api/${newId()}`, { cookie });
    expect(missing.json).toEqual(notFound().toBody());
    const problems: string[] = [];
    for (const route of routes) {
      const res = await callRoute(route, { cookie });
      const where = `${routeLabel(route)} (${route.access})`;
      if (!grants(role, route.access)) {
        // A random id is missing anyway; a malformed one reaches validation only past the access check.
        const probe = route.pathParams.length > 0 ? await callRoute(route, { cookie, pathValue: 'not-a-uuid' }) : res;
        for (const r of new Set([res, probe])) {
          if (r.status !== 404 || !isDeepStrictEqual(r.json, missing.json))
            problems.push(`${where} should be refused: ${answer(r)}`);
        }
        continue;
      }
      const refusal = await refusedDespiteGrant(route, res, cookie);
      if (refusal) problems.push(`${where} should be granted: ${refusal}`);
    }
    expect(problems).toEqual([]);
  });
});
