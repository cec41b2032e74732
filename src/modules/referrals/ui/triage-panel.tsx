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
import { Alert } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  referralClosureReasons,
  type Referral,
  type TriageOptions,
} from '#src/modules/referrals/api/referral.schema.ts';
import { AcceptForm } from '#src/modules/referrals/ui/accept-form.tsx';

const t = messages.referrals;

type Props = { referral: Referral; onDecided: (notice: string) => void };

function RedirectForm({ referral, options, onDecided }: Props & { options: TriageOptions }) {
  const form = useForm({
    initial: { toOrganizationId: '', toName: '', reason: '' },
    submit: async (values) => {
      await api<Referral>(`/api/referrals/${referral.id}/redirect`, { body: values });
      onDecided(t.redirected);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary
        form={form}
        labels={{ toOrganizationId: t.redirectOrganization, toName: t.redirectName, reason: t.redirectReasonLabel }}
      />
      <SelectField
        form={form}
        name="toOrganizationId"
        label={t.redirectOrganization}
        options={[
          { value: '', label: t.chooseOrganization },
          ...options.organizations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <TextField form={form} name="toName" label={t.redirectName} hint={t.redirectNameHint} maxLength={200} />
      <TextAreaField form={form} name="reason" label={t.redirectReasonLabel} rows={3} maxLength={2000} required />
      <SubmitButton submitting={form.submitting}>{t.redirect}</SubmitButton>
    </form>
  );
}

function CloseForm({ referral, onDecided }: Props) {
  const form = useForm({
    initial: { reason: '', comment: '' },
    submit: async (values) => {
      await api<Referral>(`/api/referrals/${referral.id}/close`, { body: values });
      onDecided(t.closed);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{ reason: t.closeReasonLabel, comment: t.closeComment }} />
      <SelectField
        form={form}
        name="reason"
        label={t.closeReasonLabel}
        options={[
          { value: '', label: t.chooseReason },
          ...referralClosureReasons.map((r) => ({ value: r, label: t.closureReasons[r] ?? r })),
        ]}
        required
      />
      <TextAreaField form={form} name="comment" label={t.closeComment} rows={3} maxLength={2000} />
      <SubmitButton submitting={form.submitting}>{t.close}</SubmitButton>
    </form>
  );
}

/** The three triage decisions, each its own form so that one's input survives another's error. */
export function TriagePanel({ CommuneField, ...props }: Props & { CommuneField: CommuneFieldComponent }) {
  const { state } = useApi<TriageOptions>('/api/referrals/triage-options');
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') return <Alert kind="error">{state.error.message}</Alert>;
  return (
    <section aria-labelledby="triage-title" className="triage-actions">
      <h2 id="triage-title">{t.triageTitle}</h2>
      <section aria-labelledby="accept-title" className="panel">
        <h3 id="accept-title">{t.acceptTitle}</h3>
        <p>{t.acceptLead}</p>
        <AcceptForm {...props} options={state.data} CommuneField={CommuneField} />
      </section>
      <section aria-labelledby="redirect-title" className="panel">
        <h3 id="redirect-title">{t.redirectTitle}</h3>
        <RedirectForm {...props} options={state.data} />
      </section>
      <section aria-labelledby="close-title" className="panel">
        <h3 id="close-title">{t.closeTitle}</h3>
        <p>{t.closeLead}</p>
        <CloseForm {...props} />
      </section>
    </section>
  );
}
