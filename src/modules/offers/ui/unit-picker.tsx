import { useEffect, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { FieldLayout, SelectField, type FormState } from '#src/shared/ui/form.tsx';
import { formatDate } from '#src/shared/ui/page.tsx';
import type { OfferableUnit, OfferableUnitList } from '#src/modules/offers/api/offer.schema.ts';

const u = messages.offers.ui.unitPicker;
const statuses: Record<string, string> = messages.housing.statuses;
const SEARCH_DELAY_MS = 250;

/** "Les Tilleuls, logement B-12 — T2, rez-de-chaussée, Lomme, niveau N2 — Vacant": what tells units apart. */
export function unitChoiceLabel(c: OfferableUnit): string {
  const where = [c.typology, u.floor(c.floor), c.communeName, u.level(c.accessLevel)].filter(Boolean).join(', ');
  const status = statuses[c.status] ?? c.status;
  const when = c.availableFrom ? ` ${u.from(formatDate(c.availableFrom))}` : '';
  return `${c.programmeName}, ${u.unit(c.landlordUnitRef)} — ${where} — ${status}${when}`;
}

type Results = { query: string; list: OfferableUnitList } | { query: string; error: string };

/**
 * Choosing one of the units the user may offer: a search box narrows a plain select, which every screen
 * reader and the keyboard alone handle; the unit chosen stays chosen while the words change.
 */
export function UnitPicker<T extends Record<string, string>>({
  form,
  name,
}: {
  form: FormState<T>;
  name: keyof T & string;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [chosen, setChosen] = useState<OfferableUnit | null>(null);
  const value = form.values[name] ?? '';
  const trimmed = query.trim();
  // The unit the form came with (from a unit's page) is listed first on the first search.
  const [initialId] = useState(value);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<OfferableUnitList>(`/api/offer-units?${new URLSearchParams({ q: trimmed, unitId: initialId })}`, {
        signal: controller.signal,
      })
        .then((list) => setResults({ query: trimmed, list }))
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setResults({ query: trimmed, error: e instanceof ApiError ? e.message : messages.errors.internal });
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, initialId]);

  const current = results?.query === trimmed ? results : null;
  const items = current && 'list' in current ? current.list.items : [];
  const shown = chosen && chosen.id === value && !items.some((i) => i.id === value) ? [chosen, ...items] : items;
  const status = !current
    ? messages.app.loading
    : 'error' in current
      ? current.error
      : u.results(current.list.total, items.length);
  const searchId = form.idFor(`${name}-search`);

  return (
    <div className="offers-unit-picker">
      <FieldLayout id={searchId} label={u.search} hint={u.searchHint} error={undefined}>
        {(control) => (
          <input
            {...control}
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
            // Enter searches as typing does: it must not send the whole form from the search box.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
        )}
      </FieldLayout>
      <p className="offers-unit-picker__status" role="status">
        {status}
      </p>
      <SelectField
        form={{
          ...form,
          setValue: (field, id) => {
            setChosen(shown.find((i) => i.id === id) ?? null);
            form.setValue(field, id);
          },
        }}
        name={name}
        label={u.label}
        required
        options={[{ value: '', label: u.choose }, ...shown.map((c) => ({ value: c.id, label: unitChoiceLabel(c) }))]}
      />
    </div>
  );
}
