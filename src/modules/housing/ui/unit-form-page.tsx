import { Link, useNavigate, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
  useForm,
} from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  adaptationWorks,
  energyClasses,
  typologies,
  type ProgrammeDetail,
  type UnitDetail,
} from '#src/modules/housing/api/housing.schema.ts';
import { codeLabels, financingLabels, options } from '#src/modules/housing/ui/display.ts';
import { bodyOf, formValuesOf, labelsOf, triOptions } from '#src/modules/housing/ui/measure-form.ts';

const t = messages.housing;
const f = t.fields;

const numberFields = [
  'floor',
  'bedrooms',
  'surfaceM2',
  'rentEur',
  'chargesEur',
  'entranceDoorClearWidthCm',
  'doorClearWidthMinCm',
  'internalSteps',
  'thresholdsMaxCm',
  'showerStepCm',
] as const;
const triFields = [
  'chargesIncludeHeating',
  'liftServesLanding',
  'stepFreeAccessDeclared',
  'turningCircle150',
  'grabBars',
  'showerSeat',
  'wcRaised',
  'wcLateralSpace',
  'wcGrabBar',
  'wcSeparate',
  'kitchenPassage150',
  'bedroomPassage90',
  'videophone',
  'lightPath',
  'visualDoorbell',
  'visualContrasts',
  'simpleSignage',
  'balconyOrGarden',
  'worksFeasible',
  'worksLandlordCommitment',
] as const;
const textFields = [
  'buildingId',
  'landlordUnitRef',
  'rplsId',
  'typology',
  'financing',
  'energyClass',
  'status',
  'availableFrom',
  'showerType',
  'shutters',
  'personalisedFittings',
  'works',
  'measuredOn',
  'measurementMethod',
  'individualHouse',
] as const;
type FieldName = (typeof numberFields)[number] | (typeof triFields)[number] | (typeof textFields)[number];
type Values = Record<FieldName, string>;
const kinds = { numbers: numberFields, tris: triFields, texts: textFields };

function initialOf(values: UnitDetail['values'] | null, buildingId: string): Values {
  const out = formValuesOf<Values>(values, kinds);
  if (!values) {
    Object.assign(out, { typology: 'T2', financing: 'PLUS', status: 'vacant', floor: '0', bedrooms: '1' });
  }
  out.buildingId ||= buildingId;
  out.individualHouse ||= 'false';
  return out;
}

function unitBodyOf(values: Values, version: number | undefined) {
  return {
    ...bodyOf(values, kinds, version),
    individualHouse: values.individualHouse === 'true',
    works: values.works.split(',').filter(Boolean),
  };
}

const labels = labelsOf(kinds);

/** Creates a unit in a programme (`/logements/programmes/:id/nouveau-logement`) or changes one (`/logements/:id/modifier`). */
export function UnitFormPage() {
  const { id, programmeId } = useParams();
  const unit = useApi<UnitDetail>(id ? `/api/housing/units/${id}` : null);
  const programme = useApi<ProgrammeDetail>(
    programmeId
      ? `/api/housing/programmes/${programmeId}`
      : unit.state.status === 'ready'
        ? `/api/housing/programmes/${unit.state.data.programmeId}`
        : null,
  );
  const title = id
    ? t.form.editUnit(unit.state.status === 'ready' ? unit.state.data.values.landlordUnitRef : '…')
    : t.form.newUnit;
  const failed =
    unit.state.status === 'error' ? unit.state : programme.state.status === 'error' ? programme.state : null;
  if (failed) {
    return (
      <Page title={title}>
        <Alert kind="error">{failed.error.message}</Alert>
      </Page>
    );
  }
  if (programme.state.status !== 'ready' || (id && unit.state.status !== 'ready')) return <Page title={title} />;
  const detail = unit.state.status === 'ready' ? unit.state.data : null;
  return (
    <Page title={title}>
      <UnitForm programme={programme.state.data} unit={detail} />
    </Page>
  );
}

