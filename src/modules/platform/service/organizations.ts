import { changedFieldsOf, writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { AppError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import type { Organization } from '#src/modules/platform/api/organization.schema.ts';
import {
  createOrganizationRow,
  findOrganizationForUpdate,
  isUniqueViolation,
  listOrganizations,
  SIRET_UNIQUE_CONSTRAINT,
  siretTakenInWorkspace,
  updateOrganizationRow,
  type OrganizationRow,
  type OrganizationValues,
} from '#src/modules/platform/repo/organizations.repo.ts';
import { communeNames } from '#src/modules/platform/service/communes.ts';

const siretConflict = () =>
  new AppError('conflict', {
    message: messages.errors.conflict,
    issues: [{ path: 'siret', message: messages.organizations.siretTaken }],
  });

async function toViews(rows: OrganizationRow[]): Promise<Organization[]> {
  const names = await communeNames(rows.flatMap((r) => (r.communeInsee ? [r.communeInsee] : [])));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    siret: r.siret,
    communeInsee: r.communeInsee,
    communeName: r.communeInsee ? (names.get(r.communeInsee) ?? null) : null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function listOrganizationViews(db: Db, actor: Actor): Promise<Organization[]> {
  return toViews(await listOrganizations(db, actor.workspaceId));
}

/** A concurrent insert of the same SIRET passes the check but trips the unique index: same answer. */
async function withSiretConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, SIRET_UNIQUE_CONSTRAINT)) throw siretConflict();
    throw error;
  }
}

export async function createOrganization(
  db: Db,
  actor: Actor,
  input: OrganizationValues,
  requestId: string,
): Promise<Organization> {
  const row = await withSiretConflict(() =>
    db.transaction(async (tx) => {
      if (input.siret && (await siretTakenInWorkspace(tx, actor.workspaceId, input.siret))) throw siretConflict();
      const created = await createOrganizationRow(tx, actor.workspaceId, input);
      await writeAudit(tx, {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'organization.create',
        entityType: 'organization',
        entityId: created.id,
        // Fields left empty are not "changed": the audit lists what the creation actually set.
        changedFields: changedFieldsOf(null, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null))),
        requestId,
      });
      return created;
    }),
  );
  const [view] = await toViews([row]);
  return view!;
}

export async function updateOrganization(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<OrganizationValues>,
  requestId: string,
): Promise<Organization> {
  const row = await withSiretConflict(() =>
    db.transaction(async (tx) => {
      // Scoped by workspace: an id from another territory is missing here, hence 404.
      const before = await findOrganizationForUpdate(tx, actor.workspaceId, id);
      if (!before) throw notFound();
      const changedFields = changedFieldsOf(before, patch);
      if (changedFields.length === 0) return before;
      if (
        patch.siret &&
        changedFields.includes('siret') &&
        (await siretTakenInWorkspace(tx, actor.workspaceId, patch.siret, id))
      ) {
        throw siretConflict();
      }
      const changes = Object.fromEntries(changedFields.map((k) => [k, patch[k as keyof OrganizationValues]]));
      const updated = await updateOrganizationRow(tx, actor.workspaceId, id, changes);
      await writeAudit(tx, {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'organization.update',
        entityType: 'organization',
        entityId: id,
        changedFields,
        requestId,
      });
      return updated;
    }),
  );
  const [view] = await toViews([row]);
  return view!;
}
