import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import type { PersonFile, PersonSectionUpdate } from '#src/modules/people/api/person.schema.ts';
import type { GirSource } from '#src/modules/people/domain/person-file.ts';
import { personScopeOf } from '#src/modules/people/domain/visibility.ts';
import { replacePersonList } from '#src/modules/people/repo/person-lists.repo.ts';
import {
  bumpVersion,
  findVisiblePersonRecord,
  updatePersonIfVersion,
  type PersonRecord,
  type PersonValues,
} from '#src/modules/people/repo/persons.repo.ts';
import { loadDirectory, resolveAddressCommune } from '#src/modules/people/service/directory.ts';
import { buildPersonFile } from '#src/modules/people/service/person-views.ts';

const v = messages.people.validation;

/** The columns a field section writes, checked against the workspace where they name a record. */
async function valuesOf(
  tx: Db,
  actor: Actor,
  update: Exclude<PersonSectionUpdate, { items: unknown }>,
): Promise<PersonValues> {
  const { section: _section, version: _version, ...values } = update;
  if (update.section === 'address') {
    if (!update.communeInsee) return { ...values, communeInsee: null, historicCommuneInsee: null };
    const place = await resolveAddressCommune(update.communeInsee);
    if (!place) throw fieldError('communeInsee', messages.validation.communeUnknown);
    return { ...values, ...place };
  }
  if (update.section === 'housing' && update.landlordOrganizationId) {
    if (update.tenure !== 'social_tenant') throw fieldError('landlordOrganizationId', v.landlordOnlyForSocialTenant);
    const directory = await loadDirectory(tx, actor.workspaceId);
    if (directory.organization(update.landlordOrganizationId)?.kind !== 'landlord')
      throw fieldError('landlordOrganizationId', v.landlordNotLandlord);
  }
  return values;
}

const staleConflict = (current: PersonFile) =>
  new AppError('conflict', { message: messages.people.conflict.stale, details: { current } });

/**
 * Writes one section of a file if nobody changed the file since the writer read it (the version
 * they send); otherwise 409 `conflict` with the current file in `details.current`, so the page
 * can show the newer values next to what the user typed.
 */
export async function updatePersonSection(
  db: Db,
  actor: Actor,
  id: string,
  update: PersonSectionUpdate,
  requestId: string,
): Promise<PersonFile> {
  return db.transaction(async (tx) => {
    const scope = personScopeOf(actor);
    const before = await findVisiblePersonRecord(tx, scope, id, { forUpdate: true });
    if (!before) throw notFound();
    // Health and income data are neither shown nor written without the permission to read them.
    if (update.section === 'situation' && !actor.permissions.has('person.read_sensitive')) throw notFound();
    if (before.version !== update.version) throw staleConflict(await buildPersonFile(tx, actor, before));

    let changedFields: string[];
    if ('items' in update) {
      const rows = update.items.map(({ id: itemId, ...item }) => ({ ...item, id: itemId ?? newId() }));
      await replacePersonList(tx, actor.workspaceId, id, update.section, rows as never);
      await bumpVersion(tx, actor.workspaceId, id);
      changedFields = [update.section];
    } else {
      const values = await valuesOf(tx, actor, update);
      changedFields = changedFieldsOf(before as Partial<PersonRecord>, values as Partial<PersonRecord>);
      if (!(await updatePersonIfVersion(tx, actor.workspaceId, id, update.version, values)))
        throw staleConflict(await buildPersonFile(tx, actor, before));
    }
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      personId: id,
      changedFields,
      requestId,
    });
    const after = await findVisiblePersonRecord(tx, scope, id);
    return buildPersonFile(tx, actor, after!);
  });
}

/**
 * Records on the file a GIR computed elsewhere (an AGGIR assessment), in the caller's transaction.
 * A file that already holds a more recent GIR keeps it. Returns whether the file changed.
 */
export async function recordGirForActor(
  tx: Db,
  actor: Actor,
  input: { personId: string; gir: number; assessedOn: string; source: GirSource; requestId: string },
): Promise<boolean> {
  if (!actor.permissions.has('person.read_sensitive')) throw notFound();
  const before = await findVisiblePersonRecord(tx, personScopeOf(actor), input.personId, { forUpdate: true });
  if (!before) throw notFound();
  if (before.girAssessedOn && before.girAssessedOn > input.assessedOn) return false;
  const values = { gir: input.gir, girAssessedOn: input.assessedOn, girSource: input.source };
  const changedFields = changedFieldsOf(before as Partial<PersonRecord>, values);
  if (!(await updatePersonIfVersion(tx, actor.workspaceId, input.personId, before.version, values))) throw notFound();
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: 'person.update',
    entityType: 'person',
    entityId: input.personId,
    personId: input.personId,
    changedFields,
    requestId: input.requestId,
  });
  return true;
}
