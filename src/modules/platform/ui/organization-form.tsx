import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import {
  organizationInputSchema,
  organizationKinds,
  type Organization,
} from '#src/modules/platform/api/organization.schema.ts';
import { CommuneField } from '#src/modules/platform/ui/commune-field.tsx';

const t = messages.organizations;

const kindOptions = [
  { value: '', label: t.chooseKind },
  ...organizationKinds.map((kind) => ({ value: kind, label: messages.organizationKinds[kind] ?? kind })),
];

/** Creates an organisation, or edits the one given; what was typed stays on screen after an error. */
export function OrganizationForm({
  organization,
  onSaved,
  onCancel,
}: {
  organization?: Organization;
  onSaved: (saved: Organization) => void;
  onCancel?: () => void;
}) {
  const form = useForm({
    initial: {
      kind: organization?.kind ?? '',
      name: organization?.name ?? '',
      siret: organization?.siret ?? '',
      communeInsee: organization?.communeInsee ?? '',
    },
    schema: organizationInputSchema,
    submit: async (values) => {
      const saved = organization
        ? await api<Organization>(`/api/organizations/${organization.id}`, { method: 'PATCH', body: values })
        : await api<Organization>('/api/organizations', { body: values });
      onSaved(saved);
    },
  });
  const labels = { kind: t.kind, name: t.name, siret: t.siret, communeInsee: t.commune };
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={labels} />
      <SelectField form={form} name="kind" label={t.kind} options={kindOptions} required />
      <TextField form={form} name="name" label={t.name} maxLength={200} autoComplete="organization" required />
      <TextField
        form={form}
        name="siret"
        label={t.siret}
        hint={t.siretHint}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
      />
      <CommuneField
        form={form}
        name="communeInsee"
        label={t.commune}
        initialLabel={organization?.communeName ?? null}
      />
      <div className="form-actions">
        <SubmitButton submitting={form.submitting}>{messages.app.save}</SubmitButton>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {messages.app.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
