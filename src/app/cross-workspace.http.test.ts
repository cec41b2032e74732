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
  isIdLike,
  isWrite,
  listApiRoutes,
  requiredIdFields,
  routeLabel,
  sampleValue,
  type ApiRoute,
  type OpenApiDocument,
} from '#tests/fixtures/api-routes.ts';
import {
  createOrganization,
  createPerson,
  createUser,
  createWorkspace,
  TEST_PASSWORD,
} from '#tests/fixtures/factories.ts';
import { signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { idsByTable, snapshotWorkspace } from '#tests/fixtures/tenant-rows.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

/**
 * Isolation between workspaces: two territories A and B with the same kinds of records; every
 * session of A, whatever its role, must neither see nor change anything of B. Routes and the
 * tenant tables whose ids are tried are discovered at run time.
 */

// Distinctive words of B's records: none may appear in an answer given to a session of A.
const B_MARK = 'Brocéliande';
const B_PERSON_LAST_NAME = 'Quenouillard';
const A_PERSON_LAST_NAME = 'Aubrac';

type Session = RoleSession & { label: string };

let database: Database;
let t: TestApp;
let doc: OpenApiDocument;
let routes: ApiRoute[];
const a = {
  workspaceId: '',
  organizationId: '',
  personId: '',
  sessions: [] as Session[],
  idPool: new Map<string, string[]>(),
};
const b = {
  workspaceId: '',
  organizationId: '',
  personId: '',
  idPool: new Map<string, string[]>(),
  onlyIds: [] as string[],
};

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const db = database.db;
  a.workspaceId = await createWorkspace(db, { name: 'Espace Aubrac' });
  b.workspaceId = await createWorkspace(db, { name: `Espace ${B_MARK}` });
  a.organizationId = await createOrganization(db, a.workspaceId, { name: 'CCAS d’Aubrac' });
  b.organizationId = await createOrganization(db, b.workspaceId, { name: `CCAS de ${B_MARK}` });

  // Someone working for both territories, A first: A is the workspace their session opens in.
  const both = await createUser(db, { workspaceId: a.workspaceId, organizationId: a.organizationId, role: 'referent' });
  await database.execute(
    `insert into memberships (workspace_id, id, user_id, organization_id, role, created_at)
     values ($1, $2, $3, $4, 'referent', now() + interval '1 second')`,
    [b.workspaceId, newId(), both.userId, b.organizationId],
  );
  for (const role of roles) {
    const session = await signInWithRole(t, database, {
      workspaceId: a.workspaceId,
      organizationId: a.organizationId,
      role,
    });
    a.sessions.push({ ...session, label: role });
  }
  a.sessions.push({
    role: 'referent',
    ...both,
    cookie: await t.signIn(both.email, TEST_PASSWORD),
    label: 'referent of both workspaces',
  });
  const bUsers = [];
  for (const role of roles) {
    bUsers.push(
      await createUser(db, {
        workspaceId: b.workspaceId,
        organizationId: b.organizationId,
        role,
        name: `Agent ${B_MARK} ${role}`,
      }),
    );
  }

  a.personId = await createPerson(db, {
    workspaceId: a.workspaceId,
    owningOrganizationId: a.organizationId,
    firstName: 'Adèle',
    lastName: A_PERSON_LAST_NAME,
    caseTeam: a.sessions.map((s) => ({ userId: s.userId, organizationId: a.organizationId })),
  });
  // B's file lists A's users on its case team too (e.g. rows left from a former membership in B):
  // only the workspace boundary may keep them out.
  b.personId = await createPerson(db, {
    workspaceId: b.workspaceId,
    owningOrganizationId: b.organizationId,
    firstName: 'Isolde',
    lastName: B_PERSON_LAST_NAME,
    caseTeam: [...bUsers, ...a.sessions].map((u) => ({ userId: u.userId, organizationId: b.organizationId })),
  });
  await database.execute(
    `insert into invitations (workspace_id, id, email, name, organization_id, role, token_hash, invited_by, expires_at)
     values ($1, $2, $3, $4, $5, 'ot', $6, $7, now() + interval '7 days')`,
    [
      b.workspaceId,
      newId(),
      `invitee-${newId().slice(-8)}@exemple.test`,
      `Invitée ${B_MARK}`,
      b.organizationId,
      newId(),
      bUsers[0]!.userId,
    ],
  );

  // A referral and a case review in each workspace, so intake and case-review routes are tried with B's ids.
  for (const [workspaceId, organizationId, users, mark] of [
    [a.workspaceId, a.organizationId, a.sessions.map((s) => s.userId), A_PERSON_LAST_NAME],
    [b.workspaceId, b.organizationId, bUsers.map((u) => u.userId), B_PERSON_LAST_NAME],
  ] as const) {
    await database.execute(
      `insert into referrals (workspace_id, id, channel, raised_by_user_id, raised_by_organization_id, raised_by_name,
         raised_by_organization_name, subject_last_name, description, urgency, consent)
       values ($1, $2, 'reception_desk', $3, $4, 'Agent', 'CCAS', $5, 'Situation signalée', 'normal', 'agreed')`,
      [workspaceId, newId(), users[0], organizationId, mark],
    );
    const reviewId = newId();
    await database.execute(
      `insert into case_reviews (workspace_id, id, title, scheduled_at, organization_id, organizer_user_id)
       values ($1, $2, $3, now() + interval '7 days', $4, $5)`,
      [workspaceId, reviewId, `Synthèse ${mark}`, organizationId, users[0]],
    );
    for (const userId of new Set(users)) {
      await database.execute(
        'insert into case_review_participants (workspace_id, id, case_review_id, user_id) values ($1, $2, $3, $4)',
        [workspaceId, newId(), reviewId, userId],
      );
    }
    // A pathway with its stages, a transition, a journal entry, a task and a solution option.
    const personId = workspaceId === a.workspaceId ? a.personId : b.personId;
    const [firstStage, secondStage, pathwayId] = [newId(), newId(), newId()];
    await database.execute(
      `insert into pathway_stages (workspace_id, id, key, label, position) values
         ($1, $2, 'referral', 'Repérage', 1), ($1, $3, 'closure', $4, 2)`,
      [workspaceId, firstStage, secondStage, `Clôture ${mark}`],
    );
    await database.execute(
      `insert into pathways (workspace_id, id, person_id, owning_organization_id, referent_user_id, channel, stage_id,
         stage_entered_on, opened_on)
       values ($1, $2, $3, $4, $5, 'self', $6, current_date, current_date)`,
      [workspaceId, pathwayId, personId, organizationId, users[0], firstStage],
    );
    await database.execute(
      `insert into pathway_transitions (workspace_id, id, pathway_id, to_stage_id, kind, effective_on, by_user_id)
       values ($1, $2, $3, $4, 'open', current_date, $5)`,
      [workspaceId, newId(), pathwayId, firstStage, users[0]],
    );
    await database.execute(
      `insert into pathway_journal_entries (workspace_id, id, pathway_id, kind, occurred_at, author_user_id, body)
       values ($1, $2, $3, 'note', now(), $4, $5)`,
      [workspaceId, newId(), pathwayId, users[0], `Note ${mark}`],
    );
    await database.execute(
      `insert into pathway_tasks (workspace_id, id, pathway_id, title, due_date, assignee_user_id, remind_at)
       values ($1, $2, $3, $4, current_date, $5, now())`,
      [workspaceId, newId(), pathwayId, `Tâche ${mark}`, users[0]],
    );
    await database.execute(
      `insert into pathway_solution_options (workspace_id, id, pathway_id, kind, description)
       values ($1, $2, $3, 'stay_as_is', $4)`,
      [workspaceId, newId(), pathwayId, `Solution ${mark}`],
    );
  }

  // A résidence autonomie in each workspace with a unit and a waiting-list entry of the workspace's person.
  for (const [workspaceId, organizationId, personId, userId] of [
    [a.workspaceId, a.organizationId, a.personId, a.sessions[0]!.userId],
    [b.workspaceId, b.organizationId, b.personId, bUsers[0]!.userId],
  ] as const) {
    const [residenceId, entryId] = [newId(), newId()];
    await database.execute(
      `insert into residences (workspace_id, id, managing_organization_id, name, commune_insee, capacity, gir_min, gir_max)
       values ($1, $2, $3, 'Résidence', '59355', 40, 5, 6)`,
      [workspaceId, residenceId, organizationId],
    );
    await database.execute(
      `insert into residence_units (workspace_id, id, residence_id, number, typology, status)
       values ($1, $2, $3, '1', 'T1', 'vacant')`,
      [workspaceId, newId(), residenceId],
    );
    await database.execute(
      `insert into residence_waiting_entries (workspace_id, id, residence_id, person_id, requested_on, position, status, created_by)
       values ($1, $2, $3, $4, '2026-01-15', 1, 'waiting', $5)`,
      [workspaceId, entryId, residenceId, personId, userId],
    );
  }

  // A housing programme in each workspace with a building and a unit (the organisation stands for the landlord).
  for (const [workspaceId, organizationId] of [
    [a.workspaceId, a.organizationId],
    [b.workspaceId, b.organizationId],
  ] as const) {
    const [programmeId, buildingId] = [newId(), newId()];
    await database.execute(
      `insert into housing_programmes (workspace_id, id, organization_id, name, kind, phase, commune_insee)
       values ($1, $2, $3, 'Programme', 'ordinary', 'delivered', '59350')`,
      [workspaceId, programmeId, organizationId],
    );
    await database.execute(
      `insert into housing_buildings (workspace_id, id, programme_id, organization_id, entrance_label)
       values ($1, $2, $3, $4, 'Entrée A')`,
      [workspaceId, buildingId, programmeId, organizationId],
    );
    await database.execute(
      `insert into housing_units (workspace_id, id, programme_id, building_id, organization_id, landlord_unit_ref, floor,
         typology, bedrooms, financing, status, access_level)
       values ($1, $2, $3, $4, $5, 'A-1', 0, 'T2', 1, 'PLUS', 'vacant', 'to_verify')`,
      [workspaceId, newId(), programmeId, buildingId, organizationId],
    );
  }

  // An application, an allocation committee and an offer of the unit in each workspace.
  for (const [workspaceId, organizationId] of [
    [a.workspaceId, a.organizationId],
    [b.workspaceId, b.organizationId],
  ] as const) {
    const [applicationId, committeeId] = [newId(), newId()];
    await database.execute(
      `insert into housing_applications (workspace_id, id, person_id, pathway_id, sne_number, system, first_filed_on,
         expires_on, status, is_transfer)
       select workspace_id, $2, person_id, id, '059122400000001AB4', 'sne', current_date, current_date + 365, 'active', false
       from pathways where workspace_id = $1 limit 1`,
      [workspaceId, applicationId],
    );
    await database.execute(
      `insert into offer_allocation_committees (workspace_id, id, landlord_organization_id, held_on, commune)
       values ($1, $2, $3, current_date, 'Lomme')`,
      [workspaceId, committeeId, organizationId],
    );
    await database.execute(
      `insert into offers (workspace_id, id, application_id, person_id, pathway_id, unit_id, landlord_organization_id,
         programme_id, typology, unit_label, origin, status, proposed_on)
       select $1, $2, ha.id, ha.person_id, ha.pathway_id, u.id, u.organization_id, u.programme_id, u.typology, 'A-1',
         'landlord', 'proposed', current_date
       from housing_applications ha, housing_units u where ha.id = $3 and u.workspace_id = $1 limit 1`,
      [workspaceId, newId(), applicationId],
    );
  }

  // A catalogue product and a trial of the workspace's person in each workspace, acquired so it has a follow-up.
  for (const [workspaceId, personId, userId] of [
    [a.workspaceId, a.personId, a.sessions[0]!.userId],
    [b.workspaceId, b.personId, bUsers[0]!.userId],
  ] as const) {
    const productId = newId();
    await database.execute(
      `insert into catalogue_products (workspace_id, id, name, primary_iso_code, iso_edition)
       values ($1, $2, 'Planche de bain', '093303', '2022')`,
      [workspaceId, productId],
    );
    const agreementId = newId();
    await database.execute(
      `insert into catalogue_loan_agreements (workspace_id, id, partner_organization_id, title, starts_on, ends_on)
       select workspace_id, $2, id, 'Prêt d''un monte-escalier', current_date, current_date + 365
       from organizations where workspace_id = $1 limit 1`,
      [workspaceId, agreementId],
    );
    await database.execute(
      `insert into catalogue_showroom_items (workspace_id, id, product_id, location, ownership, loan_agreement_id, state)
       values ($1, $2, $3, 'showroom', 'loaned', $4, 'good')`,
      [workspaceId, newId(), productId, agreementId],
    );
    await database.execute(
      `insert into trials (workspace_id, id, person_id, product_id, therapist_user_id, context, tried_on, outcome,
         acquired_on, follow_up_due_on)
       values ($1, $2, $3, $4, $5, 'showroom', current_date, 'suitable', current_date, current_date + 90)`,
      [workspaceId, newId(), personId, productId, userId],
    );
  }

  // A funding project with a quote, a plan, an application, a local aid and a parameter value in each workspace.
  for (const workspaceId of [a.workspaceId, b.workspaceId]) {
    const [projectId, quoteId, planId, applicationId] = [newId(), newId(), newId(), newId()];
    await database.execute(
      `insert into funding_projects (workspace_id, id, person_id, pathway_id, title)
       select workspace_id, $2, person_id, id, 'Salle de bains' from pathways where workspace_id = $1 limit 1`,
      [workspaceId, projectId],
    );
    await database.execute(
      `insert into funding_quotes (workspace_id, id, project_id, supplier_name, issued_on, lines, excl_tax_cents,
         vat_cents, incl_tax_cents, eligible_excl_tax_cents)
       values ($1, $2, $3, 'Plomberie du Val', current_date, '[]', 900000, 90000, 990000, 900000)`,
      [workspaceId, quoteId, projectId],
    );
    await database.execute(
      `insert into funding_plans (workspace_id, id, project_id, quote_id, household, filing_on, payment_on, figures,
         out_of_pocket_cents)
       values ($1, $2, $3, $4, '{}', current_date, current_date, '{}', 360000)`,
      [workspaceId, planId, projectId, quoteId],
    );
    await database.execute(
      `insert into funding_applications (workspace_id, id, plan_id, aid, aid_title, funder, status, documents,
         last_step_on)
       values ($1, $2, $3, 'mpa', 'MaPrimeAdapt', 'Anah', 'draft', '[]', current_date)`,
      [workspaceId, applicationId, planId],
    );
    await database.execute(
      `insert into funding_local_aids (workspace_id, id, name, funder_name, funder_kind, base, fixed_amount_cents,
         in_force_from, source_title, confidence)
       values ($1, $2, 'Aide communale', 'Commune', 'commune', 'fixed', 50000, current_date, 'Délibération', 'official')`,
      [workspaceId, newId()],
    );
    await database.execute(
      `insert into funding_parameter_values (workspace_id, id, parameter_id, from_on, value, confidence, source_title,
         source_url)
       values ($1, $2, 'mtp.monthly', '2026-04-01', '1300', 'official', 'Circulaire', 'https://exemple.test/')`,
      [workspaceId, newId()],
    );
  }

  ({ routes, doc } = await listApiRoutes(t));
  const usersOnlyIn = async (workspaceId: string, other: string) => {
    const { rows } = await database.execute(
      `select distinct user_id::text as id from memberships m where workspace_id = $1
       and not exists (select 1 from memberships o where o.user_id = m.user_id and o.workspace_id = $2) order by 1`,
      [workspaceId, other],
    );
    return rows.map((r) => r.id as string);
  };
  a.idPool = await idsByTable(database, a.workspaceId);
  a.idPool.set('users', (await usersOnlyIn(a.workspaceId, b.workspaceId)).slice(0, 3));
  b.idPool = await idsByTable(database, b.workspaceId);
  b.idPool.set('users', (await usersOnlyIn(b.workspaceId, a.workspaceId)).slice(0, 3));
  b.idPool.set('workspaces', [b.workspaceId]);
  b.onlyIds = [...new Set([...b.idPool.values()].flat())];
});
afterAll(async () => {
  t.close();
  await database.close();
});

