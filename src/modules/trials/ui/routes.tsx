import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const PersonTrialsPage = lazy(() =>
  import('#src/modules/trials/ui/person-trials-page.tsx').then((m) => ({ default: m.PersonTrialsPage })),
);
const NewTrialPage = lazy(() =>
  import('#src/modules/trials/ui/new-trial-page.tsx').then((m) => ({ default: m.NewTrialPage })),
);
const FollowUpsPage = lazy(() =>
  import('#src/modules/trials/ui/follow-ups-page.tsx').then((m) => ({ default: m.FollowUpsPage })),
);
const TrialObservatoryPage = lazy(() =>
  import('#src/modules/trials/ui/observatory-page.tsx').then((m) => ({ default: m.TrialObservatoryPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const trialsPages: RouteObject[] = [
  { path: 'personnes/:personId/essais', element: onDemand(<PersonTrialsPage />) },
  { path: 'essais/nouveau', element: onDemand(<NewTrialPage />) },
  { path: 'essais/suivis', element: onDemand(<FollowUpsPage />) },
  { path: 'observatoire/aides-techniques', element: onDemand(<TrialObservatoryPage />) },
];
