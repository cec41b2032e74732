import { useId, useState, type FormEvent } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';

const u = messages.recommendations.ui;

/** What the catalogue's search answers for each product, as far as the picker shows it. */
export type FoundProduct = {
  id: string;
  name: string;
  isoCodeDisplay: string;
  averagePriceCents: number | null;
  lppCode: string | null;
};

/**
 * Finds catalogue products with the catalogue's search API and adds one to a group. A plain form
 * (type, Enter, then Tab through the results) so that it works with the keyboard and screen readers.
 */
export function ProductPicker({ groupTitle, onPick }: { groupTitle: string; onPick: (product: FoundProduct) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FoundProduct[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams({ q: query, limit: '10' });
    api<{ items: FoundProduct[] }>(`/api/catalogue/search?${params}`)
      .then((found) => {
        setResults(found.items);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : messages.errors.internal));
  };

  return (
    <div className="sheet-picker">
      {/* A nested <form> is invalid HTML: the search is a group of controls submitted with Enter or its button. */}
      <div role="search" className="form--inline">
        <div className={error ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-q`}>{u.pickerLabel(groupTitle)}</label>
          <p className="field__hint" id={`${id}-hint`}>
            {u.pickerHint}
          </p>
          {error && (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          )}
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') search(e);
            }}
          />
        </div>
        <button type="button" className="button" onClick={search}>
          {u.pickerSearch}
        </button>
      </div>
      <p role="status" className="sheet-picker__count">
        {results ? u.pickerResults(results.length) : ''}
      </p>
      {results && results.length > 0 && (
        <ul className="sheet-picker__results">
          {results.map((p) => (
            <li key={p.id}>
              <span>
                {p.name} — ISO {p.isoCodeDisplay}
              </span>{' '}
              <button type="button" className="button button--secondary" onClick={() => onPick(p)}>
                {u.pickerAdd(p.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
