import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const CatalogueSearchPage = lazy(() =>
  import('#src/modules/catalogue/ui/catalogue-search-page.tsx').then((m) => ({ default: m.CatalogueSearchPage })),
);
const ProductPage = lazy(() =>
  import('#src/modules/catalogue/ui/product-page.tsx').then((m) => ({ default: m.ProductPage })),
);
const ProductFormPage = lazy(() =>
  import('#src/modules/catalogue/ui/product-form-page.tsx').then((m) => ({ default: m.ProductFormPage })),
);
const DistributorsPage = lazy(() =>
  import('#src/modules/catalogue/ui/distributors-page.tsx').then((m) => ({ default: m.DistributorsPage })),
);
const IsoImportPage = lazy(() =>
  import('#src/modules/catalogue/ui/iso-import-page.tsx').then((m) => ({ default: m.IsoImportPage })),
);
const ProductImportPage = lazy(() =>
  import('#src/modules/catalogue/ui/product-import-page.tsx').then((m) => ({ default: m.ProductImportPage })),
);
const ShowroomPage = lazy(() =>
  import('#src/modules/catalogue/ui/showroom-page.tsx').then((m) => ({ default: m.ShowroomPage })),
);

/** The pages of this module, mounted inside the signed-in shell. */
export const cataloguePages: RouteObject[] = [
  { path: 'catalogue', element: onDemand(<CatalogueSearchPage />) },
  { path: 'catalogue/produits/nouveau', element: onDemand(<ProductFormPage />) },
  { path: 'catalogue/produits/import', element: onDemand(<ProductImportPage />) },
  { path: 'catalogue/produits/:id', element: onDemand(<ProductPage />) },
  { path: 'catalogue/produits/:id/modifier', element: onDemand(<ProductFormPage />) },
  { path: 'catalogue/distributeurs', element: onDemand(<DistributorsPage />) },
  { path: 'catalogue/iso', element: onDemand(<IsoImportPage />) },
  { path: 'showroom', element: onDemand(<ShowroomPage />) },
];
