import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, type FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { kindsThatMayBePrivate, type JournalKind } from '#src/modules/pathways/domain/vocabulary.ts';
import { isOnPathwayTeam } from '#src/modules/pathways/repo/pathways.repo.ts';
import { findJournalEntry, insertJournalEntry } from '#src/modules/pathways/repo/journal.repo.ts';
import { writablePathway } from '#src/modules/pathways/service/pathways.ts';

const t = messages.pathways.journal;

export type JournalInput = {
  kind: JournalKind;
  occurredAt: string;
  body: string;
  private: boolean;
  secondVisitorUserId?: string | null | undefined;
  correctsEntryId?: string | null | undefined;
};

/**
 * Appends an entry (docs/decisions/013: the journal is append-only). A correction names the entry it
 * corrects, keeps its kind and privacy, and may only come from that entry's author.
 */
export async function addJournalEntry(db: Db, actor: Actor, pathwayId: string, input: JournalInput, requestId: string) {
  return db.transaction(async (tx) => {
    const pathway = await writablePathway(tx, actor, pathwayId);
    const issues: FieldIssue[] = [];
    let kind = input.kind;
    let isPrivate = input.private;
    if (input.correctsEntryId) {
      const original = await findJournalEntry(tx, actor.workspaceId, pathwayId, input.correctsEntryId, actor.userId);
      if (!original || original.authorUserId !== actor.userId)
        issues.push({ path: 'correctsEntryId', message: t.correctOwnOnly });
      else {
        kind = original.kind as JournalKind;
        isPrivate = original.private;
      }
    }
    if (isPrivate && !kindsThatMayBePrivate.includes(kind))
      issues.push({ path: 'private', message: t.onlyNotesPrivate });
    if (Date.parse(input.occurredAt) > Date.now() + 60_000)
      issues.push({ path: 'occurredAt', message: t.occurredInFuture });
    const second = input.secondVisitorUserId ?? null;
    if (second) {
      if (kind !== 'home_visit') issues.push({ path: 'secondVisitorUserId', message: t.secondVisitorOnlyForVisits });
      else if (second === actor.userId) issues.push({ path: 'secondVisitorUserId', message: t.secondVisitorIsAuthor });
      else if (!(await isOnPathwayTeam(tx, actor.workspaceId, pathwayId, second)))
        issues.push({ path: 'secondVisitorUserId', message: t.secondVisitorNotOnTeam });
    }
    if (issues.length > 0) throw new AppError('validation_failed', { issues });
    const id = newId();
    await insertJournalEntry(tx, {
      id,
      workspaceId: actor.workspaceId,
      pathwayId,
      kind,
      occurredAt: new Date(input.occurredAt),
      authorUserId: actor.userId,
      secondVisitorUserId: second,
      body: input.body,
      private: isPrivate,
      correctsEntryId: input.correctsEntryId ?? null,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: input.correctsEntryId ? 'pathway_journal.correct' : 'pathway_journal.create',
      entityType: 'pathway_journal_entry',
      entityId: id,
      personId: pathway.personId,
      changedFields: ['kind', 'occurredAt', 'body', 'private', ...(second ? ['secondVisitorUserId'] : [])],
      requestId,
    });
    return id;
  });
}
