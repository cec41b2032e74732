import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const SimulatorPage = lazy(() =>
  import('#src/modules/funding/ui/simulator-page.tsx').then((m) => ({ default: m.SimulatorPage })),
);

const LocalAidsPage = lazy(() =>
  import('#src/modules/funding/ui/local-aids-page.tsx').then((m) => ({ default: m.LocalAidsPage })),
);

const ParametersPage = lazy(() =>
  import('#src/modules/funding/ui/parameters-page.tsx').then((m) => ({ default: m.ParametersPage })),
);

const FundingProjectPage = lazy(() =>
  import('#src/modules/funding/ui/project-page.tsx').then((m) => ({ default: m.FundingProjectPage })),
);
const PathwayProjectsPage = lazy(() =>
  import('#src/modules/funding/ui/pathway-projects-page.tsx').then((m) => ({ default: m.PathwayProjectsPage })),
);
const FundingIndicatorsPage = lazy(() =>
  import('#src/modules/funding/ui/indicators-page.tsx').then((m) => ({ default: m.FundingIndicatorsPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const fundingPages: RouteObject[] = [
  { path: 'financements/simulateur', element: onDemand(<SimulatorPage />) },
  { path: 'financements/aides-locales', element: onDemand(<LocalAidsPage />) },
  { path: 'financements/parametres', element: onDemand(<ParametersPage />) },
  { path: 'parcours/:pathwayId/financement', element: onDemand(<PathwayProjectsPage />) },
  { path: 'financements/projets/:projectId', element: onDemand(<FundingProjectPage />) },
  { path: 'financements/indicateurs', element: onDemand(<FundingIndicatorsPage />) },
];
