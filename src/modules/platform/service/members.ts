import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import type { Member, MembershipView } from '#src/modules/platform/api/member.schema.ts';
import { ADMIN_ROLE, leavesNoAdmin } from '#src/modules/platform/domain/membership-rules.ts';
import type { Role } from '#src/modules/platform/domain/roles.ts';
import {
  deleteMembership,
  findMembership,
  hasMembership,
  isMemberOfWorkspace,
  listMemberRows,
  lockAdminMembershipIds,
  setMembershipRole,
} from '#src/modules/platform/repo/members.repo.ts';
import { findOrganization } from '#src/modules/platform/repo/organizations.repo.ts';
import { insertMembership } from '#src/modules/platform/repo/users.repo.ts';

/** The accounts of the workspace, each with its memberships in the workspace's organisations. */
export async function listMembers(db: Db, actor: Actor): Promise<Member[]> {
  const members = new Map<string, Member>();
  for (const row of await listMemberRows(db, actor.workspaceId)) {
    let member = members.get(row.userId);
    if (!member) {
      member = {
        userId: row.userId,
        name: row.name,
        email: row.email,
        twoFactorEnabled: row.twoFactorEnabled,
        memberships: [],
      };
      members.set(row.userId, member);
    }
    member.memberships.push({
      id: row.membershipId,
      userId: row.userId,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      role: row.role,
    });
  }
  return [...members.values()];
}

const lastAdmin = (path: string | null) =>
  new AppError('conflict', {
    message: messages.members.lastAdmin,
    ...(path ? { issues: [{ path, message: messages.members.lastAdmin }] } : {}),
  });

export async function addMembership(
  db: Db,
  actor: Actor,
  input: { userId: string; organizationId: string; role: Role },
  requestId: string,
): Promise<MembershipView> {
  return db.transaction(async (tx) => {
    // Only accounts already in this workspace: others are invited, never attached by id.
    if (!(await isMemberOfWorkspace(tx, actor.workspaceId, input.userId)))
      throw fieldError('userId', messages.members.userRequired);
    const organization = await findOrganization(tx, actor.workspaceId, input.organizationId);
    if (!organization) throw fieldError('organizationId', messages.members.organizationUnknown);
    if (await hasMembership(tx, actor.workspaceId, input.userId, input.organizationId)) {
      throw new AppError('conflict', {
        message: messages.members.alreadyMember,
        issues: [{ path: 'organizationId', message: messages.members.alreadyMember }],
      });
    }
    const id = await insertMembership(tx, { workspaceId: actor.workspaceId, ...input });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'membership.create',
      entityType: 'membership',
      entityId: id,
      changedFields: ['organizationId', 'role', 'userId'],
      requestId,
    });
    return { id, ...input, organizationName: organization.name };
  });
}

export async function changeMembershipRole(
  db: Db,
  actor: Actor,
  id: string,
  role: Role,
  requestId: string,
): Promise<MembershipView> {
  return db.transaction(async (tx) => {
    const adminIds = await lockAdminMembershipIds(tx, actor.workspaceId, ADMIN_ROLE);
    const membership = await findMembership(tx, actor.workspaceId, id);
    if (!membership) throw notFound();
    if (membership.role === role) return membership;
    if (leavesNoAdmin(adminIds, id, role)) throw lastAdmin('role');
    await setMembershipRole(tx, actor.workspaceId, id, role);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'membership.update',
      entityType: 'membership',
      entityId: id,
      changedFields: ['role'],
      requestId,
    });
    return { ...membership, role };
  });
}

export async function removeMembership(db: Db, actor: Actor, id: string, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const adminIds = await lockAdminMembershipIds(tx, actor.workspaceId, ADMIN_ROLE);
    const membership = await findMembership(tx, actor.workspaceId, id);
    if (!membership) throw notFound();
    if (leavesNoAdmin(adminIds, id, null)) throw lastAdmin(null);
    await deleteMembership(tx, actor.workspaceId, id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'membership.delete',
      entityType: 'membership',
      entityId: id,
      changedFields: ['organizationId', 'role', 'userId'],
      requestId,
    });
  });
}