const grants = (role: Role, access: RouteAccess) =>
  access === 'authenticated' || (rolePermissions[role] as readonly string[]).includes(access);
const grantedSessions = (route: ApiRoute) => a.sessions.filter((s) => grants(s.role, route.access));

/** The ids of one pool a field refers to, matched by name: organizationId → organizations, owning_organization_id → organizations. */
function idsFor(pool: Map<string, string[]>, field: string): string[] | undefined {
  const words = field
    .replace(/(Id|_id)$/, '')
    .replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    .split('_')
    .filter(Boolean);
  for (let start = 0; start < words.length; start += 1) {
    const stem = words.slice(start).join('_');
    for (const name of [stem, `${stem}s`, `${stem}es`, stem.replace(/y$/, 'ies')])
      if (pool.has(name)) return pool.get(name);
  }
  return undefined;
}

/** The table a path parameter names: `{organizationId}` by itself, `{id}` by the segment before it (/api/people/{id}). */
function idsForPathParam(pool: Map<string, string[]>, path: string, param: string): string[] | undefined {
  if (param !== 'id') return idsFor(pool, param);
  const segment = path.split('/').at(path.split('/').indexOf('{id}') - 1) ?? '';
  const stem =
    ({ people: 'person' } as Record<string, string>)[segment] ?? segment.replace(/-/g, '_').replace(/s$/, '');
  return idsFor(pool, `${stem}Id`);
}

