import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { referralStatuses, referralUrgencies, type ReferralList } from '#src/modules/referrals/api/referral.schema.ts';
import { entryChannels } from '#src/shared/vocabulary/entry-channels.ts';

const t = messages.referrals;
const filterNames = ['channel', 'urgency', 'status', 'q'] as const;
type Filters = Record<(typeof filterNames)[number], string>;
const PAGE = 50;

const queryOf = (filters: Partial<Filters>) =>
  new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined && v.trim() !== ''));

const optionsOf = (values: readonly string[], labels: Record<string, string>, any: string) => [
  { value: '', label: any },
  ...values.map((v) => ({ value: v, label: labels[v] ?? v })),
];

/**
 * The triage queue for reception and the housing service; for a signaller (landlord, home help)
 * the same address lists only the referrals they raised. Filters live in the address.
 */
export function ReferralsPage() {
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Filters;
  const limit = Number(params.get('limit')) || PAGE;
  const query = queryOf(current);
  query.set('limit', String(limit));
  const { state } = useApi<ReferralList>(`/api/referrals?${query}`);
  const form = useForm({
    initial: current,
    submit: async (values) => setParams(queryOf(values)),
  });

  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={t.queueTitle}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const { items, total, canTriage } = state.data;
  const more = () => {
    const next = queryOf(current);
    next.set('limit', String(limit + PAGE));
    setParams(next, { replace: true });
  };
  return (
    <Page title={canTriage ? t.queueTitle : t.ownTitle} lead={canTriage ? t.queueLead : t.ownLead}>
      <p>
        <Link className="button" to="/signalements/nouveau">
          {t.newReferral}
        </Link>
      </p>
      {canTriage && (
        <form onSubmit={form.onSubmit} noValidate className="form form--inline panel" aria-label={t.filters}>
          <ErrorSummary
            form={form}
            labels={{ channel: t.filterChannel, urgency: t.filterUrgency, status: t.filterStatus, q: t.filterText }}
          />
          <SelectField
            form={form}
            name="channel"
            label={t.filterChannel}
            options={optionsOf(entryChannels, messages.entryChannels, t.anyChannel)}
          />
          <SelectField
            form={form}
            name="urgency"
            label={t.filterUrgency}
            options={optionsOf(referralUrgencies, t.urgencies, t.anyUrgency)}
          />
          <SelectField
            form={form}
            name="status"
            label={t.filterStatus}
            options={optionsOf(referralStatuses, t.statuses, t.anyStatus)}
          />
          <TextField form={form} name="q" label={t.filterText} hint={t.filterTextHint} type="search" maxLength={100} />
          <SubmitButton submitting={form.submitting}>{t.apply}</SubmitButton>
        </form>
      )}
      <section aria-live="polite">
        <p role="status">
          {t.count(total)}
          {items.length < total && ` — ${t.morePages(items.length, total)}`}
        </p>
        {items.length > 0 && (
          <table>
            <caption className="visually-hidden">{canTriage ? t.queueTitle : t.ownTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.receivedAt}</th>
                <th scope="col">{t.columns.person}</th>
                <th scope="col">{t.columns.channel}</th>
                <th scope="col">{t.columns.urgency}</th>
                <th scope="col">{t.columns.status}</th>
                {canTriage && <th scope="col">{t.columns.raisedBy}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.receivedAt)}</td>
                  <td>
                    <Link to={`/signalements/${r.id}`}>{r.subjectName ?? t.unnamed}</Link>
                  </td>
                  <td>{messages.entryChannels[r.channel] ?? r.channel}</td>
                  <td className={`urgency--${r.urgency}`}>{t.urgencies[r.urgency] ?? r.urgency}</td>
                  <td>{t.statuses[r.status] ?? r.status}</td>
                  {canTriage && (
                    <td>
                      {r.raisedByName} ({r.raisedByOrganizationName})
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {items.length < total && (
          <p>
            <button type="button" className="button" onClick={more}>
              {t.showMore}
            </button>
          </p>
        )}
      </section>
    </Page>
  );
}
