import { createHash, randomBytes } from 'node:crypto';
import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import { hashPassword } from '#src/shared/auth/password.ts';
import type { Db } from '#src/shared/db/client.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import type { AppDeps } from '#src/shared/http/env.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  newAccountSchema,
  type Invitation,
  type InvitationAccepted,
  type InvitationCreated,
  type InvitationPublic,
} from '#src/modules/platform/api/invitation.schema.ts';
import { invitationExpiry, invitationStatus } from '#src/modules/platform/domain/invitation-status.ts';
import type { Role } from '#src/modules/platform/domain/roles.ts';
import {
  claimInvitation,
  findInvitation,
  findInvitationByTokenHash,
  hasValidInvitationFor,
  insertInvitation,
  listOpenInvitations,
  renewInvitationRow,
  revokeInvitationRow,
  type InvitationRow,
} from '#src/modules/platform/repo/invitations.repo.ts';
import { findUserIdByEmail, hasMembership } from '#src/modules/platform/repo/members.repo.ts';
import { findOrganization } from '#src/modules/platform/repo/organizations.repo.ts';
import { insertMembership, insertUserWithPassword } from '#src/modules/platform/repo/users.repo.ts';

/** A link that no longer works answers like a missing one, with a French explanation. */
const invalidInvitation = () => new AppError('not_found', { message: messages.invitations.invalid });

/** 256 random bits, URL-safe; only its SHA-256 is stored, so a database leak reveals no usable link. */
function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const linkFor = (publicUrl: string, token: string) => `${publicUrl}/invitation/${token}`;

/** An unreachable SMTP server must not hold the administrator's request for minutes. */
const MAIL_TIMEOUT_MS = 10_000;

