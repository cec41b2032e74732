import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { distributors, productDistributors, productFiles, products } from '#src/modules/catalogue/db/schema.ts';
import { formatIsoCode, isoClassLabelOf } from '#src/modules/catalogue/domain/iso.ts';

/** What other modules (trials, recommendation sheets) show of a product. */
export type ProductSummary = {
  id: string;
  name: string;
  /** 6 digits (`122306`); `isoCodeDisplay` is `12 23 06`. */
  isoCode: string;
  isoCodeDisplay: string;
  isoEdition: string;
  /** Our own French label of the ISO class. */
  isoClassLabel: string | null;
  averagePrice: { cents: number; date: string; source: string | null } | null;
  lpp: { code: string; reimbursementBaseCents: number | null; priceCeilingCents: number | null } | null;
  localDistributors: { id: string; name: string; address: string | null; phone: string | null }[];
  photoId: string | null;
};

const addressOf = (d: { addressLine: string | null; postalCode: string | null; city: string | null }) =>
  [d.addressLine, [d.postalCode, d.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;

/** The summaries of the given products of the workspace, in the order asked; unknown ids are left out. */
export async function productSummaries(db: Db, workspaceId: string, ids: string[]): Promise<ProductSummary[]> {
  if (ids.length === 0) return [];
  const [rows, sellers, photos] = await Promise.all([
    db
      .select({
        id: products.id,
        name: products.name,
        isoCode: products.primaryIsoCode,
        isoEdition: products.isoEdition,
        priceCents: products.averagePriceCents,
        priceDate: products.priceDate,
        priceSource: products.priceSource,
        lppCode: products.lppCode,
        reimbursementBaseCents: products.reimbursementBaseCents,
        priceCeilingCents: products.priceCeilingCents,
      })
      .from(products)
      .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, ids))),
    db
      .select({
        productId: productDistributors.productId,
        id: distributors.id,
        name: distributors.name,
        addressLine: distributors.addressLine,
        postalCode: distributors.postalCode,
        city: distributors.city,
        phone: distributors.phone,
      })
      .from(productDistributors)
      .innerJoin(
        distributors,
        and(
          eq(distributors.workspaceId, productDistributors.workspaceId),
          eq(distributors.id, productDistributors.distributorId),
        ),
      )
      .where(
        and(
          eq(productDistributors.workspaceId, workspaceId),
          inArray(productDistributors.productId, ids),
          eq(distributors.isLocal, true),
        ),
      )
      .orderBy(asc(distributors.name)),
    db
      .selectDistinctOn([productFiles.productId], { productId: productFiles.productId, id: productFiles.id })
      .from(productFiles)
      .where(
        and(
          eq(productFiles.workspaceId, workspaceId),
          inArray(productFiles.productId, ids),
          eq(productFiles.kind, 'photo'),
        ),
      )
      .orderBy(asc(productFiles.productId), asc(productFiles.createdAt)),
  ]);
  const byId = new Map(
    rows.map((r) => {
      const summary: ProductSummary = {
        id: r.id,
        name: r.name,
        isoCode: r.isoCode,
        isoCodeDisplay: formatIsoCode(r.isoCode),
        isoEdition: r.isoEdition,
        isoClassLabel: isoClassLabelOf(r.isoCode),
        averagePrice:
          r.priceCents !== null && r.priceDate
            ? { cents: r.priceCents, date: r.priceDate, source: r.priceSource }
            : null,
        lpp: r.lppCode
          ? {
              code: r.lppCode,
              reimbursementBaseCents: r.reimbursementBaseCents,
              priceCeilingCents: r.priceCeilingCents,
            }
          : null,
        localDistributors: sellers
          .filter((s) => s.productId === r.id)
          .map((s) => ({ id: s.id, name: s.name, address: addressOf(s), phone: s.phone })),
        photoId: photos.find((p) => p.productId === r.id)?.id ?? null,
      };
      return [r.id, summary] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