function UnitForm({ programme, unit }: { programme: ProgrammeDetail; unit: UnitDetail | null }) {
  const navigate = useNavigate();
  const form = useForm<Values>({
    initial: initialOf(unit?.values ?? null, programme.buildings[0]?.id ?? ''),
    submit: async (values) => {
      const body = unitBodyOf(values, unit?.version);
      if (unit) {
        await api(`/api/housing/units/${unit.id}`, { method: 'PUT', body });
        await navigate(`/logements/${unit.id}`);
      } else {
        const created = await api<{ id: string }>(`/api/housing/programmes/${programme.id}/units`, { body });
        await navigate(`/logements/${created.id}`);
      }
    },
  });
  const num = (name: (typeof numberFields)[number], required = false) => (
    <TextField form={form} name={name} label={labels[name]} inputMode="numeric" required={required} />
  );
  const yesNo = (name: (typeof triFields)[number]) => (
    <SelectField form={form} name={name} label={labels[name]} options={triOptions} />
  );
  const pick = (name: FieldName, choices: Record<string, string>, empty?: string) => (
    <SelectField form={form} name={name} label={labels[name]} options={options(choices, empty)} />
  );
  return (
    <form onSubmit={form.onSubmit} noValidate className="housing-form">
      <p>{t.form.intro}</p>
      <ErrorSummary form={form} labels={labels} />
      <fieldset>
        <legend>{t.unit.general}</legend>
        <SelectField
          form={form}
          name="buildingId"
          label={labels.buildingId}
          required
          options={programme.buildings.map((b) => ({ value: b.id, label: b.entranceLabel }))}
        />
        <TextField form={form} name="landlordUnitRef" label={labels.landlordUnitRef} required maxLength={40} />
        <TextField form={form} name="rplsId" label={labels.rplsId} maxLength={20} />
        {num('floor', true)}
        {pick('typology', codeLabels(typologies))}
        {num('bedrooms', true)}
        {num('surfaceM2')}
        {pick('individualHouse', { false: t.unit.no, true: t.unit.yes })}
        {pick('financing', financingLabels)}
        {num('rentEur')}
        {num('chargesEur')}
        {yesNo('chargesIncludeHeating')}
        {pick('energyClass', codeLabels(energyClasses), f.unknown)}
        {pick('status', t.statuses)}
        <TextField form={form} name="availableFrom" label={labels.availableFrom} type="date" />
      </fieldset>
      <fieldset>
        <legend>{t.unit.interior}</legend>
        {yesNo('liftServesLanding')}
        {yesNo('stepFreeAccessDeclared')}
        {num('entranceDoorClearWidthCm')}
        {num('doorClearWidthMinCm')}
        {num('internalSteps')}
        {num('thresholdsMaxCm')}
        {yesNo('kitchenPassage150')}
        {yesNo('bedroomPassage90')}
      </fieldset>
      <fieldset>
        <legend>{t.unit.bathroom}</legend>
        {pick('showerType', t.showerTypes, f.unknown)}
        {num('showerStepCm')}
        {yesNo('turningCircle150')}
        {yesNo('grabBars')}
        {yesNo('showerSeat')}
        {yesNo('wcRaised')}
        {yesNo('wcLateralSpace')}
        {yesNo('wcGrabBar')}
        {yesNo('wcSeparate')}
      </fieldset>
      <fieldset>
        <legend>{t.unit.comfort}</legend>
        {pick('shutters', t.shutters, f.unknown)}
        {yesNo('videophone')}
        {yesNo('lightPath')}
        {yesNo('visualDoorbell')}
        {yesNo('visualContrasts')}
        {yesNo('simpleSignage')}
        {yesNo('balconyOrGarden')}
        <TextField form={form} name="personalisedFittings" label={labels.personalisedFittings} maxLength={300} />
        <TextField form={form} name="measuredOn" label={labels.measuredOn} type="date" />
        {pick('measurementMethod', t.checkMethods, f.unknown)}
      </fieldset>
      <fieldset>
        <legend>{t.unit.works}</legend>
        {yesNo('worksFeasible')}
        <CheckboxGroupField
          form={form}
          name="works"
          label={labels.works}
          options={adaptationWorks.map((w) => ({ value: w, label: t.unit.workKinds[w] }))}
        />
        {yesNo('worksLandlordCommitment')}
      </fieldset>
      <p className="actions">
        <SubmitButton submitting={form.submitting}>{t.form.save}</SubmitButton>
        <Link to={unit ? `/logements/${unit.id}` : `/logements/programmes/${programme.id}`}>{t.form.cancel}</Link>
      </p>
    </form>
  );
}
