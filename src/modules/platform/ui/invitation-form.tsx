import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { invitationCreateSchema, type InvitationCreated } from '#src/modules/platform/api/invitation.schema.ts';
import type { Organization } from '#src/modules/platform/api/organization.schema.ts';
import { OrganizationRoleFields } from '#src/modules/platform/ui/member-add-form.tsx';

const t = messages.invitations;

export function InvitationForm({
  organizations,
  onSent,
}: {
  organizations: Organization[];
  onSent: (result: InvitationCreated) => void;
}) {
  const form = useForm({
    initial: { email: '', name: '', organizationId: '', role: '' },
    schema: invitationCreateSchema,
    submit: async (values) => onSent(await api<InvitationCreated>('/api/invitations', { body: values })),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary
        form={form}
        labels={{ email: t.email, name: t.name, organizationId: t.organization, role: t.role }}
      />
      <TextField form={form} name="email" label={t.email} type="email" autoComplete="off" maxLength={254} required />
      <TextField form={form} name="name" label={t.name} autoComplete="off" maxLength={200} required />
      <OrganizationRoleFields form={form} organizations={organizations} />
      <SubmitButton submitting={form.submitting}>{t.send}</SubmitButton>
    </form>
  );
}
