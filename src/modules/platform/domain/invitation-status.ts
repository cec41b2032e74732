export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

/** Invitation links are valid this long after they are sent (the e-mail says so). */
export const INVITATION_VALIDITY_DAYS = 7;

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export const invitationExpiry = (from: Date): Date =>
  new Date(from.getTime() + INVITATION_VALIDITY_DAYS * 24 * 3600 * 1000);
