import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  personCreateSchema,
  type DuplicateCandidate,
  type PersonCreateInput,
} from '#src/modules/people/api/person.schema.ts';
import { DUPLICATE_SIMILARITY, duplicateNeedle } from '#src/modules/people/domain/duplicates.ts';
import { personScopeOf } from '#src/modules/people/domain/visibility.ts';
import { addCaseTeamMember } from '#src/modules/people/repo/case-team.repo.ts';
import { findDuplicateCandidates, insertPerson } from '#src/modules/people/repo/persons.repo.ts';
import { loadDirectory, resolveAddressCommune } from '#src/modules/people/service/directory.ts';
import { parseOrFail } from '#src/modules/people/service/parse.ts';
import { toSummary } from '#src/modules/people/service/person-views.ts';

/** The organisation that will own the file: the one named, which must be one of the creator's, or their only one. */
function owningOrganizationOf(actor: Actor, requested: string | null): string {
  const own = [...new Set(actor.memberships.map((m) => m.organizationId))];
  if (requested) {
    if (!own.includes(requested))
      throw fieldError('owningOrganizationId', messages.people.validation.owningOrganizationNotYours);
    return requested;
  }
  if (own.length !== 1) throw fieldError('owningOrganizationId', messages.people.validation.owningOrganizationRequired);
  return own[0]!;
}

/**
 * Possible duplicates of a new file: a name equal but for accents, case, small typos or the order of
 * first and last names, with the same birth date unless one side has none. A file the actor may not
 * open is named only by the organisation that holds it.
 */
export async function findDuplicatesForActor(
  db: Db,
  actor: Actor,
  input: { firstName: string; lastName: string; birthDate: string | null },
): Promise<DuplicateCandidate[]> {
  const rows = await findDuplicateCandidates(db, personScopeOf(actor), {
    needle: duplicateNeedle(input.firstName, input.lastName),
    birthDate: input.birthDate,
    threshold: DUPLICATE_SIMILARITY,
  });
  if (rows.length === 0) return [];
  const directory = await loadDirectory(db, actor.workspaceId);
  const today = new Date();
  return Promise.all(
    rows.map(async (r) => ({
      person: r.visible ? await toSummary(r, today) : null,
      organizationName: directory.organization(r.owningOrganizationId)?.name ?? '',
    })),
  );
}

/**
 * Creates a person's file for the actor, inside the caller's transaction: the creator's
 * organisation owns it and the creator joins its case team. Throws 409 `conflict` with
 * `details.candidates` when the file may already exist, unless `allowDuplicate` (the user
 * checked the candidates and says it is another person).
 */
export async function createPersonForActor(
  tx: Db,
  actor: Actor,
  rawInput: PersonCreateInput,
  options: { allowDuplicate?: boolean; requestId?: string | null } = {},
): Promise<{ id: string }> {
  if (!actor.permissions.has('person.write')) throw notFound();
  const input = parseOrFail(personCreateSchema, rawInput);
  const allowDuplicate = options.allowDuplicate ?? input.allowDuplicate;
  const owningOrganizationId = owningOrganizationOf(actor, input.owningOrganizationId);
  const place = input.communeInsee ? await resolveAddressCommune(input.communeInsee) : null;
  if (input.communeInsee && !place) throw fieldError('communeInsee', messages.validation.communeUnknown);

  const candidates = await findDuplicatesForActor(tx, actor, input);
  if (candidates.length > 0 && !allowDuplicate) {
    throw new AppError('conflict', { message: messages.people.conflict.duplicate, details: { candidates } });
  }

  const id = newId();
  const { allowDuplicate: _allow, owningOrganizationId: _owner, ...fields } = input;
  await insertPerson(tx, {
    ...fields,
    ...(place ?? {}),
    id,
    workspaceId: actor.workspaceId,
    owningOrganizationId,
    createdBy: actor.userId,
  });
  const memberId = newId();
  await addCaseTeamMember(tx, {
    id: memberId,
    workspaceId: actor.workspaceId,
    personId: id,
    userId: actor.userId,
    organizationId: owningOrganizationId,
    addedBy: actor.userId,
  });
  const audit = {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    personId: id,
    requestId: options.requestId,
  };
  await writeAudit(tx, {
    ...audit,
    action: 'person.create',
    entityType: 'person',
    entityId: id,
    changedFields: Object.entries({ ...fields, ...place })
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key]) => key),
  });
  if (candidates.length > 0) {
    // Who decided that a possible duplicate was another person, and when, stays traceable.
    await writeAudit(tx, { ...audit, action: 'person.duplicate_dismissed', entityType: 'person', entityId: id });
  }
  await writeAudit(tx, {
    ...audit,
    action: 'case_team.add',
    entityType: 'case_team_member',
    entityId: memberId,
    changedFields: ['userId', 'organizationId'],
  });
  return { id };
}
