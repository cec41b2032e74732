import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const PersonFormsPage = lazy(() =>
  import('#src/modules/forms/ui/person-forms-page.tsx').then((m) => ({ default: m.PersonFormsPage })),
);
const FormResponsePage = lazy(() =>
  import('#src/modules/forms/ui/form-response-page.tsx').then((m) => ({ default: m.FormResponsePage })),
);
const TemplateListPage = lazy(() =>
  import('#src/modules/forms/ui/template-list-page.tsx').then((m) => ({ default: m.TemplateListPage })),
);
const TemplateEditorPage = lazy(() =>
  import('#src/modules/forms/ui/template-editor-page.tsx').then((m) => ({ default: m.TemplateEditorPage })),
);
const XlsformImportPage = lazy(() =>
  import('#src/modules/forms/ui/xlsform-import-page.tsx').then((m) => ({ default: m.XlsformImportPage })),
);
const FormSearchPage = lazy(() =>
  import('#src/modules/forms/ui/search-page.tsx').then((m) => ({ default: m.FormSearchPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const formPages: RouteObject[] = [
  { path: 'formulaires/recherche', element: onDemand(<FormSearchPage />) },
  { path: 'personnes/:id/formulaires', element: onDemand(<PersonFormsPage />) },
  { path: 'personnes/:id/formulaires/remplir/:versionId', element: onDemand(<FormResponsePage />) },
  { path: 'personnes/:id/formulaires/:responseId', element: onDemand(<FormResponsePage />) },
  { path: 'admin/formulaires', element: onDemand(<TemplateListPage />) },
  { path: 'admin/formulaires/nouveau', element: onDemand(<TemplateEditorPage />) },
  { path: 'admin/formulaires/importer', element: onDemand(<XlsformImportPage />) },
  { path: 'admin/formulaires/:id', element: onDemand(<TemplateEditorPage />) },
];
