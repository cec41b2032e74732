import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { messages } from '#src/shared/i18n/fr.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { responseStatuses, type TemplateSummary } from '#src/modules/forms/api/form.schema.ts';
import { responseSearchQuerySchema, type ResponseSearchResult } from '#src/modules/forms/api/search.schema.ts';

const t = messages.forms.search;
const filterNames = ['q', 'template', 'status', 'from', 'to'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

/** The filled-in criteria, as the address and the API take them (an empty field means "any"). */
const queryOf = (filters: Filters, offset = 0) => {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim() !== ''));
  if (offset > 0) query.set('offset', String(offset));
  return query;
};

// The route's own check, on the fields the user filled in.
const filtersSchema = z.preprocess(
  (values) => Object.fromEntries(Object.entries(values as Filters).filter(([, v]) => v.trim() !== '')),
  responseSearchQuerySchema,
);

/** Search the answers of the forms of the persons the user follows; the criteria live in the address. */
export function FormSearchPage() {
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Filters;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const { state } = useApi<ResponseSearchResult>(`/api/form-responses/search?${queryOf(current, offset)}`);
  const { state: templates } = useApi<{ items: TemplateSummary[] }>('/api/form-templates');

  const form = useForm({
    initial: current,
    schema: filtersSchema,
    submit: async (values) => {
      setParams(queryOf(values));
    },
  });

  const templateOptions = [
    { value: '', label: t.anyTemplate },
    ...(templates.status === 'ready' ? templates.data.items.map((x) => ({ value: x.id, label: x.title })) : []),
  ];
  const statusOptions = [
    { value: '', label: t.anyStatus },
    ...responseStatuses.map((s) => ({ value: s, label: messages.forms.ui.statuses[s] })),
  ];
  // After moving to another page of results, focus goes to the line saying which ones are shown:
  // the button pressed may be gone, and a keyboard user continues from the new results.
  const rangeRef = useRef<HTMLParagraphElement>(null);
  const [paging, setPaging] = useState(false);
  const goTo = (next: number) => {
    setPaging(true);
    setParams(queryOf(current, next));
  };
  const shownOffset = state.status === 'ready' ? state.data.offset : null;
  useEffect(() => {
    if (!paging || shownOffset !== offset) return;
    rangeRef.current?.focus();
    // Reset once the new page is on screen and focused.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPaging(false);
  }, [paging, shownOffset, offset]);

  return (
    <Page title={t.title} lead={t.lead}>
      <form onSubmit={form.onSubmit} noValidate className="form form--inline panel" aria-label={t.filters}>
        <ErrorSummary
          form={form}
          labels={{ q: t.query, template: t.template, status: t.status, from: t.from, to: t.to }}
        />
        <TextField form={form} name="q" label={t.query} hint={t.queryHint} type="search" maxLength={100} />
        <SelectField form={form} name="template" label={t.template} options={templateOptions} />
        <SelectField form={form} name="status" label={t.status} options={statusOptions} />
        <TextField form={form} name="from" label={t.from} type="date" />
        <TextField form={form} name="to" label={t.to} type="date" />
        <SubmitButton submitting={form.submitting}>{t.submit}</SubmitButton>
      </form>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && <Results result={state.data} onPage={goTo} rangeRef={rangeRef} />}
    </Page>
  );
}

function Results({
  result,
  onPage,
  rangeRef,
}: {
  result: ResponseSearchResult;
  onPage: (offset: number) => void;
  rangeRef: React.RefObject<HTMLParagraphElement | null>;
}) {
  const { items, total, offset, limit } = result;
  if (items.length === 0) return <p role="status">{t.empty}</p>;
  const hasPrevious = offset > 0;
  const hasNext = offset + items.length < total;
  return (
    <section className="form-search">
      <p role="status" ref={rangeRef} tabIndex={-1}>
        {t.range(offset + 1, offset + items.length, total)}
      </p>
      <table>
        <caption>{t.caption(total)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.person}</th>
            <th scope="col">{t.template}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.excerpt}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((hit) => (
            <tr key={hit.id}>
              <td>{formatDate(hit.date)}</td>
              <td>{hit.personName}</td>
              <td>
                <Link to={`/personnes/${hit.personId}/formulaires/${hit.id}`}>
                  {hit.templateTitle}
                  <span className="visually-hidden">{t.openResponse(hit.personName)}</span>
                </Link>
              </td>
              <td>{messages.forms.ui.statuses[hit.status]}</td>
              <td>
                {hit.excerpt ? (
                  <>
                    <span className="form-search__question">{hit.excerpt.question}</span> : {hit.excerpt.answer}
                  </>
                ) : (
                  t.noExcerpt
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(hasPrevious || hasNext) && (
        <nav aria-label={t.pages} className="form-search__pages">
          {hasPrevious && (
            <button type="button" className="button" onClick={() => onPage(Math.max(0, offset - limit))}>
              {t.previous}
            </button>
          )}{' '}
          {hasNext && (
            <button type="button" className="button" onClick={() => onPage(offset + limit)}>
              {t.next}
            </button>
          )}
        </nav>
      )}
    </section>
  );
}
