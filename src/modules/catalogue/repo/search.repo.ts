import { sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { isoCodes, products, searchRevisions, showroomItems } from '#src/modules/catalogue/db/schema.ts';
import type { IndexedProduct } from '#src/modules/catalogue/domain/search-index.ts';
import { availableLocations } from '#src/modules/catalogue/domain/vocabulary.ts';

const revisionOf = (workspaceId: string) => sql`coalesce((select r.revision from ${searchRevisions} r
  where r.workspace_id = ${workspaceId} and r.id = ${workspaceId}), 0)`;

/** The revision of the workspace's catalogue: 0 until its first change. */
export async function searchRevision(db: Db, workspaceId: string): Promise<number> {
  const result = await db.execute(sql`select ${revisionOf(workspaceId)} as revision`);
  return (result as { rows: { revision: number }[] }).rows[0]!.revision;
}

export type SearchSnapshot = { revision: number; products: IndexedProduct[]; isoLabels: Map<string, string> };

/**
 * Everything the search reads of one workspace, with the revision it is at. One statement, so one snapshot: the
 * revision always describes exactly these rows.
 */
export async function loadSearchSnapshot(db: Db, workspaceId: string): Promise<SearchSnapshot> {
  const available = sql.join(
    availableLocations.map((l) => sql`${l}`),
    sql`, `,
  );
  const result = await db.execute(sql`select ${revisionOf(workspaceId)} as revision,
    coalesce((select json_agg(json_build_object(
        'id', p.id, 'name', p.name, 'manufacturer', p.manufacturer, 'description', p.description,
        'isoCode', p.primary_iso_code, 'codes', array[p.primary_iso_code] || p.secondary_iso_codes,
        'activities', p.activities, 'rooms', p.rooms, 'averagePriceCents', p.average_price_cents,
        'lppCode', p.lpp_code,
        'inShowroom', exists (select 1 from ${showroomItems} i where i.workspace_id = p.workspace_id
          and i.product_id = p.id and i.location in (${available}) and i.state <> 'out_of_service')))
      from ${products} p where p.workspace_id = ${workspaceId}), '[]'::json) as products,
    coalesce((select json_object_agg(l.code, l.label) from (
        select distinct on (code) code, label from ${isoCodes} where workspace_id = ${workspaceId}
        order by code, edition desc) l), '{}'::json) as labels`);
  const row = (result as { rows: { revision: number; products: IndexedProduct[]; labels: Record<string, string> }[] })
    .rows[0]!;
  return {
    revision: row.revision,
    products: row.products,
    isoLabels: new Map(Object.entries(row.labels)),
  };
}
