import { Link, useNavigate, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { Building, ProgrammeDetail } from '#src/modules/housing/api/housing.schema.ts';
import { options } from '#src/modules/housing/ui/display.ts';
import { LoadedPage } from '#src/modules/housing/ui/loaded-page.tsx';
import { bodyOf, formValuesOf, labelsOf, triOptions } from '#src/modules/housing/ui/measure-form.ts';

const t = messages.housing;
const f = t.fields;

const kinds = {
  numbers: [
    'floorsAboveGround',
    'stepsStreetToLobby',
    'rampSlopePct',
    'entranceDoorClearWidthCm',
    'liftCount',
    'liftHalfLevelSteps',
    'liftCabinWidthCm',
    'liftCabinDepthCm',
  ],
  tris: [
    'rampPresent',
    'rampHandrail',
    'entranceHandrail',
    'entranceDoorAutomatic',
    'liftServesAllLandings',
    'stairHandrails',
    'automaticLighting',
    'mailboxesReachable',
    'disabledParking',
  ],
  texts: ['entranceLabel', 'addressLine', 'lastCheckOn', 'lastCheckMethod'],
} as const;
type Name = (typeof kinds)[keyof typeof kinds][number];
type Values = Record<Name, string>;

// The building's door and address are not the unit's: their labels say so.
const labels = labelsOf(kinds, { entranceDoorClearWidthCm: f.buildingDoorWidth, addressLine: f.buildingAddressLine });

/**
 * Adds a building entrance to a programme (`…/nouveau-batiment`) or changes one (`…/batiments/:buildingId/modifier`):
 * the path from the street, measured; the units' levels are derived again on save.
 */
export function BuildingFormPage() {
  const { programmeId, buildingId } = useParams();
  const { state } = useApi<ProgrammeDetail>(`/api/housing/programmes/${programmeId}`);
  const programme = state.status === 'ready' ? state.data : null;
  const building = buildingId ? (programme?.buildings.find((b) => b.id === buildingId) ?? null) : null;
  const title = buildingId ? t.form.editBuilding(building?.entranceLabel ?? '…') : t.form.newBuilding;
  // A building of another programme is as unknown as a missing one.
  const missing = programme && buildingId && !building;
  return (
    <LoadedPage title={title} states={[missing ? { status: 'error' as const, error: notFoundError() } : state]}>
      {() => <BuildingForm programme={programme!} building={building} />}
    </LoadedPage>
  );
}

const notFoundError = () => new ApiError(404, 'not_found', messages.errors.not_found);

function BuildingForm({ programme, building }: { programme: ProgrammeDetail; building: Building | null }) {
  const navigate = useNavigate();
  const back = `/logements/programmes/${programme.id}`;
  const form = useForm<Values>({
    initial: formValuesOf<Values>(building, kinds),
    submit: async (values) => {
      const body = bodyOf(values, kinds, building?.version);
      if (building) await api(`/api/housing/buildings/${building.id}`, { method: 'PUT', body });
      else await api(`/api/housing/programmes/${programme.id}/buildings`, { body });
      await navigate(back);
    },
  });
  const num = (name: (typeof kinds.numbers)[number]) => (
    <TextField form={form} name={name} label={labels[name]} inputMode="numeric" />
  );
  const yesNo = (name: (typeof kinds.tris)[number]) => (
    <SelectField form={form} name={name} label={labels[name]} options={triOptions} />
  );
  return (
    <form onSubmit={form.onSubmit} noValidate className="housing-form">
      <p>{t.form.intro}</p>
      <ErrorSummary form={form} labels={labels} />
      <fieldset>
        <legend>{t.form.path}</legend>
        <TextField form={form} name="entranceLabel" label={labels.entranceLabel} required maxLength={80} />
        <TextField form={form} name="addressLine" label={labels.addressLine} maxLength={200} />
        {num('floorsAboveGround')}
        {num('stepsStreetToLobby')}
        {yesNo('entranceHandrail')}
        {yesNo('rampPresent')}
        {num('rampSlopePct')}
        {yesNo('rampHandrail')}
        {num('entranceDoorClearWidthCm')}
        {yesNo('entranceDoorAutomatic')}
      </fieldset>
      <fieldset>
        <legend>{t.form.lift}</legend>
        {num('liftCount')}
        {yesNo('liftServesAllLandings')}
        {num('liftHalfLevelSteps')}
        {num('liftCabinWidthCm')}
        {num('liftCabinDepthCm')}
      </fieldset>
      <fieldset>
        <legend>{t.form.commons}</legend>
        {yesNo('stairHandrails')}
        {yesNo('automaticLighting')}
        {yesNo('mailboxesReachable')}
        {yesNo('disabledParking')}
        <TextField form={form} name="lastCheckOn" label={labels.lastCheckOn} type="date" />
        <SelectField
          form={form}
          name="lastCheckMethod"
          label={labels.lastCheckMethod}
          options={options(t.checkMethods, f.unknown)}
        />
      </fieldset>
      <p className="actions">
        <SubmitButton submitting={form.submitting}>{t.form.save}</SubmitButton>
        <Link to={back}>{t.form.cancel}</Link>
      </p>
    </form>
  );
}
