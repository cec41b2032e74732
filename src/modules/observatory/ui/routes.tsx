import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

// Loaded on demand: the page brings Observable Plot, which the rest of the app does not need.
const IndicatorsPage = lazy(() =>
  import('#src/modules/observatory/ui/indicators-page.tsx').then((m) => ({ default: m.IndicatorsPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const observatoryPages: RouteObject[] = [{ path: 'indicateurs', element: onDemand(<IndicatorsPage />) }];
