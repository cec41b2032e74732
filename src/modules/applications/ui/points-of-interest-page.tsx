import { useState } from 'react';
import { poiKinds, type PoiView } from '#src/modules/applications/api/application.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const t = messages.applications;
const empty = { kind: 'doctor', name: '', latitude: '', longitude: '', communeInsee: '', accessible: '' };
const labels = {
  kind: t.ui.poiKindLabel,
  name: t.ui.poiName,
  latitude: t.ui.poiLatitude,
  longitude: t.ui.poiLongitude,
  communeInsee: t.ui.poiCommune,
  accessible: t.ui.poiAccessible,
};
const coordinate = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

/** The housing officer keeps the places walking times are computed to. */
export function PointsOfInterestPage() {
  const { state, reload } = useApi<{ items: PoiView[] }>('/api/points-of-interest');
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<typeof empty>({
    initial: empty,
    submit: async (v) => {
      await api('/api/points-of-interest', {
        body: {
          kind: v.kind,
          name: v.name,
          latitude: coordinate(v.latitude),
          longitude: coordinate(v.longitude),
          communeInsee: v.communeInsee,
          accessible: v.accessible === 'true' ? true : null,
        },
      });
      for (const key of ['name', 'latitude', 'longitude'] as const) form.setValue(key, '');
      setNotice({ kind: 'success', text: t.ui.poiAdded });
      reload();
    },
  });
  const remove = async (p: PoiView) => {
    try {
      await api(`/api/points-of-interest/${p.id}`, { method: 'DELETE' });
      setNotice({ kind: 'success', text: t.ui.poiRemoved });
      reload();
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : messages.errors.internal });
    }
  };
  return (
    <Page title={t.ui.poiTitle} lead={t.ui.poiLead}>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <section className="panel">
        <h2>{t.ui.poiAdd}</h2>
        <form onSubmit={form.onSubmit} noValidate>
          <ErrorSummary form={form} labels={labels} />
          <SelectField
            form={form}
            name="kind"
            label={labels.kind}
            options={poiKinds.map((k) => ({ value: k, label: t.poiKind[k] }))}
          />
          <TextField form={form} name="name" label={labels.name} required />
          <TextField form={form} name="latitude" label={labels.latitude} required />
          <TextField form={form} name="longitude" label={labels.longitude} required />
          <TextField
            form={form}
            name="communeInsee"
            label={labels.communeInsee}
            hint={t.ui.poiCommuneHint}
            required
            maxLength={5}
          />
          <CheckboxField form={form} name="accessible" label={labels.accessible} />
          <SubmitButton submitting={form.submitting}>{t.ui.poiAdd}</SubmitButton>
        </form>
      </section>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <div className="table-scroll">
          <table>
            <caption>{t.ui.poiCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.name}</th>
                <th scope="col">{labels.kind}</th>
                <th scope="col">{labels.communeInsee}</th>
                <th scope="col">{t.ui.poiAccessibleCol}</th>
                <th scope="col">
                  {labels.latitude}, {labels.longitude}
                </th>
                <th scope="col">{t.ui.poiActions}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{t.poiKind[p.kind]}</td>
                  <td>{p.communeName}</td>
                  <td>{p.accessible === null ? t.ui.unset : p.accessible ? t.ui.yes : t.ui.no}</td>
                  <td>
                    {p.latitude.toLocaleString('fr-FR')}, {p.longitude.toLocaleString('fr-FR')}
                  </td>
                  <td>
                    <button type="button" className="button" onClick={() => void remove(p)}>
                      {t.ui.poiRemove(p.name)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
