import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import {
  CheckboxField,
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  typedNumber,
  useForm,
} from '#src/shared/ui/form.tsx';
import { notice, NoticeBanner, type Notice } from '#src/shared/ui/notice.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  funderKinds,
  localAidBases,
  type LocalAidInput,
  type LocalAidView,
} from '#src/modules/funding/api/local-aids.schema.ts';
import { confidences, retirementSchemes, tenures } from '#src/modules/funding/api/simulator.schema.ts';

const t = messages.fundingRules.localAids;
const sim = messages.fundingRules.simulator;

type Values = Record<keyof typeof t.fields, string>;
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

const blank: Values = {
  name: '',
  funderName: '',
  funderKind: 'departement',
  description: '',
  minAge: '',
  girMin: '',
  girMax: '',
  incomeCeiling: '',
  incomeCeilingPerExtraPerson: '',
  tenures: '',
  retirementSchemes: '',
  requiresAnahDecision: '',
  base: 'works_excl_tax',
  ratePercent: '',
  cap: '',
  fixedAmount: '',
  inForceFrom: '',
  inForceTo: '',
  sourceTitle: '',
  sourceUrl: '',
  confidence: 'official',
};

const text = (value: number | string | null) => (value === null ? '' : String(value).replace('.', ','));
const valuesOf = (aid: LocalAidView): Values => ({
  name: aid.name,
  funderName: aid.funderName,
  funderKind: aid.funderKind,
  description: aid.description ?? '',
  minAge: text(aid.minAge),
  girMin: text(aid.girMin),
  girMax: text(aid.girMax),
  incomeCeiling: text(aid.incomeCeiling),
  incomeCeilingPerExtraPerson: text(aid.incomeCeilingPerExtraPerson),
  tenures: aid.tenures.join(','),
  retirementSchemes: aid.retirementSchemes.join(','),
  requiresAnahDecision: aid.requiresAnahDecision ? 'true' : '',
  base: aid.base,
  ratePercent: text(aid.ratePercent),
  cap: text(aid.cap),
  fixedAmount: text(aid.fixedAmount),
  inForceFrom: aid.inForceFrom,
  inForceTo: aid.inForceTo ?? '',
  sourceTitle: aid.sourceTitle,
  sourceUrl: aid.sourceUrl ?? '',
  confidence: aid.confidence,
});

function inputOf(values: Values, revision: number | undefined): LocalAidInput {
  const list = (v: string) => v.split(',').filter(Boolean);
  return {
    name: values.name,
    funderName: values.funderName,
    funderKind: values.funderKind as LocalAidInput['funderKind'],
    description: values.description,
    minAge: typedNumber(values.minAge),
    girMin: typedNumber(values.girMin),
    girMax: typedNumber(values.girMax),
    incomeCeiling: typedNumber(values.incomeCeiling),
    incomeCeilingPerExtraPerson: typedNumber(values.incomeCeilingPerExtraPerson),
    tenures: list(values.tenures),
    retirementSchemes: list(values.retirementSchemes),
    requiresAnahDecision: values.requiresAnahDecision === 'true',
    base: values.base,
    ratePercent: typedNumber(values.ratePercent),
    cap: typedNumber(values.cap),
    fixedAmount: typedNumber(values.fixedAmount),
    inForceFrom: values.inForceFrom,
    inForceTo: values.inForceTo || null,
    sourceTitle: values.sourceTitle,
    sourceUrl: values.sourceUrl,
    confidence: values.confidence,
    revision,
  } as unknown as LocalAidInput;
}

