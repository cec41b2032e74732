import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import type { ConsentInput } from '#src/modules/people/api/person.schema.ts';
import { CASE_TEAM_SHARING } from '#src/modules/people/domain/person-file.ts';
import { personScopeOf } from '#src/modules/people/domain/visibility.ts';
import { removeMembersRelyingOnConsent } from '#src/modules/people/repo/case-team.repo.ts';
import { findConsent, insertConsent, markWithdrawn } from '#src/modules/people/repo/consents.repo.ts';
import { findVisiblePersonRecord } from '#src/modules/people/repo/persons.repo.ts';

const todayIso = () => new Date().toISOString().slice(0, 10);

export async function recordConsent(
  db: Db,
  actor: Actor,
  input: { personId: string; consent: ConsentInput; requestId: string },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const person = await findVisiblePersonRecord(tx, personScopeOf(actor), input.personId);
    if (!person) throw notFound();
    const id = newId();
    await insertConsent(tx, {
      id,
      workspaceId: actor.workspaceId,
      personId: person.id,
      ...input.consent,
      recordedBy: actor.userId,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'consent.record',
      entityType: 'consent',
      entityId: id,
      personId: person.id,
      changedFields: ['purpose', 'givenOn', ...(input.consent.scope ? ['scope'] : [])],
      requestId: input.requestId,
    });
    return { id };
  });
}

/**
 * Withdraws a consent. For the sharing consent, every active member from another organisation
 * than the owning one whose access rested on it leaves the case team in the same transaction:
 * their next request for the file is refused.
 */
export async function withdrawConsent(
  db: Db,
  actor: Actor,
  input: { personId: string; consentId: string; reason: string; requestId: string },
): Promise<{ removedMembers: number }> {
  return db.transaction(async (tx) => {
    const person = await findVisiblePersonRecord(tx, personScopeOf(actor), input.personId, { forUpdate: true });
    if (!person) throw notFound();
    const consent = await findConsent(tx, actor.workspaceId, person.id, input.consentId, { forUpdate: true });
    if (!consent) throw notFound();
    if (consent.withdrawnOn)
      throw new AppError('conflict', { message: messages.people.conflict.consentAlreadyWithdrawn });
    await markWithdrawn(tx, actor.workspaceId, consent.id, {
      withdrawnOn: todayIso(),
      withdrawalReason: input.reason,
      withdrawnBy: actor.userId,
    });
    const audit = { workspaceId: actor.workspaceId, actorUserId: actor.userId, personId: person.id };
    await writeAudit(tx, {
      ...audit,
      action: 'consent.withdraw',
      entityType: 'consent',
      entityId: consent.id,
      changedFields: ['withdrawnOn', 'withdrawalReason'],
      requestId: input.requestId,
    });
    const removed =
      consent.purpose === CASE_TEAM_SHARING
        ? await removeMembersRelyingOnConsent(tx, actor.workspaceId, consent.id, {
            removedBy: actor.userId,
            reason: messages.people.consentWithdrawnReason,
          })
        : [];
    for (const member of removed) {
      await writeAudit(tx, {
        ...audit,
        action: 'case_team.remove',
        entityType: 'case_team_member',
        entityId: member.id,
        changedFields: ['removedAt'],
        requestId: input.requestId,
      });
    }
    return { removedMembers: removed.length };
  });
}
