import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { newId } from '#src/shared/db/ids.ts';
import { fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { rolePermissions, type Role } from '#src/modules/platform/index.ts';
import { findPersonForActor } from '#src/modules/people/index.ts';
import type { Referral, ReferralInput } from '#src/modules/referrals/api/referral.schema.ts';
import { insertReferral } from '#src/modules/referrals/repo/referrals.repo.ts';
import { toReferral } from '#src/modules/referrals/service/referral-views.ts';

/** The organisation a referral is raised for: the first of the actor's memberships that may raise one. */
function raisingMembership(actor: Actor) {
  const membership = actor.memberships.find((m) =>
    (rolePermissions[m.role as Role] as readonly string[] | undefined)?.includes('referral.create'),
  );
  // The route already required referral.create, which only a membership can grant.
  if (!membership) throw notFound();
  return membership;
}

export async function raiseReferral(db: Db, actor: Actor, input: ReferralInput, requestId: string): Promise<Referral> {
  const membership = raisingMembership(actor);
  const row = await db.transaction(async (tx) => {
    let subject = {
      subjectFirstName: input.subjectFirstName,
      subjectLastName: input.subjectLastName,
      subjectBirthDate: input.subjectBirthDate,
    };
    if (input.personId) {
      // Only a file the signaller may open can be named by id; its name fills what the sketch left empty.
      const person = await findPersonForActor(tx, actor, input.personId);
      if (!person) throw fieldError('personId', messages.referrals.personNotFound);
      subject = {
        subjectFirstName: subject.subjectFirstName ?? person.firstName,
        subjectLastName: subject.subjectLastName ?? person.lastName,
        subjectBirthDate: subject.subjectBirthDate ?? person.birthDate,
      };
    }
    const created = await insertReferral(tx, {
      workspaceId: actor.workspaceId,
      id: newId(),
      channel: input.channel,
      raisedByUserId: actor.userId,
      raisedByOrganizationId: membership.organizationId,
      raisedByName: actor.name,
      raisedByOrganizationName: membership.organizationName,
      signalledByName: input.signalledByName,
      signalledByContact: input.signalledByContact,
      personId: input.personId,
      ...subject,
      subjectApproximateAge: input.subjectApproximateAge,
      subjectAddress: input.subjectAddress,
      subjectCommuneInsee: input.subjectCommuneInsee,
      subjectPhone: input.subjectPhone,
      description: input.description,
      difficulties: input.difficulties,
      urgency: input.urgency,
      consent: input.consent,
      status: 'new',
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'referral.create',
      entityType: 'referral',
      entityId: created.id,
      personId: created.personId,
      // What the signaller actually filled in.
      changedFields: Object.entries(input)
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k]) => k),
      requestId,
    });
    return created;
  });
  return toReferral(row, actor);
}
