import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { invitations, organizations } from '#src/modules/platform/db/schema.ts';

export type InvitationRow = {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

const columns = {
  id: invitations.id,
  workspaceId: invitations.workspaceId,
  email: invitations.email,
  name: invitations.name,
  organizationId: invitations.organizationId,
  organizationName: organizations.name,
  role: invitations.role,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
  createdAt: invitations.createdAt,
};

const withOrganization = and(
  eq(organizations.workspaceId, invitations.workspaceId),
  eq(organizations.id, invitations.organizationId),
);

const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

export async function insertInvitation(
  db: Db,
  row: {
    workspaceId: string;
    email: string;
    name: string;
    organizationId: string;
    role: string;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<string> {
  const id = newId();
  await db.insert(invitations).values({ id, ...row });
  return id;
}

/** Neither accepted nor revoked (expired ones included, so they can be sent again), newest first. */
export async function listOpenInvitations(db: Db, workspaceId: string): Promise<InvitationRow[]> {
  return db
    .select(columns)
    .from(invitations)
    .innerJoin(organizations, withOrganization)
    .where(and(eq(invitations.workspaceId, workspaceId), open))
    .orderBy(sql`${invitations.createdAt} desc`);
}

export async function findInvitation(db: Db, workspaceId: string, id: string): Promise<InvitationRow | null> {
  const [row] = await db
    .select(columns)
    .from(invitations)
    .innerJoin(organizations, withOrganization)
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id)));
  return row ?? null;
}

export async function hasValidInvitationFor(
  db: Db,
  workspaceId: string,
  email: string,
  organizationId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.email, email),
        eq(invitations.organizationId, organizationId),
        open,
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The invitation a link points to, whatever its state (the caller decides what is still valid). */
export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await db
    .select(columns)
    .from(invitations)
    .innerJoin(organizations, withOrganization)
    .where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Marks a still-valid invitation accepted and returns it, in one statement: of two acceptances
 * racing on the same link, exactly one gets the row.
 */
export async function claimInvitation(db: Db, tokenHash: string): Promise<{ id: string; workspaceId: string } | null> {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invitations.tokenHash, tokenHash), open, gt(invitations.expiresAt, sql`now()`)))
    .returning({ id: invitations.id, workspaceId: invitations.workspaceId });
  return row ?? null;
}

export async function revokeInvitationRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), open));
}

export async function renewInvitationRow(
  db: Db,
  workspaceId: string,
  id: string,
  tokenHash: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .update(invitations)
    .set({ tokenHash, expiresAt })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), open));
}
