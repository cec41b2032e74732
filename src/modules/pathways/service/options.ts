import { writeAudit, changedFieldsOf } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import type { OptionInput } from '#src/modules/pathways/api/pathway.schema.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { findOption, insertOption, setChosenOption, updateOption } from '#src/modules/pathways/repo/options.repo.ts';
import { writablePathway } from '#src/modules/pathways/service/pathways.ts';

const toValues = (input: OptionInput) => ({
  kind: input.kind,
  description: input.description,
  professionalAssessment: input.professionalAssessment || null,
  personStance: input.personStance ?? null,
  personWords: input.personWords || null,
  criteria: input.criteria,
  otherCriteria: input.otherCriteria || null,
  familyPosition: input.familyPosition || null,
});

export async function addOption(db: Db, actor: Actor, pathwayId: string, input: OptionInput, requestId: string) {
  return db.transaction(async (tx) => {
    const pathway = await writablePathway(tx, actor, pathwayId);
    const id = newId();
    const values = toValues(input);
    await insertOption(tx, { id, workspaceId: actor.workspaceId, pathwayId, ...values, createdBy: actor.userId });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_option.create',
      entityType: 'pathway_solution_option',
      entityId: id,
      personId: pathway.personId,
      changedFields: changedFieldsOf(null, values),
      requestId,
    });
    return id;
  });
}

/** Loads an option through its pathway, so an option of an unseen pathway answers 404. */
async function writableOption(tx: Db, actor: Actor, id: string) {
  const option = await findOption(tx, actor.workspaceId, id);
  if (!option) throw notFound();
  const pathway = await writablePathway(tx, actor, option.pathwayId);
  return { option, pathway };
}

export async function editOption(db: Db, actor: Actor, id: string, input: OptionInput, requestId: string) {
  await db.transaction(async (tx) => {
    const { option, pathway } = await writableOption(tx, actor, id);
    const values = toValues(input);
    const changed = changedFieldsOf(option, values);
    if (changed.length === 0) return;
    await updateOption(tx, actor.workspaceId, id, values);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_option.update',
      entityType: 'pathway_solution_option',
      entityId: id,
      personId: pathway.personId,
      changedFields: changed,
      requestId,
    });
  });
}

/** Records the person's choice (one option per pathway; choosing another replaces it). */
export async function chooseOption(
  db: Db,
  actor: Actor,
  id: string,
  input: { chosenOn?: string | undefined },
  requestId: string,
) {
  await db.transaction(async (tx) => {
    const { option, pathway } = await writableOption(tx, actor, id);
    const today = parisDay(new Date());
    const chosenOn = input.chosenOn ?? today;
    if (chosenOn > today) throw fieldError('chosenOn', messages.pathways.options.chosenInFuture);
    await setChosenOption(tx, actor.workspaceId, option.pathwayId, id, chosenOn);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'pathway_option.choose',
      entityType: 'pathway_solution_option',
      entityId: id,
      personId: pathway.personId,
      changedFields: ['chosenOn'],
      requestId,
    });
  });
}
