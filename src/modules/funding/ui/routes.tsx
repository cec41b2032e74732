import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const SimulatorPage = lazy(() =>
  import('#src/modules/funding/ui/simulator-page.tsx').then((m) => ({ default: m.SimulatorPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const fundingPages: RouteObject[] = [{ path: 'financements/simulateur', element: onDemand(<SimulatorPage />) }];
