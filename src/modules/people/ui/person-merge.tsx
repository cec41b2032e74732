import { useState, type FormEvent } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDate } from '#src/shared/ui/page.tsx';
import type { PersonFile, PersonSummary } from '#src/modules/people/api/person.schema.ts';

const t = messages.people.ui;
const nameOf = (p: PersonSummary) => `${p.firstName} ${p.lastName}`;

/** Find the duplicate among the files the user may see, confirm, and absorb it into this file. */
export function PersonMerge({ file, onMerged }: { file: PersonFile; onMerged: () => void }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const [confirming, setConfirming] = useState<PersonSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : messages.errors.internal);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (q.trim().length < 2) return;
    api<{ items: PersonSummary[] }>(`/api/people/search?${new URLSearchParams({ q: q.trim(), limit: '20' })}`)
      .then((data) => setResults(data.items.filter((p) => p.id !== file.id)))
      .catch(fail);
  };
  const merge = (duplicate: PersonSummary) => {
    api(`/api/people/${file.id}/merge`, { body: { duplicateId: duplicate.id } })
      .then(() => {
        setConfirming(null);
        setResults(null);
        setDone(true);
        onMerged();
      })
      .catch(fail);
  };
  return (
    <section aria-labelledby="section-merge" className="panel person-section">
      <h2 id="section-merge">{t.sections.merge}</h2>
      <p>{t.mergeHelp}</p>
      {done && <Alert kind="success">{t.mergeDone}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      <form role="search" onSubmit={search} className="person-merge-search">
        <label htmlFor="merge-search">{t.mergeSearch}</label>
        <input id="merge-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        <button type="submit" className="button button--secondary">
          {messages.app.search}
        </button>
      </form>
      {results && (
        <>
          <p role="status">{messages.people.searchResults(results.length)}</p>
          <ul className="person-items">
            {results.map((p) => (
              <li key={p.id}>
                <strong>{nameOf(p)}</strong>
                {p.birthDate && ` — ${formatDate(p.birthDate)}`}{' '}
                {confirming?.id === p.id ? (
                  <>
                    <button type="button" className="button button--primary" onClick={() => merge(p)}>
                      {t.mergeConfirm(nameOf(p))}
                    </button>{' '}
                    <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                      {t.cancel}
                    </button>
                  </>
                ) : (
                  <button type="button" className="button button--secondary" onClick={() => setConfirming(p)}>
                    {t.mergeCandidate(nameOf(p))}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
