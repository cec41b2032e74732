import type { Router } from '#src/shared/http/route.ts';
import { mountCatalogueRoutes } from '#src/modules/catalogue/api/catalogue.route.ts';
import { mountShowroomRoutes } from '#src/modules/catalogue/api/showroom.route.ts';

/**
 * The assistive-product catalogue: ISO 9999 classes, products, distributors, prices and reimbursement, search,
 * the showroom inventory and loan agreements.
 *
 * Contracts for other modules (scoped to one workspace):
 * - the Drizzle tables through `#src/modules/catalogue/db/schema.ts` (`products` is `catalogue_products`, for foreign keys);
 * - `findProductForActor(db, actor, productId)`: the product's summary, or throws 404 when it is not in the workspace;
 * - `productSummaries(db, workspaceId, ids)`: the summaries in the order asked, unknown ids left out. A summary holds the
 *   name, primary ISO code (6 digits, formatted, edition, our class label), average price with its date and source,
 *   LPP code with reimbursement base and price ceiling, local distributors (name, address, phone) and the first photo id
 *   (served at `/api/catalogue/files/{id}`).
 */
export { findProductForActor } from '#src/modules/catalogue/service/find-product.ts';
export { productSummaries, type ProductSummary } from '#src/modules/catalogue/repo/summaries.repo.ts';
export { formatIsoCode } from '#src/modules/catalogue/domain/iso.ts';

/** The daily sweep that reminds the team of loan agreements to renew (run by the job queue). */
export { sendLoanAgreementReminders } from '#src/modules/catalogue/service/showroom.ts';

/** Seeds write rows directly (demo data, tests, benchmarks). */
export { insertCatalogueRows, type CatalogueRows } from '#src/modules/catalogue/repo/seed.repo.ts';

export function createCatalogueRoutes(router: Router) {
  mountCatalogueRoutes(router);
  mountShowroomRoutes(router);
}
