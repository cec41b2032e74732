import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const ApplicationsPage = lazy(() =>
  import('#src/modules/applications/ui/applications-page.tsx').then((m) => ({ default: m.ApplicationsPage })),
);
const ApplicationFormPage = lazy(() =>
  import('#src/modules/applications/ui/application-form-page.tsx').then((m) => ({ default: m.ApplicationFormPage })),
);
const ApplicationPage = lazy(() =>
  import('#src/modules/applications/ui/application-page.tsx').then((m) => ({ default: m.ApplicationPage })),
);
const MatchesPage = lazy(() =>
  import('#src/modules/applications/ui/matches-page.tsx').then((m) => ({ default: m.MatchesPage })),
);
const UnitDemandPage = lazy(() =>
  import('#src/modules/applications/ui/unit-demand-page.tsx').then((m) => ({ default: m.UnitDemandPage })),
);
const PointsOfInterestPage = lazy(() =>
  import('#src/modules/applications/ui/points-of-interest-page.tsx').then((m) => ({
    default: m.PointsOfInterestPage,
  })),
);

const EligibilitySettingsPage = lazy(() =>
  import('#src/modules/applications/ui/eligibility-settings-page.tsx').then((m) => ({
    default: m.EligibilitySettingsPage,
  })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const applicationsPages: RouteObject[] = [
  { path: 'demandes-logement', element: onDemand(<ApplicationsPage />) },
  { path: 'demandes-logement/nouvelle', element: onDemand(<ApplicationFormPage />) },
  { path: 'demandes-logement/:id', element: onDemand(<ApplicationPage />) },
  { path: 'demandes-logement/:id/modifier', element: onDemand(<ApplicationFormPage />) },
  { path: 'demandes-logement/:id/logements', element: onDemand(<MatchesPage />) },
  { path: 'logements/:id/demande', element: onDemand(<UnitDemandPage />) },
  { path: 'lieux-utiles', element: onDemand(<PointsOfInterestPage />) },
  { path: 'plafonds-admission', element: onDemand(<EligibilitySettingsPage />) },
];
