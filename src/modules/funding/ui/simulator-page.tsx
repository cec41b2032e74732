import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm, type FormState } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import {
  amoLevels,
  retirementSchemes,
  tenures,
  type AidResultView,
  type HouseholdInput,
  type Prefill,
  type SimulationView,
} from '#src/modules/funding/api/simulator.schema.ts';

const t = messages.fundingRules.simulator;

type HouseholdField = keyof HouseholdInput & keyof typeof t.fields;
type Values = Record<HouseholdField | 'filingDate' | 'paymentDate', string>;

const yesNoFields = [
  'girAttested',
  'incapacityAtLeast50',
  'pchBeneficiary',
  'pchCriteriaRecognised',
  'pchCriteriaMetBefore60',
  'inCouple',
  'inIleDeFrance',
  'jointTaxReturn',
] as const satisfies HouseholdField[];
const choiceFields = { tenure: tenures, retirementScheme: retirementSchemes, amoLevel: amoLevels } as const;
const numberFields = [
  'age',
  'gir',
  'monthlyResources',
  'householdSize',
  'referenceTaxIncome',
  'pchResources',
  'taxParts',
  'dependants',
  'worksExclTax',
  'worksInclTax',
  'technicalAids',
  'healthInsuranceShare',
  'taxCreditEquipment',
  'apaMonthlyPlan',
  'mpaWorksLast5Years',
  'pchHousingLast10Years',
  'pchTechnicalAidsInPeriod',
  'taxCreditExpensesLast5Years',
] as const satisfies HouseholdField[];
const householdFields: HouseholdField[] = [
  ...yesNoFields,
  ...(Object.keys(choiceFields) as HouseholdField[]),
  ...numberFields,
];

const sections: { title: string; fields: HouseholdField[] }[] = [
  {
    title: t.sections.person,
    fields: [
      'age',
      'gir',
      'girAttested',
      'incapacityAtLeast50',
      'pchBeneficiary',
      'pchCriteriaRecognised',
      'pchCriteriaMetBefore60',
      'monthlyResources',
      'inCouple',
      'retirementScheme',
    ],
  },
  {
    title: t.sections.household,
    fields: ['householdSize', 'referenceTaxIncome', 'inIleDeFrance', 'tenure', 'pchResources'],
  },
  { title: t.sections.tax, fields: ['taxParts', 'jointTaxReturn', 'dependants'] },
  {
    title: t.sections.project,
    fields: [
      'worksExclTax',
      'worksInclTax',
      'amoLevel',
      'technicalAids',
      'healthInsuranceShare',
      'taxCreditEquipment',
      'apaMonthlyPlan',
    ],
  },
  {
    title: t.sections.history,
    fields: ['mpaWorksLast5Years', 'pchHousingLast10Years', 'pchTechnicalAidsInPeriod', 'taxCreditExpensesLast5Years'],
  },
];

const emptyValues = Object.fromEntries(
  [...householdFields, 'filingDate', 'paymentDate'].map((name) => [name, '']),
) as Values;

function valuesOf(household: HouseholdInput): Partial<Values> {
  return Object.fromEntries(
    Object.entries(household).flatMap(([name, value]) =>
      value === null || value === undefined
        ? []
        : [[name, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value).replace('.', ',')]],
    ),
  );
}

/** French writing of numbers ("1 250,50"); null when empty, NaN when not a number. */
const parseNumber = (text: string) =>
  text.trim() === '' ? null : Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));

function householdOf(values: Values): HouseholdInput {
  const household: Record<string, unknown> = {};
  const issues: { path: string; message: string }[] = [];
  for (const name of yesNoFields) household[name] = values[name] === '' ? null : values[name] === 'yes';
  for (const name of Object.keys(choiceFields) as (keyof typeof choiceFields)[]) household[name] = values[name] || null;
  for (const name of numberFields) {
    const value = parseNumber(values[name]);
    if (value !== null && Number.isNaN(value)) issues.push({ path: name, message: t.invalidNumber });
    household[name] = value;
  }
  if (issues.length > 0)
    throw new ApiError(400, 'validation_failed', messages.app.formHasErrors(issues.length), issues);
  return household;
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const frenchNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 4 });

export function SimulatorPage() {
  const [search] = useSearchParams();
  const personId = search.get('personne');
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [result, setResult] = useState<SimulationView | null>(null);

  const form = useForm<Values>({
    initial: emptyValues,
    submit: async (values) => {
      const body = {
        household: householdOf(values),
        filingDate: values.filingDate || null,
        paymentDate: values.paymentDate || null,
      };
      try {
        setResult(await api<SimulationView>('/api/funding/simulations', { body }));
      } catch (error) {
        // The server names fields inside `household`; the form knows them by their own names.
        if (error instanceof ApiError)
          throw new ApiError(
            error.status,
            error.code,
            error.message,
            error.issues.map((i) => ({ ...i, path: i.path.replace(/^household\./, '') })),
          );
        throw error;
      }
    },
  });
  const { setValue } = form;

  useEffect(() => {
    if (!personId) return;
    let live = true;
    void api<Prefill>(`/api/people/${personId}/funding-household`).then((known) => {
      if (!live) return;
      setPrefill(known);
      for (const [name, value] of Object.entries(valuesOf(known.household))) setValue(name as keyof Values, value);
    });
    return () => {
      live = false;
    };
  }, [personId, setValue]);

  return (
    <Page title={t.title} lead={t.lead}>
      {prefill && Object.keys(prefill.origins).length > 0 && <Alert kind="info">{t.prefilled}</Alert>}
      <form onSubmit={form.onSubmit} noValidate className="simulator">
        <ErrorSummary form={form} labels={t.fields} />
        {sections.map((section) => (
          <fieldset key={section.title} className="simulator__section">
            <legend>{section.title}</legend>
            {section.fields.map((name) => (
              <HouseholdControl key={name} form={form} name={name} origin={prefill?.origins[name]} />
            ))}
          </fieldset>
        ))}
        <fieldset className="simulator__section">
          <legend>{t.sections.dates}</legend>
          <TextField form={form} name="filingDate" type="date" label={t.fields.filingDate} hint={t.hints.filingDate} />
          <TextField
            form={form}
            name="paymentDate"
            type="date"
            label={t.fields.paymentDate}
            hint={t.hints.paymentDate}
          />
        </fieldset>
        <SubmitButton submitting={form.submitting} busyLabel={t.busy}>
          {t.submit}
        </SubmitButton>
      </form>
      {result && <Results simulation={result} />}
    </Page>
  );
}

