import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { hasMembership } from '#src/modules/platform/index.ts';
import { caseTeamAddSchema, type CaseTeam } from '#src/modules/people/api/person.schema.ts';
import { CASE_TEAM_SHARING } from '#src/modules/people/domain/person-file.ts';
import { personScopeOf } from '#src/modules/people/domain/visibility.ts';
import {
  addCaseTeamMember,
  findActiveMember,
  isActiveMember,
  listCaseTeam,
  removeMember,
} from '#src/modules/people/repo/case-team.repo.ts';
import { listConsents } from '#src/modules/people/repo/consents.repo.ts';
import { findVisiblePersonRecord } from '#src/modules/people/repo/persons.repo.ts';
import { loadDirectory } from '#src/modules/people/service/directory.ts';
import { parseOrFail } from '#src/modules/people/service/parse.ts';

const v = messages.people.validation;

/** Whether the user is an active member of the file's case team (the access rule pathways share). */
export const isOnCaseTeam = (db: Db, workspaceId: string, personId: string, userId: string) =>
  isActiveMember(db, workspaceId, personId, userId);

export async function getCaseTeam(db: Db, actor: Actor, personId: string): Promise<CaseTeam> {
  const person = await findVisiblePersonRecord(db, personScopeOf(actor), personId);
  if (!person) throw notFound();
  const [rows, directory] = await Promise.all([
    listCaseTeam(db, actor.workspaceId, personId),
    loadDirectory(db, actor.workspaceId),
  ]);
  const onTeam = new Set(rows.map((r) => r.userId));
  const orgRef = (id: string) => ({ id, name: directory.organization(id)?.name ?? '' });
  return {
    items: rows.map((r) => ({
      id: r.id,
      user: { id: r.userId, name: directory.userName(r.userId) },
      organization: orgRef(r.organizationId),
      roleLabel: r.roleLabel,
      consentId: r.consentId,
      since: r.createdAt.toISOString(),
    })),
    owningOrganizationId: person.owningOrganizationId,
    candidates: directory.members
      .filter((m) => !onTeam.has(m.userId))
      .map((m) => ({ userId: m.userId, name: m.name, organization: orgRef(m.organizationId) })),
    canWrite: actor.permissions.has('person.write'),
  };
}

/**
 * Adds a user, for one of their organisations, to a file's case team, inside the caller's
 * transaction. A member from another organisation than the owning one needs the person's active
 * consent to sharing with the case team: the one named, or else the latest given; the row keeps
 * which one, so withdrawing it ends their access. Users and organisations of another workspace
 * are refused with a field error.
 */
export async function addCaseTeamMemberForActor(
  tx: Db,
  actor: Actor,
  input: {
    personId: string;
    userId: string;
    organizationId: string;
    roleLabel?: string | null;
    consentId?: string | null;
    requestId?: string | null;
  },
): Promise<{ id: string }> {
  if (!actor.permissions.has('person.write')) throw notFound();
  const { userId, organizationId, roleLabel, consentId } = parseOrFail(caseTeamAddSchema, input);
  const person = await findVisiblePersonRecord(tx, personScopeOf(actor), input.personId, { forUpdate: true });
  if (!person) throw notFound();
  const directory = await loadDirectory(tx, actor.workspaceId);
  if (!directory.organization(organizationId)) throw fieldError('organizationId', v.organizationUnknown);
  if (!(await hasMembership(tx, actor.workspaceId, userId, organizationId)))
    throw fieldError('userId', v.userNotInOrganization);
  if (await isActiveMember(tx, actor.workspaceId, person.id, userId)) throw fieldError('userId', v.alreadyOnTeam);

  let sharingConsentId: string | null = null;
  if (organizationId !== person.owningOrganizationId) {
    const active = (await listConsents(tx, actor.workspaceId, person.id)).filter(
      (c) => c.purpose === CASE_TEAM_SHARING && c.withdrawnOn === null,
    );
    const chosen = consentId ? active.find((c) => c.id === consentId) : active.at(-1);
    if (!chosen) throw fieldError('consentId', consentId ? v.consentNotSharing : v.consentRequired);
    sharingConsentId = chosen.id;
  }
  const id = newId();
  await addCaseTeamMember(tx, {
    id,
    workspaceId: actor.workspaceId,
    personId: person.id,
    userId,
    organizationId,
    roleLabel,
    consentId: sharingConsentId,
    addedBy: actor.userId,
  });
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: 'case_team.add',
    entityType: 'case_team_member',
    entityId: id,
    personId: person.id,
    changedFields: [
      'userId',
      'organizationId',
      ...(roleLabel ? ['roleLabel'] : []),
      ...(sharingConsentId ? ['consentId'] : []),
    ],
    requestId: input.requestId ?? null,
  });
  return { id };
}

export async function removeCaseTeamMember(
  db: Db,
  actor: Actor,
  input: { personId: string; memberId: string; requestId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await findVisiblePersonRecord(tx, personScopeOf(actor), input.personId, { forUpdate: true });
    if (!person) throw notFound();
    const member = await findActiveMember(tx, actor.workspaceId, person.id, input.memberId);
    if (!member) throw notFound();
    await removeMember(tx, actor.workspaceId, member.id, {
      removedBy: actor.userId,
      reason: messages.people.memberRemovedReason,
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'case_team.remove',
      entityType: 'case_team_member',
      entityId: member.id,
      personId: person.id,
      changedFields: ['removedAt'],
      requestId: input.requestId,
    });
  });
}
