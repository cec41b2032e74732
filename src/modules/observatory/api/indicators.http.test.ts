import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { createOrganization, createPerson, createWorkspace } from '#tests/fixtures/factories.ts';
import { signInWithRole, type RoleSession } from '#tests/fixtures/role-sessions.ts';
import { createTestApp, type TestApp } from '#tests/fixtures/test-app.ts';

let database: Database;
let t: TestApp;
let manager: RoleSession;
let reception: RoleSession;
const stage = { referral: newId(), qualification: newId(), closing: newId() };

/** A pathway with its history: opened on a date by a channel, then moved through stages on dates. */
async function pathwayFixture(
  workspaceId: string,
  organizationId: string,
  userId: string,
  f: { opened: string; channel: string; moves: [string, string][]; outcome?: string; closureReason?: string },
) {
  const id = newId();
  const personId = await createPerson(database.db, { workspaceId, owningOrganizationId: organizationId });
  const [lastStage, lastOn] = f.moves.at(-1) ?? [stage.referral, f.opened];
  await database.execute(
    `insert into pathways (workspace_id, id, person_id, owning_organization_id, referent_user_id, channel, stage_id,
       stage_entered_on, opened_on, outcome, closure_reason, closed_on)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      workspaceId,
      id,
      personId,
      organizationId,
      userId,
      f.channel,
      lastStage,
      lastOn,
      f.opened,
      f.outcome ?? null,
      f.closureReason ?? null,
      f.outcome ? lastOn : null,
    ],
  );
  const transition = (from: string | null, to: string, on: string, kind: string, closes: boolean) =>
    database.execute(
      `insert into pathway_transitions (workspace_id, id, pathway_id, from_stage_id, to_stage_id, kind, effective_on,
         outcome, closure_reason, by_user_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        workspaceId,
        newId(),
        id,
        from,
        to,
        kind,
        on,
        closes ? f.outcome : null,
        closes ? f.closureReason : null,
        userId,
      ],
    );
  await transition(null, stage.referral, f.opened, 'open', false);
  let from = stage.referral;
  for (const [to, on] of f.moves) {
    await transition(from, to, on, 'forward', to === stage.closing);
    from = to;
  }
}

