import { useNavigate } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
  type CommuneFieldComponent,
} from '#src/shared/ui/form.tsx';
import { Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { Residence, ResidenceOptions } from '#src/modules/residences/api/residence.schema.ts';

const t = messages.residences;

const girOptions = ['1', '2', '3', '4', '5', '6'].map((g) => ({ value: g, label: `GIR ${g}` }));
const text = (v: number | string | null) => (v === null ? '' : String(v).replace('.', ','));

const labels = {
  managingOrganizationId: t.manager,
  name: t.name,
  addressLine: t.address,
  communeInsee: t.commune,
  finess: t.finess,
  capacity: t.capacity,
  girMin: t.girMin,
  girMax: t.girMax,
  minAge: t.minAge,
  otherConditions: t.otherConditions,
  services: t.services,
  monthlyPrice: t.monthlyPrice,
};

type Props = {
  CommuneField: CommuneFieldComponent;
  residence?: Residence;
  onSaved: (id: string) => Promise<void> | void;
};

/** The residence and its admission conditions; used to record a new one and to change one. */
export function ResidenceForm({ CommuneField, residence, onSaved }: Props) {
  const { state } = useApi<ResidenceOptions>('/api/residences/options');
  const form = useForm({
    initial: {
      managingOrganizationId: residence?.managingOrganizationId ?? '',
      name: residence?.name ?? '',
      addressLine: residence?.addressLine ?? '',
      communeInsee: residence?.communeInsee ?? '',
      finess: residence?.finess ?? '',
      capacity: text(residence?.capacity ?? null),
      girMin: text(residence?.girMin ?? 5),
      girMax: text(residence?.girMax ?? 6),
      minAge: text(residence?.minAge ?? 60),
      otherConditions: residence?.otherConditions ?? '',
      services: residence?.services ?? '',
      monthlyPrice: text(residence?.monthlyPrice ?? null),
    },
    submit: async (values) => {
      if (residence) {
        await api(`/api/residences/${residence.id}`, { method: 'PUT', body: values });
        await onSaved(residence.id);
      } else {
        const created = await api<{ id: string }>('/api/residences', { body: values });
        await onSaved(created.id);
      }
    },
  });
  const organizations = state.status === 'ready' ? state.data.organizations : [];
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={labels} />
      <TextField form={form} name="name" label={t.name} maxLength={200} required />
      <SelectField
        form={form}
        name="managingOrganizationId"
        label={t.manager}
        hint={t.managerHint}
        options={[{ value: '', label: t.chooseManager }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
        required
      />
      <TextField form={form} name="addressLine" label={t.address} maxLength={300} autoComplete="off" />
      <CommuneField form={form} name="communeInsee" label={t.commune} initialLabel={residence?.communeName} />
      <TextField form={form} name="finess" label={t.finess} hint={t.finessHint} inputMode="numeric" maxLength={9} />
      <TextField form={form} name="capacity" label={t.capacity} inputMode="numeric" maxLength={4} required />
      <fieldset className="residence-gir">
        <legend>{t.conditions}</legend>
        <p className="field__hint">{t.girHint}</p>
        <SelectField form={form} name="girMin" label={t.girMin} options={girOptions} required />
        <SelectField form={form} name="girMax" label={t.girMax} options={girOptions} required />
        <TextField form={form} name="minAge" label={t.minAge} inputMode="numeric" maxLength={3} />
        <TextAreaField form={form} name="otherConditions" label={t.otherConditions} rows={3} maxLength={2000} />
      </fieldset>
      <TextAreaField form={form} name="services" label={t.services} rows={3} maxLength={2000} />
      <TextField form={form} name="monthlyPrice" label={t.monthlyPrice} inputMode="text" maxLength={10} />
      <SubmitButton submitting={form.submitting}>{residence ? t.save : t.create}</SubmitButton>
    </form>
  );
}

export function ResidenceNewPage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const navigate = useNavigate();
  return (
    <Page title={t.formTitle}>
      <ResidenceForm
        CommuneField={CommuneField}
        onSaved={(id) => navigate(`/residences/${id}`, { state: { notice: t.created } })}
      />
    </Page>
  );
}
