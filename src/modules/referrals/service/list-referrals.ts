import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { notFound } from '#src/shared/errors.ts';
import type { Referral, ReferralList, ReferralListQuery } from '#src/modules/referrals/api/referral.schema.ts';
import { findReferral, listReferrals } from '#src/modules/referrals/repo/referrals.repo.ts';
import { canTriage, referralScopeOf, toListItem, toReferral } from '#src/modules/referrals/service/referral-views.ts';

/** The triage queue for triage users; for anyone else, the referrals they raised. */
export async function listReferralsForActor(db: Db, actor: Actor, query: ReferralListQuery): Promise<ReferralList> {
  const { rows, total } = await listReferrals(db, referralScopeOf(actor), query);
  return { items: rows.map(toListItem), total, canTriage: canTriage(actor) };
}

/** Someone else's referral answers 404 to a signaller, exactly like a missing one. */
export async function getReferral(db: Db, actor: Actor, id: string): Promise<Referral> {
  const row = await findReferral(db, referralScopeOf(actor), id);
  if (!row) throw notFound();
  return toReferral(row, actor);
}
