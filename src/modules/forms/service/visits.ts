import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { AppError, fieldError } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { appendJournalEntry, findVisitOfPathway } from '#src/modules/pathways/index.ts';
import type { ResponseCreateInput } from '#src/modules/forms/api/form.schema.ts';
import { findVersion, setResponseVisit } from '#src/modules/forms/repo/forms.repo.ts';

/**
 * A response and the pathway journal: the home visit it was filled during (an existing visit entry,
 * or a new one written with the response), and the entry saying it was submitted. Both are written
 * in the response's transaction, so a response never exists without its journal trace.
 */

const t = messages.forms.visits;

const parisDate = (instant: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'Europe/Paris' }).format(instant);

/** Checks the visit chosen for a new response before anything is written: 400 on the field at fault. */
export async function checkVisitChoice(db: Db, actor: Actor, input: ResponseCreateInput) {
  if (!input.visitJournalEntryId && !input.newVisit) return;
  const field = input.visitJournalEntryId ? 'visitJournalEntryId' : 'newVisit';
  if (!input.pathwayId) throw fieldError(field, t.pathwayRequired);
  if (input.visitJournalEntryId && input.newVisit) throw fieldError('newVisit', t.oneOrTheOther);
  if (input.visitJournalEntryId && !(await findVisitOfPathway(db, actor, input.pathwayId, input.visitJournalEntryId))) {
    throw fieldError('visitJournalEntryId', t.notOfPathway);
  }
}

/**
 * Links a just-inserted response to its visit, writing the new visit's journal entry first when one
 * was asked for; the journal's own checks (date, second visitor on the case team) answer under `newVisit.`.
 */
export async function linkVisit(
  tx: Db,
  actor: Actor,
  responseId: string,
  input: ResponseCreateInput,
  requestId: string,
): Promise<string | null> {
  if (!input.pathwayId || (!input.visitJournalEntryId && !input.newVisit)) return null;
  let visitId = input.visitJournalEntryId ?? null;
  if (input.newVisit) {
    const version = await findVersion(tx, actor.workspaceId, input.templateVersionId);
    try {
      const added = await appendJournalEntry(
        tx,
        actor,
        input.pathwayId,
        {
          kind: 'home_visit',
          occurredAt: input.newVisit.occurredAt,
          body: t.visitBody(version!.templateTitle),
          private: false,
          secondVisitorUserId: input.newVisit.secondVisitorUserId ?? null,
        },
        requestId,
      );
      visitId = added.id;
    } catch (error) {
      if (!(error instanceof AppError) || !error.issues) throw error;
      throw new AppError('validation_failed', {
        issues: error.issues.map((i) => ({ path: `newVisit.${i.path}`, message: i.message })),
      });
    }
  }
  await setResponseVisit(tx, actor.workspaceId, responseId, visitId);
  return visitId;
}

/** Appends to the pathway's journal that the response was submitted, with a link to it. */
export async function journalSubmission(
  tx: Db,
  actor: Actor,
  response: { id: string; pathwayId: string; templateVersionId: string; visitJournalEntryId: string | null },
  requestId: string,
): Promise<void> {
  const version = await findVersion(tx, actor.workspaceId, response.templateVersionId);
  const title = version!.templateTitle;
  const visit = response.visitJournalEntryId
    ? await findVisitOfPathway(tx, actor, response.pathwayId, response.visitJournalEntryId)
    : null;
  await appendJournalEntry(
    tx,
    actor,
    response.pathwayId,
    {
      kind: 'form',
      occurredAt: new Date().toISOString(),
      body: visit ? t.formBodyDuringVisit(title, parisDate(visit.occurredAt)) : t.formBody(title),
      private: false,
      linked: { type: 'form_response', id: response.id },
    },
    requestId,
  );
}
