import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { isoCodes, products, showroomItems } from '#src/modules/catalogue/db/schema.ts';
import { availableLocations } from '#src/modules/catalogue/domain/vocabulary.ts';

export type SearchFilters = {
  /** Accent-free, lower-case words, each of which must match (exactly or by trigram similarity). */
  words: string[];
  iso: string | null;
  activity: string | null;
  room: string | null;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  reimbursed: boolean | null;
  inShowroom: boolean | null;
};

export type SearchRow = {
  id: string;
  name: string;
  manufacturer: string | null;
  isoCode: string;
  averagePriceCents: number | null;
  lppCode: string | null;
  inShowroom: boolean;
};

export type FacetRow = { facet: string; key: string; count: number };

const trueSql = sql`true`;
const all = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` and `) : trueSql);

/**
 * The matching products, one page, and the facet counts. A facet counts the products matching every filter but
 * its own, so choosing a value never hides the other values of that facet. The order is relevance then the
 * name (French collation): the catalogue has no commercial field to sort by.
 */
export async function searchProducts(
  db: Db,
  workspaceId: string,
  f: SearchFilters,
  page: { limit: number; offset: number },
) {
  // One index scan per branch, joined by union: written as an OR, the planner costs word_similarity as cheap and
  // scans the whole table, computing it on every product (over 100 ms at 3,000 products instead of a few).
  const wordMatches = f.words.map(
    (w) => sql`p.id in (select s.id from ${products} s where s.workspace_id = ${workspaceId}
      and s.search_text like '%' || ${w} || '%'
      union select s.id from ${products} s where s.workspace_id = ${workspaceId} and ${w} <% s.search_text)`,
  );
  // Ranked only in the page query, on the rows left after every filter: word_similarity on the long search text is
  // the costliest part of a search, and the facets do not need it.
  const relevance = f.words.length
    ? sql`${sql.join(
        f.words.map((w) => sql`word_similarity(${w}, m.search_name) * 2 + word_similarity(${w}, m.search_text)`),
        sql` + `,
      )} desc,`
    : sql``;
  const showroomSql = sql`exists (select 1 from ${showroomItems} i where i.workspace_id = p.workspace_id
      and i.product_id = p.id and i.location in (${sql.join(
        availableLocations.map((l) => sql`${l}`),
        sql`, `,
      )}) and i.state <> 'out_of_service')`;
  // Each facet's own filter, so the facet query can leave it out.
  const own = {
    iso: f.iso ? sql`exists (select 1 from unnest(m.codes) c where c like ${f.iso + '%'})` : trueSql,
    activity: f.activity ? sql`${f.activity} = any(m.activities)` : trueSql,
    room: f.room ? sql`${f.room} = any(m.rooms)` : trueSql,
    price: all([
      ...(f.minPriceCents !== null ? [sql`m.price >= ${f.minPriceCents}`] : []),
      ...(f.maxPriceCents !== null ? [sql`m.price <= ${f.maxPriceCents}`] : []),
    ]),
    reimbursed: f.reimbursed === null ? trueSql : f.reimbursed ? sql`m.reimbursed` : sql`not m.reimbursed`,
    showroom: f.inShowroom === null ? trueSql : f.inShowroom ? sql`m.in_showroom` : sql`not m.in_showroom`,
  };
  type Own = keyof typeof own;
  const allBut = (...skip: Own[]) =>
    all((Object.keys(own) as Own[]).filter((k) => !skip.includes(k)).map((k) => own[k]));
  const matches = sql`with m as materialized (
      select p.id, p.name, p.manufacturer, p.primary_iso_code as iso_code,
        array[p.primary_iso_code] || p.secondary_iso_codes as codes,
        p.activities, p.rooms, p.average_price_cents as price, p.lpp_code,
        p.lpp_code is not null as reimbursed, ${showroomSql} as in_showroom, p.search_name, p.search_text
      from ${products} p
      where p.workspace_id = ${workspaceId} and ${all(wordMatches)}
    )`;
  const childLength = (f.iso?.length ?? 0) + 2;
  const [page_, facets] = await Promise.all([
    db.execute(sql`${matches}
      select m.id, m.name, m.manufacturer, m.iso_code as "isoCode", m.price as "averagePriceCents",
        m.lpp_code as "lppCode", m.in_showroom as "inShowroom"
      from m where ${allBut()}
      order by ${relevance} m.name collate fr_icu, m.id
      limit ${page.limit} offset ${page.offset}`),
    db.execute(sql`${matches}
      select 'class' as facet, c.code as key, count(distinct m.id)::int as count
        from m cross join lateral (select distinct left(x, 2) as code from unnest(m.codes) x) c
        where ${allBut('iso')} group by c.code
      ${
        f.iso && f.iso.length < 6
          ? sql`union all select 'child', c.code, count(distinct m.id)::int
        from m cross join lateral (select distinct left(x, ${childLength}) as code from unnest(m.codes) x
          where x like ${f.iso + '%'}) c
        where ${allBut()} group by c.code`
          : sql``
      }
      union all select 'activity', a, count(*)::int from m, unnest(m.activities) a where ${allBut('activity')} group by a
      union all select 'room', r, count(*)::int from m, unnest(m.rooms) r where ${allBut('room')} group by r
      union all select 'reimbursed', m.reimbursed::text, count(*)::int from m where ${allBut('reimbursed')}
        group by m.reimbursed
      union all select 'showroom', 'true', count(*)::int from m where ${allBut('showroom')} and m.in_showroom
      union all select 'total', '', count(*)::int from m where ${allBut()}`),
  ]);
  const rows = (page_ as { rows: SearchRow[] }).rows;
  const facetRows = (facets as { rows: FacetRow[] }).rows;
  const total = facetRows.find((r) => r.facet === 'total')?.count ?? 0;
  return { total, rows, facets: facetRows.filter((r) => r.facet !== 'total') };
}

/** The workspace's labels for these subclass and division codes. */
export async function isoLabels(db: Db, workspaceId: string, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const result = await db.execute(sql`select distinct on (code) code, label from ${isoCodes}
    where workspace_id = ${workspaceId} and code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )}) order by code, edition desc`);
  return new Map((result as { rows: { code: string; label: string }[] }).rows.map((r) => [r.code, r.label]));
}
