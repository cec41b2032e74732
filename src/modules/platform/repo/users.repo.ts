import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { accounts, memberships, organizations, users, workspaces } from '#src/modules/platform/db/schema.ts';

/** better-auth's provider id for e-mail + password accounts. */
const CREDENTIAL_PROVIDER = 'credential';

export async function insertUserWithPassword(
  db: Db,
  input: { email: string; name: string; passwordHash: string; twoFactorEnabled?: boolean },
): Promise<string> {
  const id = newId();
  await db.insert(users).values({
    id,
    email: input.email.trim().toLowerCase(),
    name: input.name,
    emailVerified: true,
    twoFactorEnabled: input.twoFactorEnabled ?? false,
  });
  await db.insert(accounts).values({
    id: newId(),
    accountId: id,
    providerId: CREDENTIAL_PROVIDER,
    userId: id,
    password: input.passwordHash,
  });
  return id;
}

export async function insertMembership(
  db: Db,
  input: { workspaceId: string; userId: string; organizationId: string; role: string },
): Promise<string> {
  const id = newId();
  await db.insert(memberships).values({ id, ...input });
  return id;
}

export async function insertWorkspace(db: Db, input: { slug: string; name: string }): Promise<string> {
  const id = newId();
  await db.insert(workspaces).values({ id, ...input });
  return id;
}

export async function insertOrganization(
  db: Db,
  input: { workspaceId: string; kind: string; name: string; siret?: string | null; communeInsee?: string | null },
): Promise<string> {
  const id = newId();
  await db.insert(organizations).values({ id, ...input });
  return id;
}
