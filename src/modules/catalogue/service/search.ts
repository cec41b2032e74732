import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import type { SearchQuery, SearchResult } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { formatIsoCode, isoAncestors, isoClasses, isoClassLabelOf } from '#src/modules/catalogue/domain/iso.ts';
import { searchWords } from '#src/modules/catalogue/domain/search-words.ts';
import { isoLabels, searchProducts } from '#src/modules/catalogue/repo/search.repo.ts';

export async function searchCatalogue(db: Db, actor: Actor, q: SearchQuery): Promise<SearchResult> {
  const { total, rows, facets } = await searchProducts(
    db,
    actor.workspaceId,
    {
      words: searchWords(q.q),
      iso: q.iso,
      activity: q.activity || null,
      room: q.room || null,
      minPriceCents: q.minPrice,
      maxPriceCents: q.maxPrice,
      reimbursed: q.reimbursed ? q.reimbursed === 'yes' : null,
      inShowroom: q.inShowroom ? q.inShowroom === 'true' : null,
    },
    { limit: q.limit, offset: q.offset },
  );
  const of = (facet: string) => facets.filter((r) => r.facet === facet);
  const children = of('child');
  const path = q.iso ? isoAncestors(q.iso) : [];
  const labels = await isoLabels(db, actor.workspaceId, [
    ...children.map((c) => c.key),
    ...path.filter((c) => c.length > 2),
  ]);
  const labelOf = (code: string) => (code.length === 2 ? isoClassLabelOf(code) : (labels.get(code) ?? null));
  const classCounts = new Map(of('class').map((r) => [r.key, r.count]));
  const reimbursed = new Map(of('reimbursed').map((r) => [r.key, r.count]));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      manufacturer: r.manufacturer,
      isoCode: r.isoCode,
      isoCodeDisplay: formatIsoCode(r.isoCode),
      averagePriceCents: r.averagePriceCents,
      lppCode: r.lppCode,
      inShowroom: r.inShowroom,
    })),
    facets: {
      // Every class is listed, even with no product, so the tree keeps its shape.
      isoClasses: isoClasses.map((c) => ({ code: c.code, label: c.label, count: classCounts.get(c.code) ?? 0 })),
      isoChildren: children
        .map((c) => ({ code: c.key, label: labelOf(c.key), count: c.count }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      isoPath: path.map((code) => ({ code, label: labelOf(code) })),
      activities: of('activity')
        .map((r) => ({ code: r.key, count: r.count }))
        .sort((a, b) => b.count - a.count),
      rooms: of('room')
        .map((r) => ({ code: r.key, count: r.count }))
        .sort((a, b) => b.count - a.count),
      reimbursed: { yes: reimbursed.get('true') ?? 0, no: reimbursed.get('false') ?? 0 },
      inShowroom: of('showroom')[0]?.count ?? 0,
    },
    canManage: actor.permissions.has('catalogue.manage'),
  };
}
