import type { Router } from '#src/shared/http/route.ts';

/** The assistive-product catalogue: ISO 9999 classes, products, distributors, prices and reimbursement, search, the showroom inventory and loan agreements. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- routes are mounted as they are written
export function createCatalogueRoutes(router: Router) {}
