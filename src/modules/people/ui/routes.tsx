import { lazy } from 'react';
import { onDemand } from '#src/shared/ui/on-demand.tsx';
import type { RouteObject } from 'react-router';
import { PersonSearchPage } from '#src/modules/people/ui/person-search-page.tsx';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';

const PersonPage = lazy(() =>
  import('#src/modules/people/ui/person-page.tsx').then((m) => ({ default: m.PersonPage })),
);
const PersonNewPage = lazy(() =>
  import('#src/modules/people/ui/person-new-page.tsx').then((m) => ({ default: m.PersonNewPage })),
);

/**
 * The pages of this module, mounted inside the signed-in shell. The app hands over the platform's
 * commune picker: a module does not import another module's UI.
 */
export const personPages = ({ CommuneField }: { CommuneField: CommuneFieldComponent }): RouteObject[] => [
  { path: 'personnes', element: <PersonSearchPage /> },
  { path: 'personnes/nouvelle', element: onDemand(<PersonNewPage CommuneField={CommuneField} />) },
  { path: 'personnes/:id', element: onDemand(<PersonPage CommuneField={CommuneField} />) },
];