async function referralFixture(
  workspaceId: string,
  organizationId: string,
  userId: string,
  channel: string,
  createdAt: string,
  closureReason: string | null = null,
) {
  await database.execute(
    `insert into referrals (workspace_id, id, channel, raised_by_user_id, raised_by_organization_id, raised_by_name,
       raised_by_organization_name, description, urgency, consent, created_at, status, closure_reason)
     values ($1, $2, $3, $4, $5, 'Agent', 'CCAS', 'Salle de bain inadaptée', 'normal', 'agreed', $6, $7, $8)`,
    [workspaceId, newId(), channel, userId, organizationId, createdAt, closureReason ? 'closed' : 'new', closureReason],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const workspaceId = await createWorkspace(database.db);
  const organizationId = await createOrganization(database.db, workspaceId);
  manager = await signInWithRole(t, database, { workspaceId, organizationId, role: 'manager' });
  reception = await signInWithRole(t, database, { workspaceId, organizationId, role: 'reception' });
  for (const [id, key, label, position] of [
    [stage.referral, 'referral', 'Repérage', 1],
    [stage.qualification, 'qualification', 'Qualification', 2],
    [stage.closing, 'closing', 'Clôture', 3],
  ] as const) {
    await database.execute(
      'insert into pathway_stages (workspace_id, id, key, label, position) values ($1, $2, $3, $4, $5)',
      [workspaceId, id, key, label, position],
    );
  }
  const user = manager.userId;
  // 10 and 20 days in repérage; the third spends 4 days there, 25 in qualification, and is closed in March.
  await pathwayFixture(workspaceId, organizationId, user, {
    opened: '2026-01-05',
    channel: 'self',
    moves: [[stage.qualification, '2026-01-15']],
  });
  await pathwayFixture(workspaceId, organizationId, user, {
    opened: '2026-01-10',
    channel: 'social_landlord',
    moves: [[stage.qualification, '2026-01-30']],
  });
  await pathwayFixture(workspaceId, organizationId, user, {
    opened: '2026-02-01',
    channel: 'social_landlord',
    moves: [
      [stage.qualification, '2026-02-05'],
      [stage.closing, '2026-03-02'],
    ],
    outcome: 'person_declined',
    closureReason: 'person_withdrew',
  });
  // Referrals at the edges of a Paris day: 23:30 in Paris on 31 January is still January.
  await referralFixture(workspaceId, organizationId, user, 'reception_desk', '2026-01-31T22:30:00Z');
  await referralFixture(workspaceId, organizationId, user, 'reception_desk', '2026-01-12T09:00:00Z', 'out_of_scope');
  await referralFixture(workspaceId, organizationId, user, 'home_help_alert', '2026-01-31T23:30:00Z');

  // Home visits filled with the shipped grid: submitted in January, and a draft that never counts.
  const referent = await signInWithRole(t, database, { workspaceId, organizationId, role: 'referent' });
  const grid = (await t.call('/api/form-templates', { cookie: referent.cookie })).json.items.find(
    (x: { key: string }) => x.key === 'lomme_visite_qualification',
  );
  const visit = async (pieces: { piece: string; activites_difficiles?: string[] }[], submit = true) => {
    const personId = await createPerson(database.db, {
      workspaceId,
      owningOrganizationId: organizationId,
      caseTeam: [{ userId: referent.userId, organizationId }],
    });
    const answers = { date_visite: '2026-01-20', pieces, projet: 'rester_adapter', hesite: 'no' };
    const res = await t.call(`/api/people/${personId}/form-responses`, {
      method: 'POST',
      cookie: referent.cookie,
      body: {
        templateVersionId: grid.latestVersionId,
        answers: { ...answers, synthese: 'Adapter la salle de bain.' },
        submit,
      },
    });
    expect(res.status).toBe(201);
    await database.execute(
      `update form_responses set submitted_at = '2026-01-20T10:00:00Z' where id = $1 and status = 'submitted'`,
      [res.json.id],
    );
  };
  await visit([
    { piece: 'salle_de_bain', activites_difficiles: ['se_laver'] },
    { piece: 'cuisine', activites_difficiles: ['se_laver', 'cuisiner'] },
  ]);
  await visit([{ piece: 'salle_de_bain', activites_difficiles: ['se_laver'] }]);
  await visit([{ piece: 'wc', activites_difficiles: ['toilettes'] }], false);

  // Another territory's activity must not count.
  const otherWorkspace = await createWorkspace(database.db);
  const otherOrganization = await createOrganization(database.db, otherWorkspace);
  const other = await signInWithRole(t, database, {
    workspaceId: otherWorkspace,
    organizationId: otherOrganization,
    role: 'manager',
  });
  await referralFixture(otherWorkspace, otherOrganization, other.userId, 'reception_desk', '2026-01-20T10:00:00Z');
});
afterAll(async () => {
  t.close();
  await database.close();
});

const indicators = (query: string, cookie = manager.cookie) => t.call(`/api/indicators?${query}`, { cookie });

