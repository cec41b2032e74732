import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { AuditEntry, AuditPage as AuditPageData } from '#src/modules/platform/api/audit.schema.ts';
import type { MemberList } from '#src/modules/platform/api/member.schema.ts';

const t = messages.auditPage;
const filterNames = ['userId', 'personId', 'from', 'to', 'action'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

const queryOf = (filters: Filters) => new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim() !== ''));

/** Search the workspace's audit log; filters live in the address so a search can be shared or revisited. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Filters;
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const { state: members } = useApi<MemberList>('/api/users');

  const load = async (filters: Filters, before?: number) => {
    const query = queryOf(filters);
    if (before) query.set('before', String(before));
    const page = await api<AuditPageData>(`/api/audit?${query}`);
    setRows((previous) => (before && previous ? [...previous, ...page.items] : page.items));
    setNextBefore(page.nextBefore);
  };

  const [loadError, setLoadError] = useState<string | null>(null);
  // The page opens on the newest events matching the filters in its address.
  useEffect(() => {
    // The state is set when the response arrives, not synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    load(current).catch((error: unknown) =>
      setLoadError(error instanceof ApiError ? error.message : messages.errors.internal),
    );
    // Only on arrival: later searches go through the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const form = useForm({
    initial: current,
    submit: async (values) => {
      await load(values);
      setParams(queryOf(values), { replace: true });
    },
  });

  const userOptions = [
    { value: '', label: t.anyUser },
    ...(members.status === 'ready'
      ? members.data.items.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))
      : []),
  ];
  const exportQuery = queryOf(form.values).toString();

  return (
    <Page title={t.title} lead={t.lead}>
      <form onSubmit={form.onSubmit} noValidate className="form form--inline panel" aria-label={t.filters}>
        <ErrorSummary
          form={form}
          labels={{ userId: t.user, personId: t.person, from: t.from, to: t.to, action: t.action }}
        />
        <SelectField form={form} name="userId" label={t.user} options={userOptions} />
        <TextField form={form} name="personId" label={t.person} hint={t.personHint} maxLength={36} />
        <TextField form={form} name="from" label={t.from} type="date" />
        <TextField form={form} name="to" label={t.to} type="date" />
        <TextField form={form} name="action" label={t.action} hint={t.actionHint} maxLength={101} />
        <SubmitButton submitting={form.submitting}>{t.apply}</SubmitButton>{' '}
        <a className="button" href={`/api/audit/export.csv${exportQuery ? `?${exportQuery}` : ''}`} download>
          {t.export}
        </a>
      </form>
      {loadError && <Alert kind="error">{loadError}</Alert>}
      {rows && (
        <section aria-live="polite">
          <p role="status">{rows.length === 0 ? t.empty : t.count(rows.length, nextBefore !== null)}</p>
          {rows.length > 0 && (
            <table>
              <caption className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columns.at}</th>
                  <th scope="col">{t.columns.actor}</th>
                  <th scope="col">{t.columns.action}</th>
                  <th scope="col">{t.columns.entity}</th>
                  <th scope="col">{t.columns.person}</th>
                  <th scope="col">{t.columns.fields}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.seq}>
                    <td>{formatDateTime(row.at)}</td>
                    <td>{row.actor ? (row.actor.name ?? row.actor.email ?? row.actor.id) : t.systemActor}</td>
                    <td>
                      <code>{row.action}</code>
                    </td>
                    <td>
                      {row.entityType}
                      {row.entityId ? ` ${row.entityId}` : ''}
                    </td>
                    <td>{row.personId ?? '—'}</td>
                    <td>{row.changedFields.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {nextBefore !== null && (
            <p>
              <button type="button" className="button" onClick={() => void load(current, nextBefore)}>
                {t.more}
              </button>
            </p>
          )}
        </section>
      )}
    </Page>
  );
}
