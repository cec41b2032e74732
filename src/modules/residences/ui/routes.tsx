import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const ResidencesPage = lazy(() =>
  import('#src/modules/residences/ui/residences-page.tsx').then((m) => ({ default: m.ResidencesPage })),
);
const ResidenceNewPage = lazy(() =>
  import('#src/modules/residences/ui/residence-form.tsx').then((m) => ({ default: m.ResidenceNewPage })),
);
const ResidencePage = lazy(() =>
  import('#src/modules/residences/ui/residence-page.tsx').then((m) => ({ default: m.ResidencePage })),
);

/** The pages of this module, mounted inside the signed-in shell; the commune picker comes from the app. */
export const residencesPages = ({ CommuneField }: { CommuneField: CommuneFieldComponent }): RouteObject[] => [
  { path: 'residences', element: onDemand(<ResidencesPage />) },
  { path: 'residences/nouvelle', element: onDemand(<ResidenceNewPage CommuneField={CommuneField} />) },
  { path: 'residences/:id', element: onDemand(<ResidencePage CommuneField={CommuneField} />) },
];