describe('GET /api/indicators', () => {
  it('counts entries, stages, median days, outcomes and closure reasons over the period', async () => {
    const res = await indicators('from=2026-01-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      period: { from: '2026-01-01', to: '2026-03-31' },
      referralsByChannel: [
        { key: 'reception_desk', count: 2 },
        { key: 'home_help_alert', count: 1 },
      ],
      referralDecisions: [
        { key: 'new', count: 2 },
        { key: 'closed', count: 1 },
      ],
      referralClosureReasons: [{ key: 'out_of_scope', count: 1 }],
      entriesByChannel: [
        { key: 'social_landlord', count: 2 },
        { key: 'self', count: 1 },
      ],
      entriesByMonth: [
        { month: '2026-01', count: 2 },
        { month: '2026-02', count: 1 },
        { month: '2026-03', count: 0 },
      ],
      pathwaysByStage: [
        { stageId: stage.referral, label: 'Repérage', count: 0 },
        { stageId: stage.qualification, label: 'Qualification', count: 2 },
        { stageId: stage.closing, label: 'Clôture', count: 1 },
      ],
      medianDaysPerStage: [
        { stageId: stage.referral, label: 'Repérage', visits: 3, medianDays: 10 },
        { stageId: stage.qualification, label: 'Qualification', visits: 1, medianDays: 25 },
      ],
      outcomes: [{ key: 'person_declined', count: 1 }],
      closureReasons: [{ key: 'person_withdrew', count: 1 }],
      homeVisitDifficulties: {
        responses: 2,
        persons: 2,
        byDifficulty: [
          { key: 'se_laver', label: 'Se laver (baignoire, douche)', persons: 2 },
          { key: 'cuisiner', label: 'Préparer les repas', persons: 1 },
        ],
        byRoom: [
          { key: 'salle_de_bain', label: 'Salle de bain', persons: 2 },
          { key: 'cuisine', label: 'Cuisine', persons: 1 },
        ],
      },
    });
  });

  it('downloads the home-visit difficulties of the period as CSV, and refuses a bad period', async () => {
    const res = await t.call('/api/indicators/home-visit-difficulties.csv?from=2026-01-01&to=2026-03-31', {
      cookie: manager.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('difficultes-visites-2026-01-01-2026-03-31.csv');
    // The byte order mark is read, and dropped, by the response's text decoding.
    expect(res.text.split('\r\n')).toEqual([
      'Regroupement;Libellé;Code;Personnes',
      'Difficulté;Se laver (baignoire, douche);se_laver;2',
      'Difficulté;Préparer les repas;cuisiner;1',
      'Pièce;Salle de bain;salle_de_bain;2',
      'Pièce;Cuisine;cuisine;1',
      '',
    ]);
    const february = await t.call('/api/indicators/home-visit-difficulties.csv?from=2026-02-01&to=2026-02-28', {
      cookie: manager.cookie,
    });
    expect(february.text).toBe('Regroupement;Libellé;Code;Personnes\r\n');
    const bad = await t.call('/api/indicators/home-visit-difficulties.csv?from=2026-03-01&to=2026-02-01', {
      cookie: manager.cookie,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([
      { path: 'to', message: 'La date de fin doit être postérieure ou égale à la date de début.' },
    ]);
    const unauthorised = await t.call('/api/indicators/home-visit-difficulties.csv?from=2026-01-01&to=2026-03-31', {
      cookie: reception.cookie,
    });
    expect(unauthorised.status).toBe(404);
  });

  it('keeps to the period, with Paris calendar days', async () => {
    const res = await indicators('from=2026-01-01&to=2026-01-31');
    expect(res.status).toBe(200);
    expect(res.json.referralsByChannel).toEqual([{ key: 'reception_desk', count: 2 }]);
    expect(res.json.entriesByMonth).toEqual([{ month: '2026-01', count: 2 }]);
    // Two visits of repérage ended in January (10 and 20 days); the third ended in February.
    expect(res.json.medianDaysPerStage).toEqual([
      { stageId: stage.referral, label: 'Repérage', visits: 2, medianDays: 15 },
    ]);
    expect(res.json.outcomes).toEqual([]);
    // The stages are a picture of today, whatever the period.
    expect(res.json.pathwaysByStage.map((s: { count: number }) => s.count)).toEqual([0, 2, 1]);
  });

  it('refuses a period that is missing, inverted, impossible or longer than ten years, field by field', async () => {
    const issuesOf = async (query: string) => {
      const res = await indicators(query);
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('validation_failed');
      return res.json.issues as { path: string; message: string }[];
    };
    expect((await issuesOf('')).map((i) => i.path).sort()).toEqual(['from', 'to']);
    expect(await issuesOf('from=2026-03-01&to=2026-02-01')).toEqual([
      { path: 'to', message: 'La date de fin doit être postérieure ou égale à la date de début.' },
    ]);
    expect(await issuesOf('from=2026-02-30&to=2026-03-01')).toEqual([
      { path: 'from', message: 'Saisissez une date valide, par exemple 01/03/2026.' },
    ]);
    expect(await issuesOf('from=2010-01-01&to=2026-03-01')).toEqual([
      { path: 'from', message: 'La période ne peut pas dépasser dix ans.' },
    ]);
  });

  it('is for roles that read indicators only', async () => {
    expect((await indicators('from=2026-01-01&to=2026-03-31', reception.cookie)).status).toBe(404);
    expect((await t.call('/api/indicators?from=2026-01-01&to=2026-03-31')).status).toBe(401);
  });
});
