import { lazy } from 'react';
import { onDemand } from '#src/shared/ui/on-demand.tsx';
import type { RouteObject } from 'react-router';

const ReferralsPage = lazy(() =>
  import('#src/modules/referrals/ui/referrals-page.tsx').then((m) => ({ default: m.ReferralsPage })),
);
const ReferralFormPage = lazy(() =>
  import('#src/modules/referrals/ui/referral-form-page.tsx').then((m) => ({ default: m.ReferralFormPage })),
);
const ReferralPage = lazy(() =>
  import('#src/modules/referrals/ui/referral-page.tsx').then((m) => ({ default: m.ReferralPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const referralPages: RouteObject[] = [
  { path: 'signalements', element: onDemand(<ReferralsPage />) },
  { path: 'signalements/nouveau', element: onDemand(<ReferralFormPage />) },
  { path: 'signalements/:id', element: onDemand(<ReferralPage />) },
];
