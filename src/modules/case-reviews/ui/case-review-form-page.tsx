import { useNavigate } from 'react-router';
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
import type { CaseReviewOptions } from '#src/modules/case-reviews/api/case-review.schema.ts';

const t = messages.caseReviews;

function CaseReviewForm({ options }: { options: CaseReviewOptions }) {
  const navigate = useNavigate();
  const form = useForm({
    initial: {
      title: '',
      date: '',
      time: '',
      place: '',
      organizationId: options.organizations.length === 1 ? options.organizations[0]!.id : '',
      participantUserIds: '',
    },
    submit: async (values) => {
      const created = await api<{ id: string }>('/api/case-reviews', {
        body: { ...values, participantUserIds: values.participantUserIds.split(',').filter(Boolean) },
      });
      await navigate(`/syntheses/${created.id}`, { state: { notice: t.created } });
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary
        form={form}
        labels={{
          title: t.title,
          date: t.date,
          time: t.time,
          place: t.place,
          organizationId: t.organization,
          participantUserIds: t.participants,
        }}
      />
      <TextField form={form} name="title" label={t.title} maxLength={200} required />
      <TextField form={form} name="date" label={t.date} type="date" required />
      <TextField form={form} name="time" label={t.time} hint={t.timeHint} inputMode="numeric" maxLength={5} required />
      <TextField form={form} name="place" label={t.place} maxLength={200} />
      {options.organizations.length > 1 && (
        <SelectField
          form={form}
          name="organizationId"
          label={t.organization}
          options={[
            { value: '', label: t.chooseOrganization },
            ...options.organizations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          required
        />
      )}
      <CheckboxGroupField
        form={form}
        name="participantUserIds"
        label={t.participants}
        hint={t.participantsHint}
        options={options.users.map((u) => ({ value: u.userId, label: `${u.name} (${u.organizationName})` }))}
      />
      <SubmitButton submitting={form.submitting}>{t.create}</SubmitButton>
    </form>
  );
}

export function CaseReviewFormPage() {
  const { state } = useApi<CaseReviewOptions>('/api/case-reviews/options');
  return (
    <Page title={t.formTitle}>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && <CaseReviewForm options={state.data} />}
    </Page>
  );
}
