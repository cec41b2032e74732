import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const AggirPage = lazy(() =>
  import('#src/modules/assessments/ui/aggir-page.tsx').then((m) => ({ default: m.AggirPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const assessmentPages: RouteObject[] = [{ path: 'personnes/:id/aggir', element: onDemand(<AggirPage />) }];
