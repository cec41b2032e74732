import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';

/** The header search: a plain search form, usable with any assistive technology and the keyboard. */
export function PersonSearchBox() {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim().length >= 2) void navigate(`/personnes?${new URLSearchParams({ q: q.trim() })}`);
  };
  return (
    <form role="search" className="header-search" onSubmit={submit}>
      <label htmlFor="header-search-input" className="visually-hidden">
        {messages.people.searchLabel}
      </label>
      <input
        id="header-search-input"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={messages.people.searchPlaceholder}
        minLength={2}
        autoComplete="off"
      />
      <button type="submit" className="button">
        {messages.app.search}
      </button>
    </form>
  );
}
