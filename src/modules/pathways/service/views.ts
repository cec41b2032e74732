import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { CSV_BOM, csvLine } from '#src/shared/csv.ts';
import { communeNameOf, rolePermissions, type Role } from '#src/modules/platform/index.ts';
import type {
  JournalEntry,
  PathwayDetail,
  PathwayListQuery,
  PathwaySummary,
  PathwayTask,
  PathwayTaskWithPerson,
  ReferentChoice,
} from '#src/modules/pathways/api/pathway.schema.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  closingStageOf,
  daysBetween,
  daysPerStage,
  type StageDefinition,
} from '#src/modules/pathways/domain/stages.ts';
import type { EntryChannel } from '#src/shared/vocabulary/entry-channels.ts';
import { ageOn, personScopeOf } from '#src/modules/people/index.ts';
import { listJournal } from '#src/modules/pathways/repo/journal.repo.ts';
import { listOptions } from '#src/modules/pathways/repo/options.repo.ts';
import {
  findVisiblePathway,
  listTransitions,
  membersWithRoles,
  selectPathways,
  teamOf,
  type PathwayRow,
} from '#src/modules/pathways/repo/pathways.repo.ts';
import { listTasksOfPathway, selectTaskList, type TaskRow } from '#src/modules/pathways/repo/tasks.repo.ts';
import { ensureStages, getStages } from '#src/modules/pathways/service/stages.ts';

/** The commune as people say it: the historic one (Lomme) before its chef-lieu (Lille). */
async function communeNamesOf(rows: PathwayRow[]): Promise<Map<string, string | null>> {
  const codes = [...new Set(rows.map((r) => r.historicCommuneInsee ?? r.communeInsee).filter((c) => c !== null))];
  return new Map(await Promise.all(codes.map(async (code) => [code, await communeNameOf(code)] as const)));
}

function toSummary(
  row: PathwayRow,
  stages: StageDefinition[],
  today: string,
  communeNames: Map<string, string | null>,
): PathwaySummary {
  return {
    id: row.id,
    personId: row.personId,
    firstName: row.firstName,
    lastName: row.lastName,
    age: row.birthDate ? ageOn(row.birthDate, today) : null,
    communeInsee: row.communeInsee,
    communeName: communeNames.get(row.historicCommuneInsee ?? row.communeInsee ?? '') ?? null,
    channel: row.channel as EntryChannel,
    stageId: row.stageId,
    stageLabel: stages.find((s) => s.id === row.stageId)?.label ?? '',
    stageEnteredOn: row.stageEnteredOn,
    daysInStage: daysBetween(row.stageEnteredOn, today),
    referentUserId: row.referentUserId,
    referentName: row.referentName,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
  };
}

export async function listPathways(db: Db, actor: Actor, query: PathwayListQuery, requestId: string) {
  const stages = await getStages(db, actor, requestId);
  const memberOf = actor.memberships.map((m) => m.organizationId);
  const rows = await selectPathways(db, personScopeOf(actor), memberOf, query);
  const today = parisDay(new Date());
  const communeNames = await communeNamesOf(rows);
  return rows.map((r) => toSummary(r, stages, today, communeNames));
}

/** The list as CSV (UTF-8 with BOM, `;`), exactly what the user may see; the export itself is audited. */
export async function exportPathwaysCsv(db: Db, actor: Actor, query: PathwayListQuery, requestId: string) {
  const items = await listPathways(db, actor, { ...query, limit: 1000 }, requestId);
  const h = messages.pathways.csv;
  let csv = CSV_BOM + csvLine([...h.header]);
  for (const p of items) {
    csv += csvLine([
      p.lastName,
      p.firstName,
      p.age,
      p.communeInsee,
      messages.entryChannels[p.channel] ?? p.channel,
      p.stageLabel,
      p.daysInStage,
      p.referentName,
      p.openedOn,
      p.closedOn,
    ]);
  }
  await db.transaction((tx) =>
    writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway.export',
      entityType: 'pathway',
      changedFields: Object.entries(query)
        .filter(([k, v]) => v !== undefined && k !== 'limit')
        .map(([k]) => k),
      requestId,
    }),
  );
  return csv;
}

const toTask = (row: TaskRow, today: string): PathwayTask => ({
  id: row.id,
  pathwayId: row.pathwayId,
  title: row.title,
  dueDate: row.dueDate,
  assigneeUserId: row.assigneeUserId,
  assigneeName: row.assigneeName,
  status: row.status as PathwayTask['status'],
  remindAt: row.remindAt.toISOString(),
  overdue: row.status === 'open' && row.dueDate < today,
});

