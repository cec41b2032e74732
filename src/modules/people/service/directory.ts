import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { findCommune, listMemberRows, listOrganizations } from '#src/modules/platform/index.ts';

/** Names of the workspace's users and organisations, for showing who is who on a file. */
export type Directory = {
  userName: (id: string) => string;
  organization: (id: string) => { id: string; name: string; kind: string } | null;
  members: { userId: string; name: string; organizationId: string }[];
};

export async function loadDirectory(db: Db, workspaceId: string): Promise<Directory> {
  const [members, organizations] = await Promise.all([
    listMemberRows(db, workspaceId),
    listOrganizations(db, workspaceId),
  ]);
  const users = new Map(members.map((m) => [m.userId, m.name]));
  const orgs = new Map(organizations.map((o) => [o.id, { id: o.id, name: o.name, kind: o.kind }]));
  return {
    // Someone who left the workspace is no longer named to its users.
    userName: (id) => users.get(id) ?? messages.people.formerMember,
    organization: (id) => orgs.get(id) ?? null,
    members: members.map((m) => ({ userId: m.userId, name: m.name, organizationId: m.organizationId })),
  };
}

/**
 * Where an address lies: the current commune, and the historic commune associée or déléguée
 * when the code chosen is one (Lomme, 59355, within Lille, 59350). Null for an unknown code.
 */
export async function resolveAddressCommune(
  code: string,
): Promise<{ communeInsee: string; historicCommuneInsee: string | null } | null> {
  const commune = await findCommune(code);
  if (!commune) return null;
  if ((commune.type === 'commune-associee' || commune.type === 'commune-deleguee') && commune.chefLieu)
    return { communeInsee: commune.chefLieu, historicCommuneInsee: commune.code };
  return { communeInsee: commune.code, historicCommuneInsee: null };
}
