import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import {
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
  type FormState,
} from '#src/shared/ui/form.tsx';
import { Page } from '#src/shared/ui/page.tsx';
import { satisfactionScale, trialContexts, trialOutcomes, trialReasons } from '#src/modules/trials/api/trial.schema.ts';

const t = messages.trials;
const f = t.ui.fields;

type ProductHit = { id: string; name: string; isoCodeDisplay: string; manufacturer: string | null };
type Values = {
  productId: string;
  professionalName: string;
  professionalOrganization: string;
  context: string;
  triedOn: string;
  outcome: string;
  reasons: string;
  reasonNote: string;
  satisfaction: string;
  opinion: string;
  acquiredOn: string;
};

const today = () => parisDay(new Date());

/**
 * Chooses a product of the catalogue: the words are searched in the catalogue (accent- and typo-tolerant),
 * and the product is picked among the answers as a radio button, so it works with the keyboard alone.
 */
function ProductPicker({ form }: { form: FormState<Values> }) {
  const [words, setWords] = useState('');
  const [hits, setHits] = useState<ProductHit[] | null>(null);
  const [status, setStatus] = useState('');
  const [chosen, setChosen] = useState<ProductHit | null>(null);
  const searchId = form.idFor('productSearch');
  const error = form.fieldErrors.productId;

  const search = async () => {
    if (words.trim().length < 2) {
      setStatus(f.productHint);
      return;
    }
    setStatus(messages.app.loading);
    try {
      const result = await api<{ items: ProductHit[] }>(
        `/api/catalogue/search?${new URLSearchParams({ q: words.trim(), limit: '10' })}`,
      );
      setHits(result.items);
      setStatus(result.items.length === 0 ? f.noProduct : '');
    } catch (e) {
      setStatus(e instanceof ApiError ? e.message : messages.errors.internal);
    }
  };

  return (
    <fieldset
      className={error ? 'field field--error trials-picker' : 'field trials-picker'}
      id={form.idFor('productId')}
      tabIndex={-1}
      aria-describedby={error ? `${form.idFor('productId')}-error` : undefined}
    >
      <legend>{f.product}</legend>
      {error && (
        <p className="field__error" id={`${form.idFor('productId')}-error`}>
          {error}
        </p>
      )}
      <label htmlFor={searchId}>{f.productSearch}</label>
      <p className="field__hint" id={`${searchId}-hint`}>
        {f.productHint}
      </p>
      <div className="trials-picker__search">
        <input
          id={searchId}
          type="search"
          value={words}
          autoComplete="off"
          aria-describedby={`${searchId}-hint`}
          onChange={(e) => setWords(e.target.value)}
          // Enter searches: it must not send the whole form from the search box.
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" className="button" onClick={() => void search()}>
          {f.searchButton}
        </button>
      </div>
      <p role="status">{status}</p>
      {hits && hits.length > 0 && (
        <ul className="trials-picker__hits">
          {hits.map((hit) => (
            <li key={hit.id}>
              <input
                type="radio"
                name="trial-product"
                id={`${searchId}-${hit.id}`}
                checked={form.values.productId === hit.id}
                onChange={() => {
                  setChosen(hit);
                  form.setValue('productId', hit.id);
                }}
              />
              <label htmlFor={`${searchId}-${hit.id}`}>
                {hit.name} <span className="trials-muted">({hit.isoCodeDisplay})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {chosen && <p>{f.chosenProduct(chosen.name)}</p>}
    </fieldset>
  );
}

/** Records a trial for a person (?personne=, from their file or pathway) or for a professional. */
export function NewTrialPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const personId = params.get('personne');
  const pathwayId = params.get('parcours');
  const form = useForm<Values>({
    initial: {
      productId: '',
      professionalName: '',
      professionalOrganization: '',
      context: 'showroom',
      triedOn: today(),
      outcome: 'suitable',
      reasons: '',
      reasonNote: '',
      satisfaction: '',
      opinion: '',
      acquiredOn: '',
    },
    submit: async (v) => {
      await api('/api/trials', {
        body: {
          ...v,
          personId,
          pathwayId,
          // Fields hidden by the chosen outcome are not sent, even if filled in before.
          reasons: v.outcome === 'suitable' ? [] : v.reasons.split(',').filter(Boolean),
          acquiredOn: v.outcome === 'unsuitable' ? '' : v.acquiredOn,
          ...(personId ? { professionalName: null, professionalOrganization: null } : {}),
        },
      });
      await navigate(personId ? `/personnes/${personId}/essais` : '/essais/suivis', {
        state: { notice: t.ui.recorded },
      });
    },
  });
  const labels: Partial<Record<keyof Values, string>> = {
    productId: f.product,
    professionalName: f.professionalName,
    professionalOrganization: f.professionalOrganization,
    context: f.context,
    triedOn: f.triedOn,
    outcome: f.outcome,
    reasons: f.reasons,
    reasonNote: f.reasonNote,
    satisfaction: f.satisfaction,
    opinion: f.opinion,
    acquiredOn: f.acquiredOn,
  };
  return (
    <Page title={t.ui.newTitle} lead={t.ui.newLead}>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <ErrorSummary form={form} labels={labels} />
        <ProductPicker form={form} />
        {!personId && (
          <>
            <p>{t.ui.forProfessional}</p>
            <TextField form={form} name="professionalName" label={f.professionalName} required />
            <TextField form={form} name="professionalOrganization" label={f.professionalOrganization} required />
          </>
        )}
        <SelectField
          form={form}
          name="context"
          label={f.context}
          options={trialContexts.map((c) => ({ value: c, label: t.contexts[c] }))}
        />
        <TextField form={form} name="triedOn" label={f.triedOn} type="date" required />
        <SelectField
          form={form}
          name="outcome"
          label={f.outcome}
          options={trialOutcomes.map((o) => ({ value: o, label: t.outcomes[o] }))}
        />
        {form.values.outcome !== 'suitable' && (
          <CheckboxGroupField
            form={form}
            name="reasons"
            label={f.reasons}
            options={trialReasons.map((r) => ({ value: r, label: t.reasons[r] }))}
          />
        )}
        <TextAreaField form={form} name="reasonNote" label={f.reasonNote} maxLength={2000} />
        <SelectField
          form={form}
          name="satisfaction"
          label={f.satisfaction}
          options={[
            { value: '', label: f.satisfactionNone },
            ...satisfactionScale.map((n) => ({ value: String(n), label: t.satisfaction[String(n)]! })),
          ]}
        />
        <TextAreaField form={form} name="opinion" label={f.opinion} hint={f.opinionHint} maxLength={2000} />
        {form.values.outcome !== 'unsuitable' && (
          <TextField form={form} name="acquiredOn" label={f.acquiredOn} hint={f.acquiredHint} type="date" />
        )}
        <SubmitButton submitting={form.submitting}>{t.ui.record}</SubmitButton>
      </form>
    </Page>
  );
}