function HouseholdControl({ form, name, origin }: { form: FormState<Values>; name: HouseholdField; origin?: string }) {
  const label = t.fields[name];
  const hint = origin ? t.origin(origin) : undefined;
  if ((yesNoFields as readonly string[]).includes(name))
    return (
      <SelectField
        form={form}
        name={name}
        label={label}
        hint={hint}
        options={[
          { value: '', label: t.unknown },
          { value: 'yes', label: t.yes },
          { value: 'no', label: t.no },
        ]}
      />
    );
  if (name in choiceFields) {
    const labels = { tenure: t.tenures, retirementScheme: t.retirementSchemes, amoLevel: t.amoLevels }[
      name as keyof typeof choiceFields
    ] as Record<string, string>;
    return (
      <SelectField
        form={form}
        name={name}
        label={label}
        hint={hint}
        options={[
          { value: '', label: t.unknown },
          ...choiceFields[name as keyof typeof choiceFields].map((value) => ({ value, label: labels[value]! })),
        ]}
      />
    );
  }
  return <TextField form={form} name={name} label={label} hint={hint} inputMode="text" />;
}

function Results({ simulation }: { simulation: SimulationView }) {
  const r = t.results;
  return (
    <section aria-labelledby="simulation-results" className="simulation">
      <h2 id="simulation-results" tabIndex={-1}>
        {r.title}
      </h2>
      <p>{r.dates(formatDate(simulation.filingDate), formatDate(simulation.paymentDate))}</p>
      {simulation.results.map((aid) => (
        <AidCard key={aid.aid} aid={aid} />
      ))}
    </section>
  );
}

function AidCard({ aid }: { aid: AidResultView }) {
  const r = t.results;
  // Rule names hold spaces, which an id reference list would split.
  const headingId = useId();
  const monthly = aid.aid === 'apa';
  return (
    <article className={`aid-result aid-result--${aid.status}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {aid.title} <span className="aid-result__funder">— {aid.funder}</span>
      </h3>
      <p className="aid-result__status">
        <strong>{r.status[aid.status]}</strong>
        {aid.status !== 'not_eligible' &&
          (aid.amount === null
            ? ` · ${r.noAmount}`
            : ` · ${r.amount} : ${euros.format(aid.amount)}${monthly ? ` ${r.perMonth}` : ''}`)}
      </p>
      {aid.notes.map((note) => (
        <p key={note} className="aid-result__note">
          {note}
        </p>
      ))}
      <h4>{r.conditions}</h4>
      <ul className="aid-result__conditions">
        {aid.conditions.map((c) => (
          <li key={c.name}>
            {c.title} : <strong>{c.holds === null ? r.unknown : c.holds ? r.holds : r.fails}</strong>
          </li>
        ))}
      </ul>
      {aid.missingInputs.length > 0 && (
        <>
          <h4>{r.missingInputs}</h4>
          <ul>
            {aid.missingInputs.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {aid.missingParameters.length > 0 && (
        <>
          <h4>{r.missingParameters}</h4>
          <ul>
            {aid.missingParameters.map((p) => (
              <li key={p.id}>
                {p.label}
                {p.note ? ` — ${p.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>
          {r.details} · {r.parameters}
        </summary>
        {aid.status !== 'not_eligible' && (
          <dl className="aid-result__details">
            {aid.details.map((d) => (
              <div key={d.name}>
                <dt>{d.title}</dt>
                <dd>
                  {d.value === null
                    ? r.unknown
                    : typeof d.value === 'number'
                      ? frenchNumber.format(d.value)
                      : String(d.value)}
                </dd>
              </div>
            ))}
          </dl>
        )}
        <ul className="aid-result__parameters">
          {aid.parameters.map((p) => (
            <li key={p.id}>
              {p.label} —{' '}
              {p.from === null || p.status === 'not_retrieved' ? r.notRetrieved : r.inForceFrom(formatDate(p.from))}
              {p.confidence && ` (${r.confidence[p.confidence]})`}
              {p.note && ` — ${p.note}`}
              {p.sources.length > 0 && (
                <>
                  {' '}
                  · {r.sources} :{' '}
                  {p.sources.map((s, i) => (
                    <span key={s.url}>
                      {i > 0 && ', '}
                      <a href={s.url} rel="noreferrer" target="_blank">
                        {s.title}
                      </a>
                    </span>
                  ))}
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