async function sendInvitationMail(deps: AppDeps, invitation: InvitationRow, link: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.mailer.send({
        to: invitation.email,
        subject: messages.auth.inviteMailSubject,
        text: messages.auth.inviteMailBody(invitation.organizationName, link),
      }),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer from the SMTP server after ${MAIL_TIMEOUT_MS} ms`)),
          MAIL_TIMEOUT_MS,
        );
      }),
    ]);
    return true;
  } catch (error) {
    deps.log.error('invitation e-mail not sent', { invitationId: invitation.id, error: String(error) });
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function toView(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    role: row.role,
    status: invitationStatus(row, now) === 'expired' ? 'expired' : 'pending',
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInvitations(db: Db, actor: Actor): Promise<Invitation[]> {
  const now = new Date();
  return (await listOpenInvitations(db, actor.workspaceId)).map((row) => toView(row, now));
}

export async function createInvitation(
  deps: AppDeps,
  actor: Actor,
  input: { email: string; name: string; organizationId: string; role: Role },
  requestId: string,
): Promise<InvitationCreated> {
  const { token, tokenHash } = newToken();
  const invitation = await deps.database.db.transaction(async (tx) => {
    const organization = await findOrganization(tx, actor.workspaceId, input.organizationId);
    if (!organization) throw fieldError('organizationId', messages.members.organizationUnknown);
    const existingUserId = await findUserIdByEmail(tx, input.email);
    if (existingUserId && (await hasMembership(tx, actor.workspaceId, existingUserId, input.organizationId))) {
      throw new AppError('conflict', {
        message: messages.invitations.alreadyMember,
        issues: [{ path: 'email', message: messages.invitations.alreadyMember }],
      });
    }
    if (await hasValidInvitationFor(tx, actor.workspaceId, input.email, input.organizationId)) {
      throw new AppError('conflict', {
        message: messages.invitations.alreadyPending,
        issues: [{ path: 'email', message: messages.invitations.alreadyPending }],
      });
    }
    const id = await insertInvitation(tx, {
      workspaceId: actor.workspaceId,
      ...input,
      tokenHash,
      invitedBy: actor.userId,
      expiresAt: invitationExpiry(new Date()),
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: id,
      changedFields: ['email', 'name', 'organizationId', 'role'],
      requestId,
    });
    return (await findInvitation(tx, actor.workspaceId, id))!;
  });
  // Sent once the invitation is committed: never an e-mail for a link that does not exist.
  const link = linkFor(deps.config.publicUrl, token);
  const mailSent = await sendInvitationMail(deps, invitation, link);
  return { invitation: toView(invitation, new Date()), link, mailSent };
}

/** A fresh link and seven more days, for a lost e-mail or an expired invitation; the old link stops working. */
export async function renewInvitation(
  deps: AppDeps,
  actor: Actor,
  id: string,
  requestId: string,
): Promise<InvitationCreated> {
  const { token, tokenHash } = newToken();
  const invitation = await deps.database.db.transaction(async (tx) => {
    const found = await findInvitation(tx, actor.workspaceId, id);
    if (!found || found.revokedAt) throw notFound();
    if (found.acceptedAt) throw new AppError('conflict', { message: messages.invitations.alreadyAccepted });
    await renewInvitationRow(tx, actor.workspaceId, id, tokenHash, invitationExpiry(new Date()));
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'invitation.renew',
      entityType: 'invitation',
      entityId: id,
      changedFields: ['expiresAt', 'tokenHash'],
      requestId,
    });
    return (await findInvitation(tx, actor.workspaceId, id))!;
  });
  const link = linkFor(deps.config.publicUrl, token);
  const mailSent = await sendInvitationMail(deps, invitation, link);
  return { invitation: toView(invitation, new Date()), link, mailSent };
}

export async function revokeInvitation(db: Db, actor: Actor, id: string, requestId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await findInvitation(tx, actor.workspaceId, id);
    if (!found) throw notFound();
    if (found.acceptedAt) throw new AppError('conflict', { message: messages.invitations.alreadyAccepted });
    if (found.revokedAt) return;
    await revokeInvitationRow(tx, actor.workspaceId, id);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: id,
      changedFields: ['revokedAt'],
      requestId,
    });
  });
}

async function findValid(db: Db, token: string): Promise<InvitationRow> {
  const invitation = await findInvitationByTokenHash(db, hashToken(token));
  if (!invitation || invitationStatus(invitation, new Date()) !== 'pending') throw invalidInvitation();
  return invitation;
}

export async function viewInvitation(db: Db, token: string): Promise<InvitationPublic> {
  const invitation = await findValid(db, token);
  return {
    email: invitation.email,
    name: invitation.name,
    organizationName: invitation.organizationName,
    role: invitation.role,
    existingAccount: (await findUserIdByEmail(db, invitation.email)) !== null,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Accepting creates the account and its membership in one transaction. When the invited address
 * already has an account (a person working for several organisations or territories), the
 * membership is simply added: the link proves control of the mailbox, and the person keeps the
 * password they already have — asking to sign in first would only add a step, not safety.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  body: { name?: string | undefined; password?: string | undefined; passwordConfirm?: string | undefined },
  requestId: string,
): Promise<InvitationAccepted> {
  const invitation = await findValid(db, token);
  let account: { name: string; passwordHash: string } | null = null;
  if ((await findUserIdByEmail(db, invitation.email)) === null) {
    const parsed = newAccountSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError('validation_failed', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      });
    }
    // Hashed before the transaction: it is deliberately slow and needs no lock.
    account = { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password) };
  }
  return db.transaction(async (tx) => {
    const claimed = await claimInvitation(tx, hashToken(token));
    if (!claimed) throw invalidInvitation();
    const { workspaceId } = claimed;
    let userId = await findUserIdByEmail(tx, invitation.email);
    const existingAccount = userId !== null;
    if (!userId) {
      if (!account) throw invalidInvitation();
      userId = await insertUserWithPassword(tx, { email: invitation.email, ...account });
      await writeAudit(tx, {
        workspaceId,
        actorUserId: userId,
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        changedFields: ['email', 'name', 'password'],
        requestId,
      });
    }
    if (!(await hasMembership(tx, workspaceId, userId, invitation.organizationId))) {
      const membershipId = await insertMembership(tx, {
        workspaceId,
        userId,
        organizationId: invitation.organizationId,
        role: invitation.role,
      });
      await writeAudit(tx, {
        workspaceId,
        actorUserId: userId,
        action: 'membership.create',
        entityType: 'membership',
        entityId: membershipId,
        changedFields: ['organizationId', 'role', 'userId'],
        requestId,
      });
    }
    await writeAudit(tx, {
      workspaceId,
      actorUserId: userId,
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: claimed.id,
      changedFields: ['acceptedAt'],
      requestId,
    });
    return { existingAccount, email: invitation.email };
  });
}
