import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Database } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { createTestDatabase } from '#src/shared/test/database.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  countClosures,
  countEntriesByChannel,
  countPathwaysByStage,
  medianDaysPerStage,
} from '#src/modules/pathways/repo/indicators.repo.ts';
import { insertPathway, insertTransition } from '#src/modules/pathways/repo/pathways.repo.ts';
import { actorFor } from '#tests/fixtures/actors.ts';
import { openPathway } from '#src/modules/pathways/service/pathways.ts';
import { sendDueTaskReminders } from '#src/modules/pathways/service/reminders.ts';
import { getStages } from '#src/modules/pathways/service/stages.ts';
import { createPathwayTask } from '#src/modules/pathways/service/tasks.ts';
import { createOrganization, createPerson, createUser, createWorkspace } from '#tests/fixtures/factories.ts';

let database: Database;
let referent: Actor;
let workspaceId: string;
let organizationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  workspaceId = await createWorkspace(db);
  organizationId = await createOrganization(db, workspaceId);
  const r = await createUser(db, { workspaceId, organizationId, role: 'referent' });
  referent = actorFor({ userId: r.userId, workspaceId, organizationId, role: 'referent' });
});
afterAll(async () => {
  await database.close();
});

const newPerson = () =>
  createPerson(database.db, {
    workspaceId,
    owningOrganizationId: organizationId,
    caseTeam: [{ userId: referent.userId, organizationId }],
  });

describe('task reminders', () => {
  it('notify the assignee once, in the app and by e-mail, however often the job runs', async () => {
    const personId = await newPerson();
    const pathwayId = await database.db.transaction((tx) =>
      openPathway(tx, referent, {
        personId,
        owningOrganizationId: organizationId,
        referentUserId: referent.userId,
        channel: 'self',
        requestId: null,
      }),
    );
    const taskAt = (remindAt: Date) =>
      database.db.transaction((tx) =>
        createPathwayTask(tx, referent, {
          pathwayId,
          title: 'Appeler l’ergothérapeute',
          dueDate: parisDay(new Date()),
          assigneeUserId: referent.userId,
          remindAt,
          requestId: null,
        }),
      );
    const due = await taskAt(new Date(Date.now() - 60_000));
    await taskAt(new Date(Date.now() + 3_600_000));
    const now = new Date();
    const runs = await Promise.all([sendDueTaskReminders(database.db, now), sendDueTaskReminders(database.db, now)]);
    const again = await sendDueTaskReminders(database.db, now);
    expect(runs[0].sent + runs[1].sent + again.sent).toBe(1);
    const { rows } = await database.execute(
      "select kind, link, email_status from notifications where user_id = $1 and kind = 'task.reminder'",
      [referent.userId],
    );
    expect(rows).toEqual([{ kind: 'task.reminder', link: `/parcours/${pathwayId}`, email_status: 'pending' }]);
    const task = await database.execute('select reminded_at from pathway_tasks where id = $1', [due]);
    expect(task.rows[0]!.reminded_at).not.toBeNull();
  });
});

describe('indicators', () => {
  it('count stages now, median days per stage, closures by reason and entries by channel per month', async () => {
    const db = database.db;
    const stages = await getStages(db, referent, 'r');
    const [referral, qualification] = stages;
    const closing = stages.at(-1)!;
    // Three pathways: 10 and 20 days in repérage then qualification; one closed in March.
    const fixtures = [
      { opened: '2026-01-05', channel: 'self', moves: [[qualification!.id, '2026-01-15']] },
      { opened: '2026-01-10', channel: 'social_landlord', moves: [[qualification!.id, '2026-01-30']] },
      {
        opened: '2026-02-01',
        channel: 'social_landlord',
        moves: [
          [qualification!.id, '2026-02-05'],
          [closing.id, '2026-03-02'],
        ],
      },
    ] as const;
    for (const f of fixtures) {
      const id = newId();
      const last = f.moves.at(-1)!;
      const closed = last[0] === closing.id;
      await insertPathway(db, {
        id,
        workspaceId,
        personId: await newPerson(),
        owningOrganizationId: organizationId,
        referentUserId: referent.userId,
        channel: f.channel,
        stageId: last[0],
        stageEnteredOn: last[1],
        openedOn: f.opened,
        ...(closed ? { outcome: 'person_declined', closureReason: 'person_withdrew', closedOn: last[1] } : {}),
      });
      const base = { workspaceId, pathwayId: id, byUserId: referent.userId };
      await insertTransition(db, {
        ...base,
        id: newId(),
        toStageId: referral!.id,
        kind: 'open',
        effectiveOn: f.opened,
      });
      let from: string = referral!.id;
      for (const [to, on] of f.moves) {
        const closes = to === closing.id;
        await insertTransition(db, {
          ...base,
          id: newId(),
          fromStageId: from,
          toStageId: to,
          kind: closes ? 'skip' : 'forward',
          effectiveOn: on,
          ...(closes ? { outcome: 'person_declined', closureReason: 'person_withdrew', reason: 'Refus' } : {}),
        });
        from = to;
      }
    }
    const byStage = await countPathwaysByStage(db, workspaceId);
    expect(byStage.find((s) => s.stageId === qualification!.id)?.count).toBe(2);
    expect(byStage.find((s) => s.stageId === closing.id)?.count).toBe(1);
    expect(byStage.map((s) => s.label)[0]).toBe('Repérage');

    const year = { from: '2026-01-01', to: '2026-12-31' };
    const medians = await medianDaysPerStage(db, workspaceId, year);
    expect(medians).toEqual([
      { stageId: referral!.id, label: 'Repérage', visits: 3, medianDays: 10 },
      { stageId: qualification!.id, label: 'Qualification', visits: 1, medianDays: 25 },
    ]);
    expect(await medianDaysPerStage(db, workspaceId, { from: '2026-01-01', to: '2026-01-20' })).toEqual([
      { stageId: referral!.id, label: 'Repérage', visits: 1, medianDays: 10 },
    ]);

    expect(await countClosures(db, workspaceId, year)).toEqual([
      { month: '2026-03', outcome: 'person_declined', closureReason: 'person_withdrew', count: 1 },
    ]);
    expect(await countEntriesByChannel(db, workspaceId, { from: '2026-01-01', to: '2026-02-28' })).toEqual([
      { month: '2026-01', channel: 'self', count: 1 },
      { month: '2026-01', channel: 'social_landlord', count: 1 },
      { month: '2026-02', channel: 'social_landlord', count: 1 },
    ]);
  });
});
