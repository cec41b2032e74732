import type { Router } from '#src/shared/http/route.ts';

/** Intake (repérage): referrals from every channel and the triage queue. */
export function createReferralRoutes(router: Router) {
  void router;
}
