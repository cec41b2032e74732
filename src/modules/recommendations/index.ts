import type { Router } from '#src/shared/http/route.ts';
import { mountSheetRoutes } from '#src/modules/recommendations/api/sheets.route.ts';

/**
 * Seed factories (demo data, benchmarks) write rows directly: `productSnapshots(db, workspaceId, personId, ids)`
 * gives the products as a version freezes them; `insertSheet` and `insertVersion` write the draft and a version.
 */
export { productSnapshots } from '#src/modules/recommendations/service/sheets.ts';
export { insertSheet, insertVersion } from '#src/modules/recommendations/repo/sheets.repo.ts';
export type { SheetContent, SheetSnapshot } from '#src/modules/recommendations/domain/sheet.ts';
/** The PDF of a version from its frozen data, pure (the benchmark measures it). */
export { sheetDocument, type PrintableSheet } from '#src/modules/recommendations/service/sheet-pdf.ts';

/**
 * The occupational therapist's recommendation sheets: one draft per pathway, handed over as immutable
 * versions, printed as PDF. No service is exported to other modules yet: the public portal will read
 * the versions flagged `sharedWithPerson`.
 */
export function createRecommendationRoutes(router: Router) {
  mountSheetRoutes(router);
}
