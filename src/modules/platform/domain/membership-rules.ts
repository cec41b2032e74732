/** The role that administers a workspace; one member at least must keep it. */
export const ADMIN_ROLE = 'admin';

/**
 * Would changing (or removing, `newRole` null) this membership leave the workspace with no
 * administrator? `adminMembershipIds` are the workspace's current admin memberships.
 */
export function leavesNoAdmin(
  adminMembershipIds: readonly string[],
  membershipId: string,
  newRole: string | null,
): boolean {
  if (!adminMembershipIds.includes(membershipId)) return false;
  if (newRole === ADMIN_ROLE) return false;
  return adminMembershipIds.every((id) => id === membershipId);
}
