import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  findOrganization,
  listMemberRows,
  listOrganizations,
  rolePermissions,
  type Role,
} from '#src/modules/platform/index.ts';
import { createPersonForActor, findPersonForActor } from '#src/modules/people/index.ts';
import { openPathway } from '#src/modules/pathways/index.ts';
import type {
  AcceptInput,
  CloseInput,
  RedirectInput,
  Referral,
  TriageOptions,
} from '#src/modules/referrals/api/referral.schema.ts';
import {
  canTransition,
  consentAllowsPathway,
  type ReferralConsent,
  type ReferralStatus,
} from '#src/modules/referrals/domain/referral.ts';
import {
  findReferralForUpdate,
  recordDecision,
  type ReferralDecision,
  type ReferralRow,
} from '#src/modules/referrals/repo/referrals.repo.ts';
import { toReferral } from '#src/modules/referrals/service/referral-views.ts';
import type { EntryChannel } from '#src/shared/vocabulary/entry-channels.ts';

const t = messages.referrals;

const grants = (role: string, permission: 'pathway.write') =>
  (rolePermissions[role as Role] as readonly string[] | undefined)?.includes(permission) ?? false;

/** Locks the referral and checks that triage may still take it to `to`. */
async function lockForDecision(tx: Db, actor: Actor, id: string, to: ReferralStatus): Promise<ReferralRow> {
  const row = await findReferralForUpdate(tx, actor.workspaceId, id);
  if (!row) throw notFound();
  if (!canTransition(row.status as ReferralStatus, to)) throw new AppError('conflict', { message: t.alreadyDecided });
  return row;
}

const decisionActions = {
  accepted: 'referral.accept',
  redirected: 'referral.redirect',
  closed: 'referral.close',
} as const;

async function decide(
  tx: Db,
  actor: Actor,
  row: ReferralRow,
  decision: Omit<ReferralDecision, 'decidedByUserId' | 'decidedByName' | 'status'> & {
    status: keyof typeof decisionActions;
  },
  requestId: string,
): Promise<ReferralRow> {
  const updated = await recordDecision(tx, actor.workspaceId, row.id, {
    ...decision,
    decidedByUserId: actor.userId,
    decidedByName: actor.name,
  });
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action: decisionActions[decision.status],
    entityType: 'referral',
    entityId: row.id,
    personId: updated.personId,
    changedFields: Object.keys(decision),
    requestId,
  });
  return updated;
}

export async function redirectReferral(
  db: Db,
  actor: Actor,
  id: string,
  input: RedirectInput,
  requestId: string,
): Promise<Referral> {
  const row = await db.transaction(async (tx) => {
    const referral = await lockForDecision(tx, actor, id, 'redirected');
    // Checked once the referral is known to exist, so a missing one answers 404 whatever the body.
    if (!input.toOrganizationId && !input.toName) throw fieldError('toOrganizationId', t.redirectTargetRequired);
    let targetName = input.toName;
    if (input.toOrganizationId) {
      const organization = await findOrganization(tx, actor.workspaceId, input.toOrganizationId);
      if (!organization) throw fieldError('toOrganizationId', t.redirectTargetUnknown);
      targetName = organization.name;
    }
    return decide(
      tx,
      actor,
      referral,
      {
        status: 'redirected',
        redirectedToOrganizationId: input.toOrganizationId,
        redirectedToName: targetName!,
        redirectReason: input.reason,
      },
      requestId,
    );
  });
  return toReferral(row, actor);
}

export async function closeReferral(
  db: Db,
  actor: Actor,
  id: string,
  input: CloseInput,
  requestId: string,
): Promise<Referral> {
  const row = await db.transaction(async (tx) => {
    const referral = await lockForDecision(tx, actor, id, 'closed');
    return decide(
      tx,
      actor,
      referral,
      { status: 'closed', closureReason: input.reason, closureComment: input.comment },
      requestId,
    );
  });
  return toReferral(row, actor);
}

/**
 * Accepts into a pathway, in one transaction: the person is linked (or created, where the person
 * file's duplicate check may answer 409 with look-alike files), the pathway is opened, the referral
 * records both.
 */
export async function acceptReferral(
  db: Db,
  actor: Actor,
  id: string,
  input: AcceptInput,
  requestId: string,
): Promise<Referral> {
  const row = await db.transaction(async (tx) => {
    const referral = await lockForDecision(tx, actor, id, 'accepted');
    // The referent and the organisation must be among those the form offers; checked before any
    // person file is created, so a wrong choice leaves nothing behind.
    const offered = await triageOptions(tx, actor);
    if (!offered.referents.some((r) => r.userId === input.referentUserId))
      throw fieldError('referentUserId', t.referentInvalid);
    if (!offered.owningOrganizations.some((o) => o.id === input.owningOrganizationId))
      throw fieldError('owningOrganizationId', t.owningOrganizationInvalid);
    if (!consentAllowsPathway(referral.consent as ReferralConsent, input.consentConfirmed))
      throw fieldError('consentConfirmed', t.consentForPathway);
    if (!input.personId && !(input.firstName && input.lastName)) throw fieldError('personId', t.personChoiceRequired);
    if (input.personId && !(await findPersonForActor(tx, actor, input.personId)))
      throw fieldError('personId', t.personNotFound);
    const personId =
      input.personId ??
      (
        await createPersonForActor(
          tx,
          actor,
          {
            owningOrganizationId: input.owningOrganizationId,
            firstName: input.firstName!,
            lastName: input.lastName!,
            birthDate: input.birthDate,
            communeInsee: input.communeInsee,
          },
          { allowDuplicate: input.confirmNotDuplicate, requestId },
        )
      ).id;
    const pathwayId = await openPathway(tx, actor, {
      personId,
      owningOrganizationId: input.owningOrganizationId,
      referentUserId: input.referentUserId,
      channel: referral.channel as EntryChannel,
      requestId,
    });
    return decide(tx, actor, referral, { status: 'accepted', consent: 'agreed', personId, pathwayId }, requestId);
  });
  return toReferral(row, actor);
}

/**
 * Organisations to redirect to, the organisations the actor may open a pathway for (their own), and
 * the users who may lead one.
 */
export async function triageOptions(db: Db, actor: Actor): Promise<TriageOptions> {
  const [organizations, members] = await Promise.all([
    listOrganizations(db, actor.workspaceId),
    listMemberRows(db, actor.workspaceId),
  ]);
  const referents = new Map<string, TriageOptions['referents'][number]>();
  for (const m of members) {
    if (grants(m.role, 'pathway.write') && !referents.has(m.userId))
      referents.set(m.userId, { userId: m.userId, name: m.name, organizationName: m.organizationName });
  }
  return {
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    owningOrganizations: [...new Map(actor.memberships.map((m) => [m.organizationId, m.organizationName]))].map(
      ([id, name]) => ({ id, name }),
    ),
    referents: [...referents.values()],
  };
}
