import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  applicationStatuses,
  applicationSystems,
  floorPreferences,
  MAX_WEIGHT,
  preferenceKeys,
  typologies,
  walkingAids,
  wishableServices,
  type ApplicationDetail,
} from '#src/modules/applications/api/application.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  CheckboxField,
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
  useForm,
} from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const t = messages.applications;
const f = t.ui.field;

type Values = Record<string, string>;
const weightField = (key: string) => `weight_${key}`;

const triState = [
  { value: '', label: t.ui.unset },
  { value: 'true', label: t.ui.yes },
  { value: 'false', label: t.ui.no },
];
const str = (v: number | string | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));

function initialOf(a: ApplicationDetail | null): Values {
  const values: Values = {
    sneNumber: a?.sneNumber ?? '',
    system: a?.system ?? 'sne',
    firstFiledOn: a?.firstFiledOn ?? '',
    lastRenewedOn: str(a?.lastRenewedOn),
    status: a?.status ?? 'active',
    isTransfer: a?.isTransfer ? 'true' : '',
    lastCheckedInSneOn: str(a?.lastCheckedInSneOn),
    wishedCommunes: (a?.wishedCommunes ?? []).map((c) => c.code).join(','),
    communesStrict: (a?.communesStrict ?? true) ? 'true' : '',
    wishedTypologies: (a?.wishedTypologies ?? []).join(','),
    maxBudgetEur: str(a?.maxBudgetEur),
    secondBedroomRequired: a?.secondBedroomRequired ? 'true' : '',
    floorPreference: str(a?.floorPreference),
    wishedServices: (a?.wishedServices ?? []).join(','),
    householdSize: str(a?.householdSize),
    referenceIncomeEur: str(a?.referenceIncomeEur),
    referenceIncomeYear: str(a?.referenceIncomeYear),
    familyLatitude: str(a?.familyLatitude),
    familyLongitude: str(a?.familyLongitude),
    maxStepsClimbable: str(a?.maxStepsClimbable),
    walkingAid: str(a?.walkingAid),
    needsStepFreeShower: str(a?.needsStepFreeShower),
    needsLift: str(a?.needsLift),
    cotationPoints: str(a?.cotationPoints),
    cotationGridVersion: str(a?.cotationGridVersion),
    cotationAsOf: str(a?.cotationAsOf),
  };
  for (const key of preferenceKeys) values[weightField(key)] = String(a?.weights[key] ?? 0);
  return values;
}

/** A number, null when empty; what is not a number is sent as typed so the server names the field in error. */
const numberOrNull = (v: string | undefined) => {
  if (!v || v.trim() === '') return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
};
const boolOrNull = (v: string | undefined) => (v === 'true' ? true : v === 'false' ? false : null);
const list = (v: string | undefined) => (v ?? '').split(',').filter(Boolean);

function bodyOf(v: Values) {
  return {
    sneNumber: v.sneNumber,
    system: v.system,
    firstFiledOn: v.firstFiledOn,
    lastRenewedOn: v.lastRenewedOn || null,
    status: v.status,
    isTransfer: v.isTransfer === 'true',
    lastCheckedInSneOn: v.lastCheckedInSneOn || null,
    wishedCommunes: list(v.wishedCommunes),
    communesStrict: v.communesStrict === 'true',
    wishedTypologies: list(v.wishedTypologies),
    maxBudgetEur: numberOrNull(v.maxBudgetEur),
    secondBedroomRequired: v.secondBedroomRequired === 'true',
    floorPreference: v.floorPreference || null,
    wishedServices: list(v.wishedServices),
    householdSize: numberOrNull(v.householdSize),
    referenceIncomeEur: numberOrNull(v.referenceIncomeEur),
    referenceIncomeYear: numberOrNull(v.referenceIncomeYear),
    familyLatitude: numberOrNull(v.familyLatitude),
    familyLongitude: numberOrNull(v.familyLongitude),
    maxStepsClimbable: numberOrNull(v.maxStepsClimbable),
    walkingAid: v.walkingAid || null,
    needsStepFreeShower: boolOrNull(v.needsStepFreeShower),
    needsLift: boolOrNull(v.needsLift),
    weights: Object.fromEntries(preferenceKeys.map((k) => [k, Number(v[weightField(k)] ?? 0)])),
    cotationPoints: numberOrNull(v.cotationPoints),
    cotationGridVersion: v.cotationGridVersion || null,
    cotationAsOf: v.cotationAsOf || null,
  };
}

/** Recording (?parcours=…) or editing an application, every field on one page in the order of the conversation. */
export function ApplicationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const existing = useApi<ApplicationDetail>(id ? `/api/housing-applications/${id}` : null);
  const communes = useApi<{ items: { code: string; name: string }[] }>('/api/housing-application-communes');
  if (id && existing.state.status === 'error') return <Alert kind="error">{existing.state.error.message}</Alert>;
  if ((id && existing.state.status !== 'ready') || communes.state.status === 'loading')
    return <p role="status">{messages.app.loading}</p>;
  const application = existing.state.status === 'ready' ? existing.state.data : null;
  const choices = communes.state.status === 'ready' ? communes.state.data.items : [];
  return (
    <ApplicationForm
      key={application?.id ?? 'new'}
      application={application}
      pathwayId={params.get('parcours')}
      communeChoices={choices}
    />
  );
}

