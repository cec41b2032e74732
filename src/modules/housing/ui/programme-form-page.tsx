import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
  useForm,
  type CommuneFieldComponent,
} from '#src/shared/ui/form.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  programmeServices,
  typologies,
  type LandlordList,
  type ProgrammeDetail,
} from '#src/modules/housing/api/housing.schema.ts';
import { codeLabels, financingLabels, options } from '#src/modules/housing/ui/display.ts';
import { LoadedPage } from '#src/modules/housing/ui/loaded-page.tsx';
import { bodyOf, formValuesOf, labelsOf, numberOf, triOptions } from '#src/modules/housing/ui/measure-form.ts';
import { RepeatList, type Row } from '#src/modules/housing/ui/repeat-list.tsx';

const t = messages.housing;
const f = t.fields;

const kinds = {
  numbers: ['latitude', 'longitude'],
  tris: ['qpv'],
  texts: ['organizationId', 'name', 'kind', 'phase', 'addressLine', 'postalCode', 'communeInsee', 'deliveryDate'],
} as const;
type Values = Record<
  (typeof kinds)['numbers'][number] | (typeof kinds)['tris'][number] | (typeof kinds)['texts'][number] | 'services',
  string
>;
type PlannedRow = Row<'typology' | 'financing' | 'count'>;
type LabelRow = Row<'label' | 'awardedOn'>;

const labels = { ...labelsOf(kinds), services: f.services, unitsPlanned: f.unitsPlanned, labels: f.labels };

/** Creates a programme (`/logements/programmes/nouveau`) or changes one (`/logements/programmes/:id/modifier`). */
export function ProgrammeFormPage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const { id } = useParams();
  const programme = useApi<ProgrammeDetail>(id ? `/api/housing/programmes/${id}` : null);
  const landlords = useApi<LandlordList>('/api/housing/landlords');
  const title = id
    ? t.form.editProgramme(programme.state.status === 'ready' ? programme.state.data.name : '…')
    : t.form.newProgramme;
  return (
    <LoadedPage title={title} states={id ? [programme.state, landlords.state] : [landlords.state]}>
      {() => (
        <ProgrammeForm
          CommuneField={CommuneField}
          programme={programme.state.status === 'ready' ? programme.state.data : null}
          landlords={landlords.state.status === 'ready' ? landlords.state.data.items : []}
        />
      )}
    </LoadedPage>
  );
}

function ProgrammeForm({
  CommuneField,
  programme,
  landlords,
}: {
  CommuneField: CommuneFieldComponent;
  programme: ProgrammeDetail | null;
  landlords: LandlordList['items'];
}) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [planned, setPlanned] = useState<PlannedRow[]>(
    programme?.unitsPlanned.map((r) => ({ ...r, count: String(r.count) })) ?? [],
  );
  const [labelRows, setLabelRows] = useState<LabelRow[]>(
    programme?.labels.map((l) => ({ label: l.label, awardedOn: l.awardedOn ?? '' })) ?? [],
  );
  const initial = formValuesOf<Values>(programme, { ...kinds, texts: [...kinds.texts, 'services'] });
  // A landlord's staff see their own organisation only: it is chosen for them; a landlord's page names its own.
  const named = searchParams.get('bailleur');
  if (!programme && landlords.length === 1) initial.organizationId = landlords[0]!.id;
  else if (!programme && landlords.some((l) => l.id === named)) initial.organizationId = named!;
  if (!programme) Object.assign(initial, { kind: 'ordinary', phase: 'project' });
  // The commune associée chosen (Lomme) is what the form shows and sends back, not its chef-lieu.
  if (programme?.historicCommuneInsee) initial.communeInsee = programme.historicCommuneInsee;
  const form = useForm<Values>({
    initial,
    submit: async (values) => {
      const body = {
        ...bodyOf(values, kinds, programme?.version),
        services: values.services.split(',').filter(Boolean),
        unitsPlanned: planned.map((r) => ({ typology: r.typology, financing: r.financing, count: numberOf(r.count) })),
        labels: labelRows.map((l) => ({ label: l.label, awardedOn: l.awardedOn })),
      };
      if (programme) {
        await api(`/api/housing/programmes/${programme.id}`, { method: 'PUT', body });
        await navigate(`/logements/programmes/${programme.id}`);
      } else {
        const created = await api<{ id: string }>('/api/housing/programmes', { body });
        await navigate(`/logements/programmes/${created.id}`);
      }
    },
  });
  // The lists are not form values, but the API names them in its issues like any field.
  const listError = (name: 'unitsPlanned' | 'labels') => (form.fieldErrors as Partial<Record<string, string>>)[name];
  return (
    <form onSubmit={form.onSubmit} noValidate className="housing-form">
      <p>{t.form.programmeIntro}</p>
      <ErrorSummary form={form} labels={labels} />
      <fieldset>
        <legend>{t.form.identity}</legend>
        <SelectField
          form={form}
          name="organizationId"
          label={labels.organizationId}
          required
          options={[{ value: '', label: '—' }, ...landlords.map((l) => ({ value: l.id, label: l.name }))]}
        />
        <TextField form={form} name="name" label={labels.name} required maxLength={200} />
        <SelectField form={form} name="kind" label={labels.kind} required options={options(t.programmeKinds)} />
        <SelectField form={form} name="phase" label={labels.phase} required options={options(t.phases)} />
      </fieldset>
      <fieldset>
        <legend>{t.form.place}</legend>
        <TextField form={form} name="addressLine" label={labels.addressLine} maxLength={200} />
        <TextField form={form} name="postalCode" label={labels.postalCode} inputMode="numeric" maxLength={10} />
        <CommuneField
          form={form}
          name="communeInsee"
          label={labels.communeInsee}
          initialLabel={programme?.communeName}
        />
        <TextField form={form} name="latitude" label={labels.latitude} inputMode="text" />
        <TextField form={form} name="longitude" label={labels.longitude} inputMode="text" />
        <TextField form={form} name="deliveryDate" label={labels.deliveryDate} type="date" />
        <SelectField form={form} name="qpv" label={labels.qpv} options={triOptions} />
      </fieldset>
      <fieldset>
        <legend>{t.form.offer}</legend>
        <RepeatList
          id={form.idFor('unitsPlanned')}
          legend={t.programme.planned}
          error={listError('unitsPlanned')}
          rows={planned}
          onChange={setPlanned}
          blank={{ typology: 'T2', financing: 'PLUS', count: '' }}
          columns={[
            { name: 'typology', label: f.typology, options: options(codeLabels(typologies)) },
            { name: 'financing', label: f.financing, options: options(financingLabels) },
            { name: 'count', label: f.count, type: 'numeric' },
          ]}
        />
        <CheckboxGroupField
          form={form}
          name="services"
          label={labels.services}
          options={programmeServices.map((s) => ({ value: s, label: t.services[s] }))}
        />
        <RepeatList
          id={form.idFor('labels')}
          legend={labels.labels}
          error={listError('labels')}
          rows={labelRows}
          onChange={setLabelRows}
          blank={{ label: '', awardedOn: '' }}
          addLabel={t.form.addLabel}
          columns={[
            { name: 'label', label: f.label, maxLength: 60 },
            { name: 'awardedOn', label: f.awardedOn, type: 'date' },
          ]}
        />
      </fieldset>
      <p className="actions">
        <SubmitButton submitting={form.submitting}>{t.form.save}</SubmitButton>
        <Link to={programme ? `/logements/programmes/${programme.id}` : '/logements'}>{t.form.cancel}</Link>
      </p>
    </form>
  );
}
