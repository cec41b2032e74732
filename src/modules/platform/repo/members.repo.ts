import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { memberships, organizations, users } from '#src/modules/platform/db/schema.ts';

export type MemberRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  twoFactorEnabled: boolean;
  organizationId: string;
  organizationName: string;
  role: string;
};

const sameOrganization = and(
  eq(organizations.workspaceId, memberships.workspaceId),
  eq(organizations.id, memberships.organizationId),
);

/** Every membership of the workspace with its account and organisation, by person then organisation. */
export async function listMemberRows(db: Db, workspaceId: string): Promise<MemberRow[]> {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      twoFactorEnabled: users.twoFactorEnabled,
      organizationId: organizations.id,
      organizationName: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, sameOrganization)
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(sql`${users.name} collate fr_icu`, asc(users.id), sql`${organizations.name} collate fr_icu`);
}

export type MembershipRow = {
  id: string;
  userId: string;
  organizationId: string;
  organizationName: string;
  role: string;
};

const membershipColumns = {
  id: memberships.id,
  userId: memberships.userId,
  organizationId: memberships.organizationId,
  organizationName: organizations.name,
  role: memberships.role,
};

export async function findMembership(db: Db, workspaceId: string, id: string): Promise<MembershipRow | null> {
  const [row] = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(organizations, sameOrganization)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.id, id)));
  return row ?? null;
}

/**
 * The workspace's admin memberships, locked until the transaction ends: two administrators
 * demoting each other at once cannot both pass the "one admin remains" check.
 */
export async function lockAdminMembershipIds(db: Db, workspaceId: string, adminRole: string): Promise<string[]> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, adminRole)))
    .for('update');
  return rows.map((r) => r.id);
}

export async function setMembershipRole(db: Db, workspaceId: string, id: string, role: string): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.id, id)));
}

export async function deleteMembership(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.id, id)));
}

export async function isMemberOfWorkspace(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  return row !== undefined;
}

export async function hasMembership(
  db: Db,
  workspaceId: string,
  userId: string,
  organizationId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.userId, userId),
        eq(memberships.organizationId, organizationId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}