/** A body that passes validation and refers to A's own records, except for `override`. */
function bodyFor(route: ApiRoute, override: Record<string, string> = {}) {
  if (!route.bodySchema) return undefined;
  const pick = (field: string) =>
    override[field] ?? (field === 'id' ? newId() : (idsFor(a.idPool, field)?.[0] ?? newId()));
  return sampleValue(route.bodySchema, doc, pick);
}

/** The query a route requires (an upload's kind, say), sampled from its schema like a body. */
function withRequiredQuery(route: ApiRoute, path: string) {
  const query = new URLSearchParams();
  for (const p of route.queryParams)
    if (p.required)
      query.set(p.name, String(sampleValue(p.schema, doc, (field) => idsFor(a.idPool, field)?.[0] ?? newId())));
  return query.size ? `${path}?${query.toString()}` : path;
}

/** B's ids and names found in an answer; a term the caller sent itself may be echoed back, so it can be left out. */
const leaksOfB = (text: string, sent: string[] = []) => {
  const lower = text.toLowerCase();
  return [...b.onlyIds, B_MARK, B_PERSON_LAST_NAME]
    .filter((marker) => !sent.includes(marker))
    .filter((marker) => lower.includes(marker.toLowerCase()));
};

describe('a session of workspace A', () => {
  it('only ever sees workspace A in /api/me', async () => {
    for (const session of a.sessions) {
      const me = await t.call('/api/me', { cookie: session.cookie });
      expect(me.status, session.label).toBe(200);
      expect(me.json.workspace.id, session.label).toBe(a.workspaceId);
      expect(
        me.json.memberships.map((m: { organizationId: string }) => m.organizationId),
        session.label,
      ).toEqual([a.organizationId]);
      expect(leaksOfB(me.text), session.label).toEqual([]);
    }
  });

  it('opens its own records, so the refusals below are about the workspace', async () => {
    const referent = a.sessions.find((s) => s.role === 'referent')!;
    expect((await t.call(`/api/people/${a.personId}`, { cookie: referent.cookie })).status).toBe(200);
    const found = await t.call(`/api/people/search?q=${A_PERSON_LAST_NAME}`, { cookie: referent.cookie });
    expect(found.json.items.map((p: { id: string }) => p.id)).toEqual([a.personId]);
  });

  it("answers 404 on every read route given an id of one of B's records", async () => {
    const readRoutes = routes.filter(
      (r) => r.method === 'GET' && r.access !== 'public' && r.pathParams.some((p) => isIdLike(p.name, p.schema)),
    );
    expect(readRoutes.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const route of readRoutes) {
      if (grantedSessions(route).length === 0) {
        problems.push(`${routeLabel(route)}: no role of A may call it, so nothing is checked`);
      }
      // Every session, granted or not: both must answer exactly like a missing record.
      for (const session of a.sessions) {
        for (const id of b.onlyIds) {
          const values = Object.fromEntries(route.pathParams.map((p) => [p.name, id]));
          const res = await t.call(fillPath(route.path, values), { cookie: session.cookie });
          if (res.status !== 404 || !isDeepStrictEqual(res.json, notFound().toBody())) {
            problems.push(
              `${routeLabel(route)} as ${session.label} with ${id}: ${res.status} ${res.text.slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // Every read route × every role × every kind of record: the sweep grows with the API.
  }, 240_000);

  it("never returns B's records from a list or a search, even when asked for them by name or id", async () => {
    const listRoutes = routes.filter((r) => r.method === 'GET' && r.access !== 'public' && r.pathParams.length === 0);
    const problems: string[] = [];
    for (const route of listRoutes) {
      let answered = false;
      for (const session of grantedSessions(route)) {
        const query = new URLSearchParams();
        for (const p of route.queryParams) {
          if (isIdLike(p.name, p.schema)) query.set(p.name, idsFor(b.idPool, p.name)?.[0] ?? b.personId);
          // A name only goes where free text is accepted (not a code with its own shape).
          else if (p.schema?.type === 'string' && !p.schema.enum && !p.schema.format && !p.schema.pattern)
            query.set(p.name, B_PERSON_LAST_NAME);
          else if (p.required) query.set(p.name, String(sampleValue(p.schema, doc, () => b.personId)));
        }
        const res = await t.call(`${route.path}${query.size ? `?${query.toString()}` : ''}`, {
          cookie: session.cookie,
        });
        answered ||= res.status === 200;
        const leaks = leaksOfB(res.text, [...query.values()]);
        if (leaks.length > 0)
          problems.push(
            `${routeLabel(route)}${query.size ? `?${query.toString()}` : ''} as ${session.label} shows ${leaks.join(', ')}`,
          );
      }
      if (!answered) problems.push(`${routeLabel(route)} answered no session of A with 200, so nothing is checked`);
    }
    expect(problems).toEqual([]);
  });

  it("finds nobody of B when searching for B's person by name", async () => {
    const search = routes.find((r) => r.path === '/api/people/search')!;
    for (const session of grantedSessions(search)) {
      const res = await t.call(`/api/people/search?q=${B_PERSON_LAST_NAME}`, { cookie: session.cookie });
      expect({ who: session.label, status: res.status, items: res.json.items }).toEqual({
        who: session.label,
        status: 200,
        items: [],
      });
    }
  });

  it('changes nothing of B through any write route, by an id in the path or in the body', async () => {
    const before = await snapshotWorkspace(database, b.workspaceId);
    const problems: string[] = [];
    // A refusal must come from the lookup of B's record, not from a body the sampler got wrong.
    const check = (
      route: ApiRoute,
      session: Session,
      field: string | null,
      id: string,
      res: { status: number; text: string; json: any },
    ) => {
      const refused =
        res.status === 404 ||
        (field !== null &&
          res.status === 400 &&
          (res.json?.issues ?? []).some((i: { path: string }) => i.path === field));
      if (!refused) {
        problems.push(
          `${routeLabel(route)} as ${session.label} with ${field ?? 'path'}=${id}: ${res.status} ${res.text.slice(0, 200)}`,
        );
      }
    };
    const writeRoutes = routes.filter((r) => isWrite(r) && r.access !== 'public');
    let attempts = 0;
    for (const route of writeRoutes) {
      const idParams = route.pathParams.filter((p) => isIdLike(p.name, p.schema));
      const idFields = requiredIdFields(route.bodySchema, doc);
      for (const session of grantedSessions(route)) {
        // B's id in the path, a body that is valid for A.
        if (idParams.length > 0) {
          for (const id of b.onlyIds) {
            const values = Object.fromEntries(route.pathParams.map((p) => [p.name, id]));
            const body = bodyFor(route);
            check(
              route,
              session,
              null,
              id,
              await t.call(withRequiredQuery(route, fillPath(route.path, values)), {
                method: route.method,
                cookie: session.cookie,
                body: body ?? {},
              }),
            );
            attempts += 1;
          }
        }
        // B's id in one body field at a time, A's own ids elsewhere (and in the path).
        if (idFields.length > 0) {
          const own = route.pathParams.map(
            (p) => [p.name, idsForPathParam(a.idPool, route.path, p.name)?.[0]] as const,
          );
          const unknown = own.filter(([, id]) => id === undefined).map(([name]) => name);
          if (unknown.length > 0) {
            problems.push(
              `${routeLabel(route)}: no record of A found for {${unknown.join('}, {')}}, so its body references are not checked`,
            );
            continue;
          }
          const ownPath = fillPath(route.path, Object.fromEntries(own));
          for (const field of idFields) {
            for (const id of idsFor(b.idPool, field) ?? b.onlyIds) {
              const body = bodyFor(route, { [field]: id });
              check(
                route,
                session,
                field,
                id,
                await t.call(withRequiredQuery(route, ownPath), { method: route.method, cookie: session.cookie, body }),
              );
              attempts += 1;
            }
          }
        }
      }
    }
    expect(attempts).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(await snapshotWorkspace(database, b.workspaceId)).toEqual(before);
    // Every write route × every role granted it × every id of B: thousands of requests, and more with each module.
  }, 240_000);
});
