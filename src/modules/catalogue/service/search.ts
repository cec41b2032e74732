import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { RecentMap } from '#src/shared/recent-map.ts';
import type { SearchQuery, SearchResult } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { formatIsoCode, isoAncestors, isoClasses, isoClassLabelOf } from '#src/modules/catalogue/domain/iso.ts';
import { buildSearchIndex, type CatalogueSearchIndex } from '#src/modules/catalogue/domain/search-index.ts';
import { searchWords } from '#src/modules/catalogue/domain/search-words.ts';
import { loadSearchSnapshot, searchRevision } from '#src/modules/catalogue/repo/search.repo.ts';

type Indexed = { revision: number; index: CatalogueSearchIndex; isoLabels: Map<string, string> };

/**
 * The search index of each workspace's catalogue, kept in memory: a catalogue of a few thousand products is
 * read far more than it is written, and matching words with typos and counting facets in SQL cost tens of
 * milliseconds a search. Each search first reads the catalogue's revision (one key look-up), so a change made
 * through any process is seen by the next search; the index is then rebuilt once, shared by concurrent searches.
 */
const indexes = new RecentMap<string, Promise<Indexed>>(32);

async function currentIndex(db: Db, workspaceId: string): Promise<Indexed> {
  const revision = await searchRevision(db, workspaceId);
  const kept = indexes.get(workspaceId);
  const indexed = kept && (await kept.catch(() => null));
  if (indexed && indexed.revision >= revision) return indexed;
  // Another search may have started the rebuild meanwhile: share it rather than build twice.
  if (indexes.get(workspaceId) !== kept) return currentIndex(db, workspaceId);
  const building = loadSearchSnapshot(db, workspaceId).then((snapshot) => ({
    revision: snapshot.revision,
    index: buildSearchIndex(snapshot.products),
    isoLabels: snapshot.isoLabels,
  }));
  indexes.set(workspaceId, building);
  building.catch(() => {
    if (indexes.get(workspaceId) === building) indexes.delete(workspaceId);
  });
  return building;
}

export async function searchCatalogue(db: Db, actor: Actor, q: SearchQuery): Promise<SearchResult> {
  const { index, isoLabels } = await currentIndex(db, actor.workspaceId);
  const { total, hits, facets } = index.search(
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
  const labelOf = (code: string) => (code.length === 2 ? isoClassLabelOf(code) : (isoLabels.get(code) ?? null));
  const byCountThenCode = (a: { code: string; count: number }, b: { code: string; count: number }) =>
    b.count - a.count || a.code.localeCompare(b.code);
  return {
    total,
    items: hits.map((hit) => ({ ...hit, isoCodeDisplay: formatIsoCode(hit.isoCode) })),
    facets: {
      // Every class is listed, even with no product, so the tree keeps its shape.
      isoClasses: isoClasses.map((c) => ({ code: c.code, label: c.label, count: facets.classes.get(c.code) ?? 0 })),
      isoChildren: [...facets.children]
        .map(([code, count]) => ({ code, label: labelOf(code), count }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      isoPath: (q.iso ? isoAncestors(q.iso) : []).map((code) => ({ code, label: labelOf(code) })),
      activities: [...facets.activities].map(([code, count]) => ({ code, count })).sort(byCountThenCode),
      rooms: [...facets.rooms].map(([code, count]) => ({ code, count })).sort(byCountThenCode),
      reimbursed: facets.reimbursed,
      inShowroom: facets.inShowroom,
    },
    canManage: actor.permissions.has('catalogue.manage'),
  };
}
