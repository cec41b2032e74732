import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { AppError } from '#src/shared/errors.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { actorFor } from '#tests/fixtures/actors.ts';
import {
  findPathwayForActor,
  openPathway,
  transitionPathway,
  updateQualification,
} from '#src/modules/pathways/service/pathways.ts';
import { getStages } from '#src/modules/pathways/service/stages.ts';
import { createPathwayTask } from '#src/modules/pathways/service/tasks.ts';
import { createOrganization, createPerson, createUser, createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
let referent: Actor;
let outsider: Actor;
let personId: string;
let organizationId: string;

const issuesOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).issues ?? [];
};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const workspaceId = await createWorkspace(db);
  organizationId = await createOrganization(db, workspaceId);
  const r = await createUser(db, { workspaceId, organizationId, role: 'referent' });
  const o = await createUser(db, { workspaceId, organizationId, role: 'referent' });
  referent = actorFor({ userId: r.userId, workspaceId, organizationId, role: 'referent' });
  outsider = actorFor({ userId: o.userId, workspaceId, organizationId, role: 'referent' });
  personId = await createPerson(db, {
    workspaceId,
    owningOrganizationId: organizationId,
    caseTeam: [{ userId: r.userId, organizationId }],
  });
});
afterAll(async () => {
  await database.close();
});

const open = () =>
  database.db.transaction((tx) =>
    openPathway(tx, referent, {
      personId,
      owningOrganizationId: organizationId,
      referentUserId: referent.userId,
      channel: 'reception_desk',
      requestId: null,
    }),
  );

describe('opening and moving a pathway', () => {
  it('opens at the first stage of the Lomme template and is hidden from users outside the team', async () => {
    const id = await open();
    const stages = await getStages(database.db, referent, 'r');
    expect(stages.map((s) => s.key)).toEqual([
      'referral',
      'qualification',
      'case_review',
      'co_construction',
      'implementation',
      'aftercare',
      'closure',
    ]);
    const row = await findPathwayForActor(database.db, referent, id);
    expect(row).toMatchObject({ stageId: stages[0]!.id, channel: 'reception_desk', personId });
    expect(await findPathwayForActor(database.db, outsider, id)).toBeNull();
  });

  it('refuses to leave qualification without a summary and a home visit, naming both', async () => {
    const id = await open();
    const stages = await getStages(database.db, referent, 'r');
    await transitionPathway(database.db, referent, id, { toStageId: stages[1]!.id }, 'r');
    const issues = await issuesOf(transitionPathway(database.db, referent, id, { toStageId: stages[2]!.id }, 'r'));
    expect(issues.map((i) => i.path).sort()).toEqual(['homeVisit', 'qualificationSummary']);
    expect(issues.find((i) => i.path === 'qualificationSummary')?.message).toContain('synthèse de la qualification');
    await updateQualification(database.db, referent, id, { qualificationSummary: 'Baignoire inaccessible' }, 'r');
    const still = await issuesOf(transitionPathway(database.db, referent, id, { toStageId: stages[2]!.id }, 'r'));
    expect(still.map((i) => i.path)).toEqual(['homeVisit']);
  });

  it('closes with an outcome and a reason, then reopens to a chosen stage with a reason', async () => {
    const id = await open();
    const stages = await getStages(database.db, referent, 'r');
    const closing = stages.at(-1)!;
    const noReason = await issuesOf(
      transitionPathway(database.db, referent, id, { toStageId: closing.id, outcome: 'person_declined' }, 'r'),
    );
    expect(noReason.map((i) => i.path).sort()).toEqual(['closureReason', 'reason']);
    await transitionPathway(
      database.db,
      referent,
      id,
      {
        toStageId: closing.id,
        reason: 'La personne refuse',
        outcome: 'person_declined',
        closureReason: 'person_withdrew',
      },
      'r',
    );
    expect(await findPathwayForActor(database.db, referent, id)).toMatchObject({
      stageId: closing.id,
      outcome: 'person_declined',
      closedOn: parisDay(new Date()),
    });
    await transitionPathway(database.db, referent, id, { toStageId: stages[1]!.id, reason: 'Nouvelle demande' }, 'r');
    expect(await findPathwayForActor(database.db, referent, id)).toMatchObject({
      stageId: stages[1]!.id,
      outcome: null,
      closedOn: null,
    });
  });
});

describe('tasks', () => {
  it('refuses a due date in the past and an assignee who cannot see the pathway', async () => {
    const id = await open();
    const issues = await issuesOf(
      database.db.transaction((tx) =>
        createPathwayTask(tx, referent, {
          pathwayId: id,
          title: 'Appeler le bailleur',
          dueDate: '2020-01-01',
          assigneeUserId: outsider.userId,
          requestId: null,
        }),
      ),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['assigneeUserId', 'dueDate']);
  });
});
