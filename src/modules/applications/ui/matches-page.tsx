import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  typologies,
  verdicts,
  type MatchesView,
  type UnitMatchView,
} from '#src/modules/applications/api/application.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const t = messages.applications;
const PAGE = 30;

/** The units ranked for one application, each hard constraint and each weighted criterion explained. */
export function MatchesPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const [limit, setLimit] = useState(PAGE);
  const query = new URLSearchParams(params);
  query.set('limit', String(limit));
  const { state } = useApi<MatchesView>(`/api/housing-applications/${id}/matches?${query.toString()}`);
  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['verdict', 'commune', 'typology']) {
      const raw = data.get(key);
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (value) next.set(key, value);
    }
    setLimit(PAGE);
    setParams(next);
  };
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') return <Alert kind="error">{state.error.message}</Alert>;
  const view = state.data;
  return (
    <Page title={t.ui.matchesTitle(view.application.personName)} lead={t.ui.matchesLead}>
      <p>
        <Link to={`/demandes-logement/${view.application.id}`}>{t.ui.detailTitle(view.application.personName)}</Link>
      </p>
      <details className="matches-method">
        <summary>{t.ui.methodTitle}</summary>
        <p>{view.walkingMethod}</p>
      </details>
      <form className="matches-filters" onSubmit={applyFilters} aria-label={t.ui.filters}>
        <div className="field">
          <label htmlFor="filter-verdict">{t.ui.verdictFilter}</label>
          <select id="filter-verdict" name="verdict" defaultValue={params.get('verdict') ?? ''}>
            <option value="">{t.ui.all}</option>
            {verdicts.map((v) => (
              <option key={v} value={v}>
                {t.verdict[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-commune">{t.ui.communeFilter}</label>
          <input id="filter-commune" name="commune" defaultValue={params.get('commune') ?? ''} maxLength={5} />
        </div>
        <div className="field">
          <label htmlFor="filter-typology">{t.ui.typologyFilter}</label>
          <select id="filter-typology" name="typology" defaultValue={params.get('typology') ?? ''}>
            <option value="">{t.ui.all}</option>
            {typologies.map((ty) => (
              <option key={ty} value={ty}>
                {ty}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t.ui.apply}
        </button>
      </form>
      <h2>{t.ui.counts}</h2>
      <ul className="matches-counts">
        {verdicts.map((v) => (
          <li key={v}>
            <span className={`verdict verdict--${v}`}>{t.verdict[v]}</span> : {view.counts[v]}
          </li>
        ))}
      </ul>
      <p role="status">{t.ui.shown(view.items.length, view.total)}</p>
      <ol className="matches-list">
        {view.items.map((m) => (
          <li key={m.unit.id}>
            <UnitMatchCard match={m} />
          </li>
        ))}
      </ol>
      {view.items.length < view.total && (
        <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
          {messages.app.next}
        </button>
      )}
    </Page>
  );
}

function UnitMatchCard({ match: m }: { match: UnitMatchView }) {
  const u = m.unit;
  return (
    <article className="match-card">
      <h3>{t.ui.unitHeading(u.programmeName, u.landlordUnitRef, u.typology)}</h3>
      <p>
        <span className={`verdict verdict--${m.verdict}`}>{t.verdict[m.verdict]}</span>{' '}
        {m.score === null ? t.ui.noScore : t.ui.score(m.score)}
        {m.coverage !== null && ` — ${t.ui.coverage(Math.round(m.coverage * 100))}`}
      </p>
      <p>
        {t.ui.unitFacts(u.landlordName, u.communeName, u.floor)} —{' '}
        {u.monthlyCostEur === null ? t.ui.costUnknown : t.ui.cost(u.monthlyCostEur)}
        {u.availableFrom && ` — ${t.ui.availableFrom(formatDate(u.availableFrom))}`}
      </p>
      {m.constraints.length === 0 ? (
        <p>{t.ui.noConstraint}</p>
      ) : (
        <table>
          <caption>{t.ui.constraintsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.ui.colConstraint}</th>
              <th scope="col">{t.ui.colOutcome}</th>
              <th scope="col">{t.ui.colWhy}</th>
            </tr>
          </thead>
          <tbody>
            {m.constraints.map((c) => (
              <tr key={c.key}>
                <th scope="row">{t.constraint[c.key]}</th>
                <td>
                  <span className={`outcome outcome--${c.outcome}`}>{t.outcome[c.outcome]}</span>
                </td>
                <td>{c.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.contributions.length === 0 ? (
        <p>{t.ui.noPreference}</p>
      ) : (
        <table>
          <caption>{t.ui.contributionsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.ui.colCriterion}</th>
              <th scope="col">{t.ui.colWeight}</th>
              <th scope="col">{t.ui.colDetail}</th>
            </tr>
          </thead>
          <tbody>
            {m.contributions.map((c) => (
              <tr key={c.key}>
                <th scope="row">{t.preference[c.key]}</th>
                <td>{c.weight} / 5</td>
                <td>{c.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
