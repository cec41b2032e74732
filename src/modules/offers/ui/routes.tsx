import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const OffersPage = lazy(() =>
  import('#src/modules/offers/ui/offers-page.tsx').then((m) => ({ default: m.OffersPage })),
);
const OfferPage = lazy(() => import('#src/modules/offers/ui/offer-page.tsx').then((m) => ({ default: m.OfferPage })));
const ReportPage = lazy(() =>
  import('#src/modules/offers/ui/report-page.tsx').then((m) => ({ default: m.ReportPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const offersPages: RouteObject[] = [
  { path: 'propositions', element: onDemand(<OffersPage />) },
  { path: 'propositions/rapport', element: onDemand(<ReportPage />) },
  { path: 'propositions/:id', element: onDemand(<OfferPage />) },
];
