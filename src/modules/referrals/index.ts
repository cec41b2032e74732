import type { Router } from '#src/shared/http/route.ts';
import { mountReferralRoutes } from '#src/modules/referrals/api/referrals.route.ts';

export { referralClosureReasons, referralStatuses } from '#src/modules/referrals/domain/referral.ts';
/** Referrals received per period by channel, triage outcome or closure reason: the observatory's entries. */
export { referralCounts, type ReferralCountDimension } from '#src/modules/referrals/repo/referrals.repo.ts';

/** Intake (repérage): referrals from every channel and the triage queue. */
export function createReferralRoutes(router: Router) {
  mountReferralRoutes(router);
}
