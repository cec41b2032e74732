import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';

const ReferralsPage = lazy(() =>
  import('#src/modules/referrals/ui/referrals-page.tsx').then((m) => ({ default: m.ReferralsPage })),
);
const ReferralFormPage = lazy(() =>
  import('#src/modules/referrals/ui/referral-form-page.tsx').then((m) => ({ default: m.ReferralFormPage })),
);
const ReferralPage = lazy(() =>
  import('#src/modules/referrals/ui/referral-page.tsx').then((m) => ({ default: m.ReferralPage })),
);

const onDemand = (element: ReactNode) => (
  <Suspense fallback={<p role="status">{messages.app.loading}</p>}>{element}</Suspense>
);

/** The pages of this module, mounted inside the signed-in shell. */
export const referralPages: RouteObject[] = [
  { path: 'signalements', element: onDemand(<ReferralsPage />) },
  { path: 'signalements/nouveau', element: onDemand(<ReferralFormPage />) },
  { path: 'signalements/:id', element: onDemand(<ReferralPage />) },
];
