import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { caseTeamMembers, persons } from '#src/modules/people/db/schema.ts';

export type CaseTeamRow = {
  id: string;
  userId: string;
  organizationId: string;
  roleLabel: string | null;
  consentId: string | null;
  createdAt: Date;
};

export async function addCaseTeamMember(db: Db, row: typeof caseTeamMembers.$inferInsert): Promise<void> {
  await db.insert(caseTeamMembers).values(row);
}

/** The active members of a file's case team, oldest first. */
export async function listCaseTeam(db: Db, workspaceId: string, personId: string): Promise<CaseTeamRow[]> {
  return db
    .select({
      id: caseTeamMembers.id,
      userId: caseTeamMembers.userId,
      organizationId: caseTeamMembers.organizationId,
      roleLabel: caseTeamMembers.roleLabel,
      consentId: caseTeamMembers.consentId,
      createdAt: caseTeamMembers.createdAt,
    })
    .from(caseTeamMembers)
    .where(
      and(
        eq(caseTeamMembers.workspaceId, workspaceId),
        eq(caseTeamMembers.personId, personId),
        isNull(caseTeamMembers.removedAt),
      ),
    )
    .orderBy(asc(caseTeamMembers.id));
}

export async function isActiveMember(db: Db, workspaceId: string, personId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: caseTeamMembers.id })
    .from(caseTeamMembers)
    .where(
      and(
        eq(caseTeamMembers.workspaceId, workspaceId),
        eq(caseTeamMembers.personId, personId),
        eq(caseTeamMembers.userId, userId),
        isNull(caseTeamMembers.removedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findActiveMember(
  db: Db,
  workspaceId: string,
  personId: string,
  memberId: string,
): Promise<{ id: string; userId: string; organizationId: string } | null> {
  const [row] = await db
    .select({ id: caseTeamMembers.id, userId: caseTeamMembers.userId, organizationId: caseTeamMembers.organizationId })
    .from(caseTeamMembers)
    .where(
      and(
        eq(caseTeamMembers.workspaceId, workspaceId),
        eq(caseTeamMembers.personId, personId),
        eq(caseTeamMembers.id, memberId),
        isNull(caseTeamMembers.removedAt),
      ),
    );
  return row ?? null;
}

type Removal = { removedBy: string; reason: string };

export async function removeMember(db: Db, workspaceId: string, memberId: string, removal: Removal): Promise<void> {
  await db
    .update(caseTeamMembers)
    .set({ removedAt: new Date(), removedBy: removal.removedBy, removalReason: removal.reason })
    .where(and(eq(caseTeamMembers.workspaceId, workspaceId), eq(caseTeamMembers.id, memberId)));
}

/**
 * Ends the membership of everyone from an organisation other than the owning one whose access
 * rested on this consent; returns who lost access.
 */
export async function removeMembersRelyingOnConsent(
  db: Db,
  workspaceId: string,
  consentId: string,
  removal: Removal,
): Promise<{ id: string; userId: string }[]> {
  return db
    .update(caseTeamMembers)
    .set({ removedAt: new Date(), removedBy: removal.removedBy, removalReason: removal.reason })
    .where(
      and(
        eq(caseTeamMembers.workspaceId, workspaceId),
        eq(caseTeamMembers.consentId, consentId),
        isNull(caseTeamMembers.removedAt),
        ne(
          caseTeamMembers.organizationId,
          sql`(select ${persons.owningOrganizationId} from ${persons} where ${persons.workspaceId} = ${caseTeamMembers.workspaceId} and ${persons.id} = ${caseTeamMembers.personId})`,
        ),
      ),
    )
    .returning({ id: caseTeamMembers.id, userId: caseTeamMembers.userId });
}

/**
 * Before a merge: the duplicate's members already on the kept file's team leave the duplicate's
 * team, so re-pointing the rest keeps one active membership per user.
 */
export async function removeMembersAlreadyOn(
  db: Db,
  workspaceId: string,
  input: { duplicateId: string; keptId: string },
  removal: Removal,
): Promise<void> {
  await db
    .update(caseTeamMembers)
    .set({ removedAt: new Date(), removedBy: removal.removedBy, removalReason: removal.reason })
    .where(
      and(
        eq(caseTeamMembers.workspaceId, workspaceId),
        eq(caseTeamMembers.personId, input.duplicateId),
        isNull(caseTeamMembers.removedAt),
        sql`exists (select 1 from ${caseTeamMembers} k where k.workspace_id = ${workspaceId} and k.person_id = ${input.keptId} and k.user_id = ${caseTeamMembers.userId} and k.removed_at is null)`,
      ),
    );
}
