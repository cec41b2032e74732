import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  activityCodes,
  formatIsoCode,
  roomCodes,
  type SearchResult,
} from '#src/modules/catalogue/api/catalogue.schema.ts';
import { formatEuros } from '#src/modules/catalogue/ui/format.ts';

const t = messages.catalogue;
const filterKeys = ['q', 'iso', 'activity', 'room', 'minPrice', 'maxPrice', 'reimbursed', 'inShowroom'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

/** The catalogue search: words, ISO class tree, activity, room, price, reimbursement, showroom; facets with counts. */
export function CatalogueSearchPage() {
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(current);
  const [limit, setLimit] = useState(25);
  const query = new URLSearchParams(
    Object.entries({ ...current, limit: String(limit) }).filter(([, value]) => value !== ''),
  );
  const { state } = useApi<SearchResult>(`/api/catalogue/search?${query}`);

  const apply = (next: Partial<Filters>) => {
    const merged = { ...current, ...next };
    setDraft(merged);
    setLimit(25);
    setParams(new URLSearchParams(Object.entries(merged).filter(([, value]) => value !== '')));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const field = (name: keyof Filters) => ({
    id: `catalogue-${name}`,
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });
  const facets = state.status === 'ready' ? state.data.facets : null;
  const countOf = (list: { code: string; count: number }[] | undefined, code: string) =>
    list?.find((f) => f.code === code)?.count ?? 0;

  return (
    <Page title={t.search.title} lead={t.search.intro}>
      {state.status === 'ready' && state.data.canManage && (
        <p className="actions">
          <Link className="button" to="/catalogue/produits/nouveau">
            {t.search.newProduct}
          </Link>
          <Link className="button" to="/catalogue/produits/import">
            {t.search.importProducts}
          </Link>
          <Link className="button" to="/catalogue/distributeurs">
            {t.search.distributors}
          </Link>
          <Link className="button" to="/catalogue/iso">
            {t.search.isoImport}
          </Link>
        </p>
      )}
      <div className="catalogue-search">
        <form className="catalogue-search__filters" onSubmit={onSubmit} role="search" aria-label={t.search.filters}>
          <div className="field">
            <label htmlFor="catalogue-q">{t.search.words}</label>
            <p className="field__hint" id="catalogue-q-hint">
              {t.search.wordsHint}
            </p>
            <input type="search" aria-describedby="catalogue-q-hint" {...field('q')} />
          </div>
          <div className="field">
            <label htmlFor="catalogue-iso">{t.search.isoClass}</label>
            <select {...field('iso')}>
              <option value="">{t.search.any}</option>
              {facets?.isoClasses.map((c) => (
                <option key={c.code} value={c.code}>
                  {t.search.facetCount(`${c.code} — ${c.label ?? ''}`, c.count)}
                </option>
              ))}
              {facets?.isoPath
                .filter((p) => p.code.length > 2)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {`${formatIsoCode(p.code)} — ${p.label ?? ''}`}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="catalogue-activity">{t.search.activity}</label>
            <select {...field('activity')}>
              <option value="">{t.search.any}</option>
              {activityCodes.map((code) => (
                <option key={code} value={code}>
                  {t.search.facetCount(t.activities[code], countOf(facets?.activities, code))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="catalogue-room">{t.search.room}</label>
            <select {...field('room')}>
              <option value="">{t.search.any}</option>
              {roomCodes.map((code) => (
                <option key={code} value={code}>
                  {t.search.facetCount(t.rooms[code], countOf(facets?.rooms, code))}
                </option>
              ))}
            </select>
          </div>
          <div className="catalogue-search__prices">
            <div className="field">
              <label htmlFor="catalogue-minPrice">{t.search.minPrice}</label>
              <input inputMode="decimal" {...field('minPrice')} />
            </div>
            <div className="field">
              <label htmlFor="catalogue-maxPrice">{t.search.maxPrice}</label>
              <input inputMode="decimal" {...field('maxPrice')} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="catalogue-reimbursed">{t.search.reimbursed}</label>
            <select {...field('reimbursed')}>
              <option value="">{t.search.any}</option>
              <option value="yes">{t.search.facetCount(t.search.reimbursedYes, facets?.reimbursed.yes ?? 0)}</option>
              <option value="no">{t.search.facetCount(t.search.reimbursedNo, facets?.reimbursed.no ?? 0)}</option>
            </select>
          </div>
          <div className="checkbox">
            <input
              type="checkbox"
              id="catalogue-inShowroom"
              checked={draft.inShowroom === 'true'}
              onChange={(e) => setDraft((d) => ({ ...d, inShowroom: e.target.checked ? 'true' : '' }))}
            />
            <label htmlFor="catalogue-inShowroom">
              {t.search.facetCount(t.search.inShowroom, facets?.inShowroom ?? 0)}
            </label>
          </div>
          <p className="actions">
            <button type="submit" className="button button--primary">
              {t.search.submit}
            </button>
            <button type="button" className="button" onClick={() => apply(emptyFilters)}>
              {t.search.reset}
            </button>
          </p>
        </form>
        <section className="catalogue-search__results" aria-labelledby="catalogue-results-title">
          {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
          {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
          {state.status === 'ready' && (
            <>
              <h2 id="catalogue-results-title" aria-live="polite">
                {t.search.results(state.data.total)}
              </h2>
              {state.data.facets.isoChildren.length > 0 && (
                <nav aria-label={t.search.isoClass}>
                  <ul className="catalogue-facets">
                    {state.data.facets.isoChildren.map((c) => (
                      <li key={c.code}>
                        <button type="button" className="button button--link" onClick={() => apply({ iso: c.code })}>
                          {t.search.facetCount(`${formatIsoCode(c.code)} ${c.label ?? ''}`, c.count)}
                        </button>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
              {state.data.items.length > 0 && (
                <div className="table-scroll">
                  <table>
                    <caption>{t.search.caption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.search.colName}</th>
                        <th scope="col">{t.search.colIso}</th>
                        <th scope="col">{t.search.colPrice}</th>
                        <th scope="col">{t.search.colLpp}</th>
                        <th scope="col">{t.search.colShowroom}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {state.data.items.map((p) => (
                        <tr key={p.id}>
                          <th scope="row">
                            <Link to={`/catalogue/produits/${p.id}`}>{p.name}</Link>
                            {p.manufacturer && <span className="catalogue-muted"> — {p.manufacturer}</span>}
                          </th>
                          <td className="catalogue-code">{p.isoCodeDisplay}</td>
                          <td>{p.averagePriceCents === null ? '—' : formatEuros(p.averagePriceCents)}</td>
                          <td>{p.lppCode ?? '—'}</td>
                          <td>{p.inShowroom ? t.search.inShowroomYes : t.search.inShowroomNo}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {state.data.total > state.data.items.length && (
                <p>
                  <button type="button" className="button" onClick={() => setLimit((n) => Math.min(n + 25, 100))}>
                    {t.search.more}
                  </button>
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

const emptyFilters = Object.fromEntries(filterKeys.map((k) => [k, ''])) as Filters;