function conditionsOf(aid: LocalAidView): string {
  const s = t.summary;
  const parts = [
    aid.minAge !== null ? s.minAge(aid.minAge) : null,
    aid.girMin !== null || aid.girMax !== null ? s.gir(aid.girMin ?? 1, aid.girMax ?? 6) : null,
    aid.incomeCeiling !== null ? s.income(euros.format(aid.incomeCeiling)) : null,
    ...aid.tenures.map((tenure) => sim.tenures[tenure]),
    ...aid.retirementSchemes.map((scheme) => sim.retirementSchemes[scheme]),
    aid.requiresAnahDecision ? s.anahFirst : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ; ') : t.anyone;
}

function amountOf(aid: LocalAidView): string {
  const s = t.summary;
  if (aid.base === 'fixed') return aid.fixedAmount === null ? s.unpublished : s.fixed(euros.format(aid.fixedAmount));
  const rate = s.rate(text(aid.ratePercent), t.bases[aid.base]);
  return aid.cap === null ? rate : `${rate}, ${s.cap(euros.format(aid.cap))}`;
}

export function LocalAidsPage() {
  const { state, reload } = useApi<{ items: LocalAidView[]; canWrite: boolean }>('/api/funding/local-aids');
  const [editing, setEditing] = useState<LocalAidView | 'new' | null>(null);
  const [outcome, setOutcome] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const writable = state.status === 'ready' && state.data.canWrite;

  const withdraw = async (aid: LocalAidView) => {
    if (!window.confirm(t.confirmWithdraw(aid.name))) return;
    setFailure(null);
    try {
      await api(`/api/funding/local-aids/${aid.id}`, { method: 'DELETE' });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error.message);
      return;
    }
    setOutcome(notice(t.withdrawn));
    reload();
  };

  return (
    <Page title={t.title} lead={t.lead}>
      <NoticeBanner value={outcome} />
      {failure && <Alert kind="error">{failure}</Alert>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  {Object.entries(t.columns)
                    .filter(([key]) => writable || key !== 'actions')
                    .map(([key, label]) => (
                      <th key={key} scope="col">
                        {label}
                      </th>
                    ))}
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((aid) => (
                  <tr key={aid.id}>
                    <th scope="row">{aid.name}</th>
                    <td>{aid.funderName}</td>
                    <td>{conditionsOf(aid)}</td>
                    <td>{amountOf(aid)}</td>
                    <td>
                      {aid.inForceTo
                        ? t.between(formatDate(aid.inForceFrom), formatDate(aid.inForceTo))
                        : t.since(formatDate(aid.inForceFrom))}
                    </td>
                    <td>
                      {aid.sourceUrl ? (
                        <a href={aid.sourceUrl} rel="noreferrer" target="_blank">
                          {aid.sourceTitle}
                        </a>
                      ) : (
                        aid.sourceTitle
                      )}{' '}
                      ({sim.results.confidence[aid.confidence]})
                    </td>
                    {writable && (
                      <td>
                        <button type="button" onClick={() => setEditing(aid)}>
                          {t.edit(aid.name)}
                        </button>{' '}
                        <button type="button" onClick={() => void withdraw(aid)}>
                          {t.withdraw(aid.name)}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {writable && editing === null && (
        <button type="button" onClick={() => setEditing('new')}>
          {t.add}
        </button>
      )}
      {editing !== null && (
        <LocalAidForm
          // Not the revision: after a conflict the same form stays, with what was typed and the message.
          key={editing === 'new' ? 'new' : editing.id}
          aid={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setOutcome(notice(t.saved));
              reload();
            }
          }}
          onConflict={(current) => setEditing(current)}
        />
      )}
    </Page>
  );
}

function LocalAidForm({
  aid,
  onDone,
  onConflict,
}: {
  aid: LocalAidView | null;
  onDone: (saved: boolean) => void;
  onConflict: (current: LocalAidView) => void;
}) {
  const form = useForm<Values>({
    initial: aid ? valuesOf(aid) : blank,
    submit: async (values) => {
      const body = inputOf(values, aid?.revision);
      try {
        if (aid) await api(`/api/funding/local-aids/${aid.id}`, { method: 'PUT', body });
        else await api('/api/funding/local-aids', { body });
        onDone(true);
      } catch (error) {
        // Someone saved it meanwhile: the next save goes over their version, the message says so.
        if (error instanceof ApiError && error.status === 409 && error.details.current)
          onConflict(error.details.current as LocalAidView);
        throw error;
      }
    },
  });
  const f = t.fields;
  const fixed = form.values.base === 'fixed';
  return (
    <section aria-labelledby="local-aid-form">
      <h2 id="local-aid-form">{aid ? t.editTitle(aid.name) : t.newTitle}</h2>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={f} />
        <TextField form={form} name="name" label={f.name} required maxLength={200} />
        <TextField form={form} name="funderName" label={f.funderName} required maxLength={200} />
        <SelectField
          form={form}
          name="funderKind"
          label={f.funderKind}
          options={funderKinds.map((k) => ({ value: k, label: t.funderKinds[k] }))}
        />
        <TextAreaField form={form} name="description" label={f.description} rows={3} maxLength={2000} />
        <TextField form={form} name="minAge" label={f.minAge} inputMode="numeric" />
        <TextField form={form} name="girMin" label={f.girMin} inputMode="numeric" />
        <TextField form={form} name="girMax" label={f.girMax} inputMode="numeric" />
        <TextField form={form} name="incomeCeiling" label={f.incomeCeiling} inputMode="numeric" />
        <TextField
          form={form}
          name="incomeCeilingPerExtraPerson"
          label={f.incomeCeilingPerExtraPerson}
          inputMode="numeric"
        />
        <CheckboxGroupField
          form={form}
          name="tenures"
          label={f.tenures}
          options={tenures.map((v) => ({ value: v, label: sim.tenures[v] }))}
        />
        <CheckboxGroupField
          form={form}
          name="retirementSchemes"
          label={f.retirementSchemes}
          options={retirementSchemes.map((v) => ({ value: v, label: sim.retirementSchemes[v] }))}
        />
        <CheckboxField form={form} name="requiresAnahDecision" label={f.requiresAnahDecision} />
        <SelectField
          form={form}
          name="base"
          label={f.base}
          options={localAidBases.map((b) => ({ value: b, label: t.baseLabels[b] }))}
        />
        {fixed ? (
          <TextField form={form} name="fixedAmount" label={f.fixedAmount} inputMode="numeric" />
        ) : (
          <>
            <TextField form={form} name="ratePercent" label={f.ratePercent} inputMode="text" />
            <TextField form={form} name="cap" label={f.cap} inputMode="numeric" />
          </>
        )}
        <TextField form={form} name="inForceFrom" type="date" label={f.inForceFrom} required />
        <TextField form={form} name="inForceTo" type="date" label={f.inForceTo} />
        <TextField form={form} name="sourceTitle" label={f.sourceTitle} required maxLength={300} />
        <TextField form={form} name="sourceUrl" label={f.sourceUrl} />
        <SelectField
          form={form}
          name="confidence"
          label={f.confidence}
          options={confidences.map((c) => ({ value: c, label: sim.results.confidence[c] }))}
        />
        <SubmitButton submitting={form.submitting} busyLabel={t.saving}>
          {t.save}
        </SubmitButton>{' '}
        <button type="button" onClick={() => onDone(false)}>
          {t.cancel}
        </button>
      </form>
    </section>
  );
}
