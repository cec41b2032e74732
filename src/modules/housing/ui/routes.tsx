import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const SupplyPage = lazy(() =>
  import('#src/modules/housing/ui/supply-page.tsx').then((m) => ({ default: m.SupplyPage })),
);
const ProgrammePage = lazy(() =>
  import('#src/modules/housing/ui/programme-page.tsx').then((m) => ({ default: m.ProgrammePage })),
);
const UnitPage = lazy(() => import('#src/modules/housing/ui/unit-page.tsx').then((m) => ({ default: m.UnitPage })));
const UnitFormPage = lazy(() =>
  import('#src/modules/housing/ui/unit-form-page.tsx').then((m) => ({ default: m.UnitFormPage })),
);
const LandlordsPage = lazy(() =>
  import('#src/modules/housing/ui/landlords-page.tsx').then((m) => ({ default: m.LandlordsPage })),
);
const LandlordPage = lazy(() =>
  import('#src/modules/housing/ui/landlords-page.tsx').then((m) => ({ default: m.LandlordPage })),
);
const CharterPage = lazy(() =>
  import('#src/modules/housing/ui/charter-page.tsx').then((m) => ({ default: m.CharterPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const housingPages: RouteObject[] = [
  { path: 'logements', element: onDemand(<SupplyPage />) },
  { path: 'logements/programmes/:id', element: onDemand(<ProgrammePage />) },
  { path: 'logements/programmes/:programmeId/nouveau-logement', element: onDemand(<UnitFormPage />) },
  { path: 'logements/:id', element: onDemand(<UnitPage />) },
  { path: 'logements/:id/modifier', element: onDemand(<UnitFormPage />) },
  { path: 'bailleurs', element: onDemand(<LandlordsPage />) },
  { path: 'bailleurs/:id', element: onDemand(<LandlordPage />) },
  { path: 'charte', element: onDemand(<CharterPage />) },
];
