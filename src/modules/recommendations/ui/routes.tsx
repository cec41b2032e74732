import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const SheetPage = lazy(() =>
  import('#src/modules/recommendations/ui/sheet-page.tsx').then((m) => ({ default: m.SheetPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const recommendationsPages: RouteObject[] = [
  { path: 'parcours/:id/preconisations', element: onDemand(<SheetPage />) },
];
