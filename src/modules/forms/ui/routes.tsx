import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const PersonFormsPage = lazy(() =>
  import('#src/modules/forms/ui/person-forms-page.tsx').then((m) => ({ default: m.PersonFormsPage })),
);
const FormResponsePage = lazy(() =>
  import('#src/modules/forms/ui/form-response-page.tsx').then((m) => ({ default: m.FormResponsePage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const formPages: RouteObject[] = [
  { path: 'personnes/:id/formulaires', element: onDemand(<PersonFormsPage />) },
  { path: 'personnes/:id/formulaires/remplir/:versionId', element: onDemand(<FormResponsePage />) },
  { path: 'personnes/:id/formulaires/:responseId', element: onDemand(<FormResponsePage />) },
];