function ApplicationForm({
  application,
  pathwayId,
  communeChoices,
}: {
  application: ApplicationDetail | null;
  pathwayId: string | null;
  communeChoices: { code: string; name: string }[];
}) {
  const navigate = useNavigate();
  const form = useForm<Values>({
    initial: initialOf(application),
    submit: async (values) => {
      if (application) {
        await api(`/api/housing-applications/${application.id}`, { method: 'PUT', body: bodyOf(values) });
        await navigate(`/demandes-logement/${application.id}`);
      } else {
        const created = await api<{ id: string }>('/api/housing-applications', {
          body: { ...bodyOf(values), pathwayId },
        });
        await navigate(`/demandes-logement/${created.id}`);
      }
    },
  });
  // Wished communes already stored stay offered even if the supply no longer has units there.
  const offered = [
    ...communeChoices,
    ...(application?.wishedCommunes ?? []).filter((w) => !communeChoices.some((c) => c.code === w.code)),
  ];
  const labels: Record<string, string> = { ...f, pathwayId: t.ui.seePathway };
  for (const key of preferenceKeys) labels[weightField(key)] = t.preference[key];
  const weightOptions = Array.from({ length: MAX_WEIGHT + 1 }, (_, n) => ({
    value: String(n),
    label: `${n} — ${t.weightLabel(n)}`,
  }));
  return (
    <Page title={application ? t.ui.editTitle(application.personName) : t.ui.newTitle}>
      <form onSubmit={form.onSubmit} noValidate className="application-form">
        <ErrorSummary form={form} labels={labels} />
        <fieldset>
          <legend>{t.ui.sections.application}</legend>
          <TextField form={form} name="sneNumber" label={f.sneNumber} hint={f.sneNumberHint} required />
          <SelectField
            form={form}
            name="system"
            label={f.system}
            options={applicationSystems.map((s) => ({ value: s, label: t.system[s] }))}
          />
          <TextField form={form} name="firstFiledOn" label={f.firstFiledOn} type="date" required />
          <TextField form={form} name="lastRenewedOn" label={f.lastRenewedOn} type="date" />
          <SelectField
            form={form}
            name="status"
            label={f.status}
            options={applicationStatuses.map((s) => ({ value: s, label: t.status[s] }))}
          />
          <CheckboxField form={form} name="isTransfer" label={f.isTransfer} />
          <TextField form={form} name="lastCheckedInSneOn" label={f.lastCheckedInSneOn} type="date" />
        </fieldset>
        <fieldset>
          <legend>{t.ui.sections.wishes}</legend>
          <CheckboxGroupField
            form={form}
            name="wishedCommunes"
            label={f.wishedCommunes}
            hint={f.wishedCommunesHint}
            options={offered.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          />
          <CheckboxField form={form} name="communesStrict" label={f.communesStrict} />
          <CheckboxGroupField
            form={form}
            name="wishedTypologies"
            label={f.wishedTypologies}
            options={typologies.map((ty) => ({ value: ty, label: ty }))}
          />
          <TextField form={form} name="maxBudgetEur" label={f.maxBudgetEur} inputMode="numeric" />
          <CheckboxField form={form} name="secondBedroomRequired" label={f.secondBedroomRequired} />
          <SelectField
            form={form}
            name="floorPreference"
            label={f.floorPreference}
            options={[
              { value: '', label: t.ui.unset },
              ...floorPreferences.map((p) => ({ value: p, label: t.floorPreference[p] })),
            ]}
          />
          <CheckboxGroupField
            form={form}
            name="wishedServices"
            label={f.wishedServices}
            hint={f.wishedServicesHint}
            options={wishableServices.map((sv) => ({ value: sv, label: messages.housing.services[sv] }))}
          />
          <TextField form={form} name="familyLatitude" label={f.familyLatitude} hint={f.familyHint} />
          <TextField form={form} name="familyLongitude" label={f.familyLongitude} />
        </fieldset>
        <fieldset>
          <legend>{t.ui.sections.resources}</legend>
          <p className="field__hint">{t.ui.sections.resourcesHint}</p>
          <TextField form={form} name="householdSize" label={f.householdSize} inputMode="numeric" />
          <TextField
            form={form}
            name="referenceIncomeEur"
            label={f.referenceIncomeEur}
            hint={f.referenceIncomeHint}
            inputMode="numeric"
          />
          <TextField form={form} name="referenceIncomeYear" label={f.referenceIncomeYear} inputMode="numeric" />
        </fieldset>
        <fieldset>
          <legend>{t.ui.sections.capacities}</legend>
          <p className="field__hint">{t.ui.sections.capacitiesHint}</p>
          <TextField form={form} name="maxStepsClimbable" label={f.maxStepsClimbable} inputMode="numeric" />
          <SelectField
            form={form}
            name="walkingAid"
            label={f.walkingAid}
            options={[
              { value: '', label: t.ui.unset },
              ...walkingAids.map((w) => ({ value: w, label: t.walkingAid[w] })),
            ]}
          />
          <SelectField form={form} name="needsStepFreeShower" label={f.needsStepFreeShower} options={triState} />
          <SelectField form={form} name="needsLift" label={f.needsLift} options={triState} />
        </fieldset>
        <fieldset>
          <legend>{t.ui.sections.preferences}</legend>
          <p className="field__hint">{t.ui.sections.preferencesHint}</p>
          {preferenceKeys.map((key) => (
            <SelectField
              key={key}
              form={form}
              name={weightField(key)}
              label={t.preference[key]}
              options={weightOptions}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.ui.sections.cotation}</legend>
          <p className="field__hint">{t.ui.cotationNotice}</p>
          <TextField form={form} name="cotationPoints" label={f.cotationPoints} inputMode="numeric" />
          <TextField form={form} name="cotationGridVersion" label={f.cotationGridVersion} />
          <TextField form={form} name="cotationAsOf" label={f.cotationAsOf} type="date" />
        </fieldset>
        <SubmitButton submitting={form.submitting}>{t.ui.save}</SubmitButton>
      </form>
    </Page>
  );
}
