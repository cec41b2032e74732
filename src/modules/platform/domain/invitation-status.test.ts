import { describe, expect, it } from 'vitest';
import { invitationExpiry, invitationStatus } from '#src/modules/platform/domain/invitation-status.ts';

const now = new Date('2026-03-10T12:00:00Z');
const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date('2026-03-11T00:00:00Z') };

describe('invitation status', () => {
  it('is pending until it expires', () => {
    expect(invitationStatus(base, now)).toBe('pending');
    expect(invitationStatus({ ...base, expiresAt: now }, now)).toBe('expired');
  });
  it('accepted and revoked win over expiry', () => {
    expect(invitationStatus({ ...base, expiresAt: new Date(0), acceptedAt: now }, now)).toBe('accepted');
    expect(invitationStatus({ ...base, revokedAt: now }, now)).toBe('revoked');
  });
  it('lasts seven days', () => {
    expect(invitationExpiry(now).toISOString()).toBe('2026-03-17T12:00:00.000Z');
  });
});
