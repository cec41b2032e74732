import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { listOrganizations } from '#src/modules/platform/index.ts';

/** The workspace's social landlords (organisations of kind `landlord`), sorted by name. */
export async function listLandlords(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  const rows = await listOrganizations(db, actor.workspaceId);
  return rows.filter((o) => o.kind === 'landlord').map((o) => ({ id: o.id, name: o.name }));
}
