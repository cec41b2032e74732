import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import type { FormState } from '#src/shared/ui/form.tsx';
import type { CommuneView } from '#src/modules/platform/api/commune.schema.ts';
import './user-admin.css';

const t = messages.communes;
const SEARCH_DELAY_MS = 250;

/** "Lomme (59) — commune associée de Lille": enough to tell homonyms apart. */
export function communeLabel(c: CommuneView): string {
  const where = c.postalCodes.length === 1 ? c.postalCodes[0] : c.departement;
  const part = c.chefLieuName ? ` — ${t.partOf(t.typeLabel[c.type] ?? c.type, c.chefLieuName)}` : '';
  return `${c.name} (${where})${part}`;
}

type Values = Record<string, string>;
type Results = { query: string; items: CommuneView[] } | { query: string; error: string };

/**
 * Choosing a commune from the official list: a search box and a list of buttons, one per match.
 * No ARIA combobox: plain buttons work with every screen reader and with the keyboard alone
 * (Enter or ↓ moves into the list, ↑/↓ move between communes, Escape returns to the box).
 */
export function CommuneField<T extends Values>({
  form,
  name,
  label,
  initialLabel,
}: {
  form: FormState<T>;
  name: keyof T & string;
  label: string;
  /** How to show the commune already stored, when editing. */
  initialLabel?: string | null;
}) {
  const { values, setValue, fieldErrors, idFor } = form;
  const id = idFor(name);
  const code = values[name] ?? '';
  const error = fieldErrors[name];
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [chosenLabel, setChosenLabel] = useState<string | null>(initialLabel ?? null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const chosenRef = useRef<HTMLParagraphElement>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<{ items: CommuneView[] }>(`/api/communes?${new URLSearchParams({ q: trimmed })}`, {
        signal: controller.signal,
      })
        .then((data) => setResults({ query: trimmed, items: data.items }))
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setResults({ query: trimmed, error: e instanceof ApiError ? e.message : messages.errors.internal });
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  // Results belong to the query they answered; older ones are never shown for a newer query.
  const current = results && results.query === trimmed && trimmed.length >= 2 ? results : null;
  const items = current && 'items' in current ? current.items : [];
  const status =
    trimmed.length === 0
      ? ''
      : trimmed.length < 2
        ? t.tooShort
        : !current
          ? messages.app.loading
          : 'error' in current
            ? current.error
            : t.results(items.length);

  const buttons = () => [...(listRef.current?.querySelectorAll('button') ?? [])];
  const choose = (commune: CommuneView) => {
    setValue(name, commune.code);
    setChosenLabel(communeLabel(commune));
    setQuery('');
    // Announce the choice and keep the keyboard user next to it.
    requestAnimationFrame(() => chosenRef.current?.focus());
  };
  const clear = () => {
    setValue(name, '');
    setChosenLabel(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      // Enter must not submit the whole form from the search box.
      event.preventDefault();
      buttons()[0]?.focus();
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      all[Math.min(all.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      inputRef.current?.focus();
    }
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null, code ? `${id}-chosen` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {t.hint}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {code ? (
        <p className="commune-chosen" id={`${id}-chosen`} tabIndex={-1} ref={chosenRef}>
          <span>
            {t.chosen} <strong>{chosenLabel ?? code}</strong> — {code}
          </span>
          <button type="button" className="button button--link" onClick={clear}>
            {t.clear}
          </button>
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onInputKey}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-controls={`${id}-results`}
      />
      <p className="commune-status" role="status">
        {status}
      </p>
      <ul
        ref={listRef}
        className="commune-results"
        id={`${id}-results`}
        aria-label={t.resultsTitle}
        onKeyDown={onListKey}
      >
        {items.map((c) => (
          <li key={`${c.code}-${c.type}`}>
            <button type="button" onClick={() => choose(c)}>
              {communeLabel(c)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
