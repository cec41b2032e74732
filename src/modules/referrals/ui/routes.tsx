import { lazy } from 'react';
import { onDemand } from '#src/shared/ui/on-demand.tsx';
import type { RouteObject } from 'react-router';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';

const ReferralsPage = lazy(() =>
  import('#src/modules/referrals/ui/referrals-page.tsx').then((m) => ({ default: m.ReferralsPage })),
);
const ReferralFormPage = lazy(() =>
  import('#src/modules/referrals/ui/referral-form-page.tsx').then((m) => ({ default: m.ReferralFormPage })),
);
const ReferralPage = lazy(() =>
  import('#src/modules/referrals/ui/referral-page.tsx').then((m) => ({ default: m.ReferralPage })),
);

/** The pages of this module, mounted inside the signed-in shell; the app hands over the commune picker. */
export const referralPages = ({ CommuneField }: { CommuneField: CommuneFieldComponent }): RouteObject[] => [
  { path: 'signalements', element: onDemand(<ReferralsPage />) },
  { path: 'signalements/nouveau', element: onDemand(<ReferralFormPage CommuneField={CommuneField} />) },
  { path: 'signalements/:id', element: onDemand(<ReferralPage CommuneField={CommuneField} />) },
];
