import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { Distributor } from '#src/modules/catalogue/api/catalogue.schema.ts';

const t = messages.catalogue.distributors;
const empty = { name: '', isLocal: '', addressLine: '', postalCode: '', city: '', phone: '', email: '', website: '' };
type Values = typeof empty;

/** The distributors of the catalogue, local ones flagged, and the form to add or change one. */
export function DistributorsPage() {
  const { state, reload } = useApi<{ items: Distributor[] }>('/api/catalogue/distributors');
  const [editing, setEditing] = useState<Distributor | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t.title}>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {saved && <Alert kind="success">{t.saved}</Alert>}
      {state.status === 'ready' && (
        <div className="table-scroll">
          <table>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.local}</th>
                <th scope="col">{t.addressLine}</th>
                <th scope="col">{t.phone}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.edit('')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  <td>{d.isLocal ? t.yes : t.no}</td>
                  <td>{[d.addressLine, d.postalCode, d.city].filter(Boolean).join(' ')}</td>
                  <td>{d.phone ?? '—'}</td>
                  <td>
                    <button type="button" className="button button--link" onClick={() => setEditing(d)}>
                      {t.edit(d.name)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DistributorForm
        key={editing?.id ?? 'new'}
        distributor={editing}
        onSaved={() => {
          setSaved(true);
          setEditing(null);
          reload();
        }}
      />
    </Page>
  );
}

function DistributorForm({ distributor, onSaved }: { distributor: Distributor | null; onSaved: () => void }) {
  const form = useForm<Values>({
    initial: distributor
      ? {
          name: distributor.name,
          isLocal: distributor.isLocal ? 'true' : '',
          addressLine: distributor.addressLine ?? '',
          postalCode: distributor.postalCode ?? '',
          city: distributor.city ?? '',
          phone: distributor.phone ?? '',
          email: distributor.email ?? '',
          website: distributor.website ?? '',
        }
      : empty,
    submit: async (values) => {
      const body = { ...values, isLocal: values.isLocal === 'true' };
      if (distributor) await api(`/api/catalogue/distributors/${distributor.id}`, { method: 'PUT', body });
      else await api('/api/catalogue/distributors', { body });
      onSaved();
    },
  });
  const labels = {
    name: t.name,
    isLocal: t.isLocal,
    addressLine: t.addressLine,
    postalCode: t.postalCode,
    city: t.city,
    phone: t.phone,
    email: t.email,
    website: t.website,
  };
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="distributor-form-title">
      <h2 id="distributor-form-title">{distributor ? t.edit(distributor.name) : t.add}</h2>
      <ErrorSummary form={form} labels={labels} />
      <TextField form={form} name="name" label={t.name} required />
      <div className="checkbox">
        <input
          type="checkbox"
          id={form.idFor('isLocal')}
          checked={form.values.isLocal === 'true'}
          onChange={(e) => form.setValue('isLocal', e.target.checked ? 'true' : '')}
        />
        <label htmlFor={form.idFor('isLocal')}>{t.isLocal}</label>
      </div>
      <TextField form={form} name="addressLine" label={t.addressLine} autoComplete="off" />
      <TextField form={form} name="postalCode" label={t.postalCode} inputMode="numeric" />
      <TextField form={form} name="city" label={t.city} />
      <TextField form={form} name="phone" label={t.phone} type="tel" />
      <TextField form={form} name="email" label={t.email} type="email" />
      <TextField form={form} name="website" label={t.website} />
      <SubmitButton submitting={form.submitting}>{messages.app.save}</SubmitButton>
    </form>
  );
}
