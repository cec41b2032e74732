import type { Db } from '#src/shared/db/client.ts';
import {
  distributors,
  isoCodes,
  loanAgreements,
  productDistributors,
  products,
  showroomItems,
} from '#src/modules/catalogue/db/schema.ts';

export type CatalogueRows = {
  isoCodes?: (typeof isoCodes.$inferInsert)[];
  distributors?: (typeof distributors.$inferInsert)[];
  products?: (typeof products.$inferInsert)[];
  productDistributors?: (typeof productDistributors.$inferInsert)[];
  loanAgreements?: (typeof loanAgreements.$inferInsert)[];
  showroomItems?: (typeof showroomItems.$inferInsert)[];
};

/** Bulk inserts for seeds (demo data, tests, benchmarks), in dependency order and in chunks. */
export async function insertCatalogueRows(db: Db, rows: CatalogueRows) {
  const steps = [
    [isoCodes, rows.isoCodes],
    [distributors, rows.distributors],
    [products, rows.products],
    [productDistributors, rows.productDistributors],
    [loanAgreements, rows.loanAgreements],
    [showroomItems, rows.showroomItems],
  ] as const;
  for (const [table, values] of steps) {
    for (let i = 0; values && i < values.length; i += 500) {
      await db.insert(table).values(values.slice(i, i + 500) as never);
    }
  }
}
