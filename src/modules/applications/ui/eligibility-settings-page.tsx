import { useState } from 'react';
import {
  ceilingFinancings,
  GIR_MAX,
  GIR_MIN,
  MAX_HOUSEHOLD_SIZE,
  type CeilingView,
  type EligibilitySettings,
} from '#src/modules/applications/api/application.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const t = messages.applications;
const u = t.ui.eligibility;
const str = (v: number | null) => (v === null ? '' : String(v));
const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v.replace(/\s/g, '')));
const girOptions = [
  { value: '', label: t.ui.unset },
  ...Array.from({ length: GIR_MAX - GIR_MIN + 1 }, (_, i) => ({
    value: String(GIR_MIN + i),
    label: `GIR ${GIR_MIN + i}`,
  })),
];
const sizeOptions = Array.from({ length: MAX_HOUSEHOLD_SIZE }, (_, i) => ({
  value: String(i + 1),
  label: u.household(i + 1),
}));

type Notice = { kind: 'success' | 'error'; text: string } | null;

/** The housing officer copies the resource ceilings of the arrêté and sets the admission GIR rules. */
export function EligibilitySettingsPage() {
  const { state, reload } = useApi<EligibilitySettings>('/api/housing-eligibility-settings');
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <Page title={u.title} lead={u.lead}>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <>
          <CeilingsSection settings={state.data} onChange={(n) => (setNotice(n), reload())} />
          <AdmissionSection
            key={JSON.stringify(state.data.admission)}
            settings={state.data}
            onChange={(n) => (setNotice(n), reload())}
          />
        </>
      )}
    </Page>
  );
}

const emptyCeiling = { financing: 'PLUS', householdSize: '1', validFrom: '', ceilingEur: '', source: '' };

function CeilingsSection({ settings, onChange }: { settings: EligibilitySettings; onChange: (n: Notice) => void }) {
  const form = useForm<typeof emptyCeiling>({
    initial: emptyCeiling,
    submit: async (v) => {
      await api('/api/income-ceilings', {
        body: {
          financing: v.financing,
          householdSize: Number(v.householdSize),
          validFrom: v.validFrom,
          ceilingEur: numberOrNull(v.ceilingEur),
          source: v.source || null,
        },
      });
      form.setValue('ceilingEur', '');
      onChange({ kind: 'success', text: u.ceilingAdded });
    },
  });
  const remove = async (c: CeilingView) => {
    try {
      await api(`/api/income-ceilings/${c.id}`, { method: 'DELETE' });
      onChange({ kind: 'success', text: u.ceilingRemoved });
    } catch (error) {
      onChange({ kind: 'error', text: error instanceof ApiError ? error.message : messages.errors.internal });
    }
  };
  return (
    <section className="panel">
      <h2>{u.ceilingsTitle}</h2>
      <p className="eligibility-warning">{u.ceilingsWarning}</p>
      {settings.ceilings.length === 0 ? (
        <p>{u.noCeiling}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{u.ceilingsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{u.financing}</th>
                <th scope="col">{u.householdSize}</th>
                <th scope="col">{u.validFrom}</th>
                <th scope="col">{u.ceilingEur}</th>
                <th scope="col">{u.source}</th>
                <th scope="col">{u.inForce}</th>
                {settings.canManage && <th scope="col">{t.ui.poiActions}</th>}
              </tr>
            </thead>
            <tbody>
              {settings.ceilings.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.financing}</th>
                  <td>{u.household(c.householdSize)}</td>
                  <td>{formatDate(c.validFrom)}</td>
                  <td>{u.euros(c.ceilingEur)}</td>
                  <td>{c.source ?? t.ui.unset}</td>
                  <td>{c.inForce ? t.ui.yes : t.ui.no}</td>
                  {settings.canManage && (
                    <td>
                      <button type="button" className="button" onClick={() => void remove(c)}>
                        {u.remove(c.financing, c.householdSize, formatDate(c.validFrom))}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {settings.canManage && (
        <form onSubmit={form.onSubmit} noValidate>
          <h3>{u.addCeiling}</h3>
          <ErrorSummary form={form} labels={u} />
          <SelectField
            form={form}
            name="financing"
            label={u.financing}
            options={ceilingFinancings.map((f) => ({ value: f, label: f }))}
          />
          <SelectField form={form} name="householdSize" label={u.householdSize} options={sizeOptions} />
          <TextField form={form} name="validFrom" label={u.validFrom} type="date" required />
          <TextField
            form={form}
            name="ceilingEur"
            label={u.ceilingEur}
            hint={u.ceilingHint}
            inputMode="numeric"
            required
          />
          <TextField form={form} name="source" label={u.source} hint={u.sourceHint} />
          <SubmitButton submitting={form.submitting}>{u.addCeiling}</SubmitButton>
        </form>
      )}
    </section>
  );
}

function AdmissionSection({ settings, onChange }: { settings: EligibilitySettings; onChange: (n: Notice) => void }) {
  const a = settings.admission;
  const form = useForm({
    initial: {
      residenceGirMin: str(a.residenceGirMin),
      residenceGirMax: str(a.residenceGirMax),
      asvMaxGir: str(a.asvMaxGir),
    },
    submit: async (v) => {
      await api('/api/housing-admission-settings', {
        method: 'PUT',
        body: {
          residenceGirMin: numberOrNull(v.residenceGirMin),
          residenceGirMax: numberOrNull(v.residenceGirMax),
          asvMaxGir: numberOrNull(v.asvMaxGir),
        },
      });
      onChange({ kind: 'success', text: u.admissionSaved });
    },
  });
  const girOf = (v: number | null) => (v === null ? t.ui.unset : `GIR ${v}`);
  return (
    <section className="panel">
      <h2>{u.admissionTitle}</h2>
      <p>{u.admissionLead}</p>
      {settings.canManage ? (
        <form onSubmit={form.onSubmit} noValidate>
          <ErrorSummary form={form} labels={u} />
          <SelectField form={form} name="residenceGirMin" label={u.residenceGirMin} options={girOptions} />
          <SelectField form={form} name="residenceGirMax" label={u.residenceGirMax} options={girOptions} />
          <SelectField form={form} name="asvMaxGir" label={u.asvMaxGir} hint={u.asvHint} options={girOptions} />
          <SubmitButton submitting={form.submitting}>{t.ui.save}</SubmitButton>
        </form>
      ) : (
        <dl className="application-facts">
          <dt>{u.residenceGirMin}</dt>
          <dd>{girOf(a.residenceGirMin)}</dd>
          <dt>{u.residenceGirMax}</dt>
          <dd>{girOf(a.residenceGirMax)}</dd>
          <dt>{u.asvMaxGir}</dt>
          <dd>{girOf(a.asvMaxGir)}</dd>
        </dl>
      )}
    </section>
  );
}
