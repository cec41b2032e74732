import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, useForm, type FormState } from '#src/shared/ui/form.tsx';
import {
  membershipCreateSchema,
  roles,
  type Member,
  type MembershipView,
} from '#src/modules/platform/api/member.schema.ts';
import type { Organization } from '#src/modules/platform/api/organization.schema.ts';
import { roleLabel } from '#src/modules/platform/ui/user-admin-data.ts';

const t = messages.members;

const roleOptions = [
  { value: '', label: t.chooseRole },
  ...roles.map((r) => ({ value: r, label: roleLabel(r, messages.roles) })),
];

/** Where and as what someone works: asked when adding a membership and when inviting. */
export function OrganizationRoleFields<T extends { organizationId: string; role: string } & Record<string, string>>({
  form,
  organizations,
}: {
  form: FormState<T>;
  organizations: Organization[];
}) {
  const organizationOptions = [
    { value: '', label: t.chooseOrganization },
    ...organizations.map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <>
      <SelectField form={form} name="organizationId" label={t.organization} options={organizationOptions} required />
      <SelectField form={form} name="role" label={t.role} options={roleOptions} required />
    </>
  );
}

/** Gives an existing account of the workspace a role in one more organisation. */
export function MemberAddForm({
  members,
  organizations,
  onAdded,
}: {
  members: Member[];
  organizations: Organization[];
  onAdded: (notice: string) => void;
}) {
  const form = useForm({
    initial: { userId: '', organizationId: '', role: '' },
    schema: membershipCreateSchema,
    submit: async (values) => {
      const created = await api<MembershipView>('/api/memberships', { body: values });
      const name = members.find((m) => m.userId === values.userId)?.name ?? '';
      onAdded(t.added(name, created.organizationName));
    },
  });
  const userOptions = [
    { value: '', label: t.chooseUser },
    ...members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
  ];
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{ userId: t.user, organizationId: t.organization, role: t.role }} />
      <SelectField form={form} name="userId" label={t.user} options={userOptions} required />
      <OrganizationRoleFields form={form} organizations={organizations} />
      <SubmitButton submitting={form.submitting}>{t.add}</SubmitButton>
    </form>
  );
}
