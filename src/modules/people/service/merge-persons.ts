import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { personScopeOf } from '#src/modules/people/domain/visibility.ts';
import { removeMembersAlreadyOn } from '#src/modules/people/repo/case-team.repo.ts';
import { listPersonReferences, repointReferences } from '#src/modules/people/repo/merge.repo.ts';
import { demoteMainCaregiverIfKeptHasOne } from '#src/modules/people/repo/person-lists.repo.ts';
import { bumpVersion, findVisiblePersonRecord, markMerged } from '#src/modules/people/repo/persons.repo.ts';

/**
 * Merges a duplicate into the kept file: every row of every table that references the duplicate
 * (found in the catalog, so later modules need no change here) is re-pointed to the kept file;
 * the duplicate's row stays, flagged `merged_into_id`, and its audit rows are left untouched.
 * One `person.merge` audit row names the tables whose rows moved.
 */
export async function mergePersons(
  db: Db,
  actor: Actor,
  input: { keptId: string; duplicateId: string; requestId: string },
): Promise<{ id: string }> {
  if (input.keptId === input.duplicateId) throw fieldError('duplicateId', messages.people.validation.mergeSelf);
  return db.transaction(async (tx) => {
    const scope = personScopeOf(actor);
    // Locked in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = [input.keptId, input.duplicateId].sort();
    const locked = new Map<string, unknown>();
    for (const id of [first!, second!])
      locked.set(id, await findVisiblePersonRecord(tx, scope, id, { forUpdate: true }));
    if (!locked.get(input.keptId) || !locked.get(input.duplicateId)) throw notFound();

    const ws = actor.workspaceId;
    const pair = { duplicateId: input.duplicateId, keptId: input.keptId };
    // One active membership per user and one main caregiver per person hold on the kept file.
    await removeMembersAlreadyOn(tx, ws, pair, { removedBy: actor.userId, reason: messages.people.mergeReason });
    await demoteMainCaregiverIfKeptHasOne(tx, ws, pair);
    const moved: string[] = [];
    for (const reference of await listPersonReferences(tx)) {
      const count = await repointReferences(tx, reference, { workspaceId: ws, ...pair });
      if (count > 0) moved.push(`${reference.table}.${reference.column}`);
    }
    await markMerged(tx, ws, input.duplicateId, input.keptId);
    await bumpVersion(tx, ws, input.keptId);
    await writeAudit(tx, {
      workspaceId: ws,
      actorUserId: actor.userId,
      action: 'person.merge',
      entityType: 'person',
      entityId: input.keptId,
      personId: input.keptId,
      changedFields: ['mergedIntoId', ...moved],
      requestId: input.requestId,
    });
    return { id: input.keptId };
  });
}