/** Opening a pathway shows the person's situation: it is audited like opening the person's file. */
export async function getPathwayDetail(db: Db, actor: Actor, id: string, requestId: string): Promise<PathwayDetail> {
  return db.transaction(async (tx) => {
    const row = await findVisiblePathway(tx, personScopeOf(actor), id);
    if (!row) throw notFound();
    const stages = await ensureStages(tx, actor, requestId);
    const history = await listTransitions(tx, actor.workspaceId, id);
    const journal = await listJournal(tx, actor.workspaceId, id, actor.userId);
    const tasks = await listTasksOfPathway(tx, actor.workspaceId, id);
    const options = await listOptions(tx, actor.workspaceId, id);
    const team = await teamOf(tx, actor.workspaceId, id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway.read',
      entityType: 'pathway',
      entityId: id,
      personId: row.personId,
      requestId,
    });
    const today = parisDay(new Date());
    const days = daysPerStage(history, today, closingStageOf(stages)?.id ?? null);
    const correctedBy = new Map<string, string[]>();
    for (const e of journal)
      if (e.correctsEntryId) correctedBy.set(e.correctsEntryId, [...(correctedBy.get(e.correctsEntryId) ?? []), e.id]);
    return {
      pathway: {
        ...toSummary(row, stages, today, await communeNamesOf([row])),
        owningOrganizationId: row.owningOrganizationId,
        qualificationSummary: row.qualificationSummary,
        outcome: row.outcome as PathwayDetail['pathway']['outcome'],
        closureReason: row.closureReason as PathwayDetail['pathway']['closureReason'],
        birthDate: row.birthDate,
      },
      stages: stages.map((s) => ({ ...s, days: days.get(s.id) ?? 0 })),
      history: history.map((h) => ({
        id: h.id,
        fromStageId: h.fromStageId,
        toStageId: h.toStageId,
        kind: h.kind as PathwayDetail['history'][number]['kind'],
        effectiveOn: h.effectiveOn,
        reason: h.reason,
        outcome: h.outcome as PathwayDetail['history'][number]['outcome'],
        closureReason: h.closureReason as PathwayDetail['history'][number]['closureReason'],
        byName: h.byName,
      })),
      journal: journal.map((e): JournalEntry => ({
        ...e,
        kind: e.kind as JournalEntry['kind'],
        linkedEntityType: e.linkedEntityType as JournalEntry['linkedEntityType'],
        occurredAt: e.occurredAt.toISOString(),
        createdAt: e.createdAt.toISOString(),
        correctedBy: correctedBy.get(e.id) ?? [],
      })),
      tasks: tasks.map((task) => toTask(task, today)),
      options: options.map((o) => ({
        id: o.id,
        kind: o.kind as PathwayDetail['options'][number]['kind'],
        description: o.description,
        professionalAssessment: o.professionalAssessment,
        personStance: o.personStance as PathwayDetail['options'][number]['personStance'],
        personWords: o.personWords,
        criteria: o.criteria as PathwayDetail['options'][number]['criteria'],
        otherCriteria: o.otherCriteria,
        familyPosition: o.familyPosition,
        chosenOn: o.chosenOn,
      })),
      team,
      canWrite: actor.permissions.has('pathway.write'),
      viewerUserId: actor.userId,
    };
  });
}

/**
 * The task lists: my open tasks; my overdue tasks; the overdue tasks of my team (pathways of my
 * organisations that I may see).
 */
export async function listTasks(
  db: Db,
  actor: Actor,
  query: { view: 'mine' | 'overdue_mine' | 'overdue_team'; limit: number },
): Promise<PathwayTaskWithPerson[]> {
  const today = parisDay(new Date());
  const memberOf = actor.memberships.map((m) => m.organizationId);
  const rows = await selectTaskList(db, personScopeOf(actor), memberOf, { ...query, today });
  return rows.map((r) => ({ ...toTask(r, today), personId: r.personId, firstName: r.firstName, lastName: r.lastName }));
}

/** Who may be made referent of a new pathway: members of the actor's organisations whose role works on pathways. */
export async function referentChoices(db: Db, actor: Actor): Promise<ReferentChoice[]> {
  const roles = (Object.entries(rolePermissions) as [Role, readonly string[]][])
    .filter(([, granted]) => granted.includes('pathway.write'))
    .map(([role]) => role);
  return membersWithRoles(
    db,
    actor.workspaceId,
    actor.memberships.map((m) => m.organizationId),
    roles,
  );
}
