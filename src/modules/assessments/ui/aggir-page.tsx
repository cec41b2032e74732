import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
  type FormState,
} from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  compositeVariables,
  discriminantProfile,
  discriminantVariables,
  girOfRatings,
  illustrativeVariables,
  modalities,
  ratingFields,
  type AggirContext,
  type AggirCreated,
} from '#src/modules/assessments/api/assessment.schema.ts';

const t = messages.assessments;

type Values = Record<string, string>;

const labelOf = (field: string) => t.variables[field]?.label ?? t.parts[field] ?? field;

/** One answer: the three letters as radio buttons in a fieldset, with its help and its error. */
function RatingField({ form, name, hint }: { form: FormState<Values>; name: string; hint?: string }) {
  const id = form.idFor(name);
  const error = form.fieldErrors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={error ? 'field field--error aggir-rating' : 'field aggir-rating'}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy}
    >
      <legend>{labelOf(name)}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {modalities.map((m) => (
        <div className="checkbox" key={m}>
          <input
            type="radio"
            id={`${id}-${m}`}
            name={name}
            value={m}
            checked={form.values[name] === m}
            onChange={() => form.setValue(name, m)}
          />
          <label htmlFor={`${id}-${m}`}>{t.modalities[m]}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A variable rated through its parts: the parts, then the letter the guide's rule gives. */
function CompositeField({ form, variable }: { form: FormState<Values>; variable: keyof typeof compositeVariables }) {
  const letter = discriminantProfile(form.values)[variable];
  const { label, help } = t.variables[variable]!;
  return (
    <fieldset className="aggir-composite">
      <legend>{label}</legend>
      <p className="field__hint">{help}</p>
      {compositeVariables[variable].parts.map((part) => (
        <RatingField key={part} form={form} name={part} />
      ))}
      {letter && <p className="aggir-combined">{t.combined(label, letter)}</p>}
    </fieldset>
  );
}

function LiveGir({ values }: { values: Values }) {
  const result = girOfRatings(values);
  const profile = discriminantProfile(values);
  const missing = discriminantVariables.filter((v) => !profile[v]).length;
  return (
    // Kept in view while scrolling through the grid (sticky), announced politely as it changes.
    <p className="aggir-live" role="status">
      {result ? t.liveGir(result.gir, result.rank) : t.liveIncomplete(missing)}
    </p>
  );
}

const today = () => parisDay(new Date());

/** The few fields of the pathways list this page uses (the list is the pathways module's API). */
type PathwayOption = { id: string; openedOn: string; stageLabel: string };

/** The grid may be attached to one of the person's open pathways; none is the default. */
function PathwayField({ form, personId }: { form: FormState<Values>; personId: string }) {
  const query = new URLSearchParams({ personne: personId, scope: 'team', status: 'open' });
  const { state } = useApi<{ items: PathwayOption[] }>(`/api/pathways?${query}`);
  const pathways = state.status === 'ready' ? state.data.items : [];
  const preset = form.values.pathwayId;
  if (pathways.length === 0 && !preset) return null;
  return (
    <SelectField
      form={form}
      name="pathwayId"
      label={t.pathway}
      options={[
        { value: '', label: t.noPathway },
        ...pathways.map((p) => ({ value: p.id, label: t.pathwayOption(formatDate(p.openedOn), p.stageLabel) })),
        ...(preset && !pathways.some((p) => p.id === preset) ? [{ value: preset, label: t.pathwayFromLink }] : []),
      ]}
    />
  );
}

function AggirForm({ context, onKeptOnFile }: { context: AggirContext; onKeptOnFile: (gir: number) => void }) {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const personId = context.person.id;
  const form = useForm<Values>({
    initial: {
      assessedOn: today(),
      note: '',
      pathwayId: search.get('parcours') ?? '',
      ...Object.fromEntries(ratingFields.map((f) => [f, ''])),
    },
    submit: async (values) => {
      const created = await api<AggirCreated>(`/api/people/${personId}/aggir`, { body: values });
      // The file shows the new GIR; when it keeps a more recent one, the user stays here to be told so.
      if (created.fileUpdated) await navigate(`/personnes/${personId}`);
      else onKeptOnFile(created.gir);
    },
  });
  const labels = Object.fromEntries(
    [...ratingFields, 'assessedOn', 'note', 'pathwayId'].map((f) => [
      f,
      f === 'assessedOn' ? t.assessedOn : f === 'note' ? t.note : f === 'pathwayId' ? t.pathway : labelOf(f),
    ]),
  );
  return (
    <form onSubmit={form.onSubmit} noValidate className="form aggir-form">
      <ErrorSummary form={form} labels={labels} />
      <TextField form={form} name="assessedOn" label={t.assessedOn} type="date" required />
      <PathwayField form={form} personId={personId} />
      <LiveGir values={form.values} />
      <h2>{t.discriminantTitle}</h2>
      <p className="field__hint">{t.discriminantHelp}</p>
      {discriminantVariables.map((v) =>
        v in compositeVariables ? (
          <CompositeField key={v} form={form} variable={v as keyof typeof compositeVariables} />
        ) : (
          <RatingField key={v} form={form} name={v} hint={t.variables[v]!.help} />
        ),
      )}
      <h2>{t.illustrativeTitle}</h2>
      <p className="field__hint">{t.illustrativeHelp}</p>
      {illustrativeVariables.map((v) => (
        <RatingField key={v} form={form} name={v} hint={t.variables[v]!.help} />
      ))}
      <TextAreaField form={form} name="note" label={t.note} rows={3} maxLength={2000} />
      <SubmitButton submitting={form.submitting} busyLabel={t.saving}>
        {t.save}
      </SubmitButton>
    </form>
  );
}

/** The letter of each discriminant variable, combined from its parts where it has some. */
function lettersOf(ratings: AggirContext['items'][number]['ratings']) {
  const profile = discriminantProfile(ratings);
  return discriminantVariables.map((v) => `${t.variables[v]!.label} ${profile[v]}`).join(' · ');
}

function History({ items }: { items: AggirContext['items'] }) {
  if (items.length === 0) return <p>{t.noHistory}</p>;
  return (
    <table>
      <caption>{t.historyCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.date}</th>
          <th scope="col">{t.columns.gir}</th>
          <th scope="col">{t.columns.rank}</th>
          <th scope="col">{t.columns.evaluator}</th>
          <th scope="col">{t.columns.discriminant}</th>
          <th scope="col">{t.columns.note}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <th scope="row">{formatDate(a.assessedOn)}</th>
            <td>{a.gir}</td>
            <td>{a.rank}</td>
            <td>{a.evaluator.name}</td>
            <td>{lettersOf(a.ratings)}</td>
            <td>{a.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The AGGIR grid of a person: fill it with the GIR computed as you go, and see past assessments. */
export function AggirPage() {
  const { id = '' } = useParams();
  const { state, reload } = useApi<AggirContext>(`/api/people/${encodeURIComponent(id)}/aggir`);
  const [keptGir, setKeptGir] = useState<number | null>(null);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') {
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  }
  const { person, items } = state.data;
  return (
    <Page title={t.gridTitle(`${person.firstName} ${person.lastName}`)} lead={t.gridLead}>
      <p>
        <Link to={`/personnes/${person.id}`}>{t.backToFile}</Link>
      </p>
      {keptGir !== null && <Alert kind="info">{t.savedOlder(keptGir)}</Alert>}
      {/* A new form after each recorded grid, so the same answers are not sent twice. */}
      <AggirForm
        key={items.length}
        context={state.data}
        onKeptOnFile={(gir) => {
          setKeptGir(gir);
          reload();
        }}
      />
      <h2>{t.history}</h2>
      <History items={items} />
    </Page>
  );
}
