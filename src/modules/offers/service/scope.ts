import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { isOnCaseTeam } from '#src/modules/people/index.ts';
import type { OfferRow, OfferScope } from '#src/modules/offers/repo/offers.repo.ts';

/** The landlord organisations the actor works for (none for CCAS staff). */
export const landlordIdsOf = (actor: Actor) =>
  actor.memberships.filter((m) => m.organizationKind === 'landlord').map((m) => m.organizationId);

/**
 * Housing officers (`housing.manage`) see every offer of the workspace; a landlord's staff the offers on
 * their organisation's units; other holders of `housing.read` the offers made to people whose case team they
 * are on (docs/decisions/023).
 */
export const offerScopeOf = (actor: Actor): OfferScope => ({
  workspaceId: actor.workspaceId,
  userId: actor.userId,
  all: actor.permissions.has('housing.manage'),
  landlordIds: actor.permissions.has('offer.respond') ? landlordIdsOf(actor) : [],
});

/** Who acts for the landlord on an offer of this landlord: its staff, or a housing officer of the CCAS. */
export const actsForLandlord = (actor: Actor, landlordOrganizationId: string) =>
  actor.permissions.has('housing.manage') ||
  (actor.permissions.has('offer.respond') && landlordIdsOf(actor).includes(landlordOrganizationId));

/** The person's answer and the move are recorded by their case team (who works on the pathway with them). */
export const recordsForPerson = async (db: Db, actor: Actor, offer: OfferRow) =>
  actor.permissions.has('pathway.write') && (await isOnCaseTeam(db, actor.workspaceId, offer.personId, actor.userId));
