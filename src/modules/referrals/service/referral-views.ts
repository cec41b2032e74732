import type { Actor } from '#src/shared/auth/actor.ts';
import type { Referral, ReferralListItem } from '#src/modules/referrals/api/referral.schema.ts';
import type { ReferralRow, ReferralScope } from '#src/modules/referrals/repo/referrals.repo.ts';
import { findCommune } from '#src/modules/platform/index.ts';

export const canTriage = (actor: Actor) => actor.permissions.has('referral.triage');

/** Triage users work on the whole queue; anyone else only ever reaches the referrals they raised. */
export const referralScopeOf = (actor: Actor): ReferralScope => ({
  workspaceId: actor.workspaceId,
  raisedByUserId: canTriage(actor) ? null : actor.userId,
});

const subjectName = (row: ReferralRow) => [row.subjectFirstName, row.subjectLastName].filter(Boolean).join(' ') || null;

export const toListItem = (row: ReferralRow): ReferralListItem => ({
  id: row.id,
  receivedAt: row.createdAt.toISOString(),
  channel: row.channel,
  urgency: row.urgency,
  status: row.status,
  subjectName: subjectName(row),
  raisedByName: row.raisedByName,
  raisedByOrganizationName: row.raisedByOrganizationName,
});

/** The signaller's narrow view withholds the person file, the pathway and the decision's free-text reasons. */
export async function toReferral(row: ReferralRow, actor: Actor): Promise<Referral> {
  const commune = row.subjectCommuneInsee ? await findCommune(row.subjectCommuneInsee) : null;
  const full = canTriage(actor);
  return {
    id: row.id,
    receivedAt: row.createdAt.toISOString(),
    channel: row.channel,
    urgency: row.urgency,
    consent: row.consent,
    status: row.status,
    description: row.description,
    difficulties: row.difficulties,
    subject: {
      firstName: row.subjectFirstName,
      lastName: row.subjectLastName,
      birthDate: row.subjectBirthDate,
      approximateAge: row.subjectApproximateAge,
      address: row.subjectAddress,
      communeInsee: row.subjectCommuneInsee,
      communeName: commune?.name ?? null,
      phone: row.subjectPhone,
    },
    signalledByName: row.signalledByName,
    signalledByContact: row.signalledByContact,
    raisedByName: row.raisedByName,
    raisedByOrganizationName: row.raisedByOrganizationName,
    personId: full ? row.personId : null,
    pathwayId: full ? row.pathwayId : null,
    decision: row.decidedAt
      ? {
          decidedAt: row.decidedAt.toISOString(),
          decidedByName: row.decidedByName,
          redirectedToName: row.redirectedToName,
          redirectReason: full ? row.redirectReason : null,
          closureReason: row.closureReason,
          closureComment: full ? row.closureComment : null,
        }
      : null,
    canTriage: full,
  };
}
