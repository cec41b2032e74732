import { useNavigate } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
  type CommuneFieldComponent,
} from '#src/shared/ui/form.tsx';
import { Page } from '#src/shared/ui/page.tsx';
import {
  referralConsents,
  referralDifficulties,
  referralUrgencies,
  type Referral,
} from '#src/modules/referrals/api/referral.schema.ts';
import { entryChannels } from '#src/shared/vocabulary/entry-channels.ts';

const t = messages.referrals;

const choose = (values: readonly string[], labels: Record<string, string>, placeholder: string) => [
  { value: '', label: placeholder },
  ...values.map((v) => ({ value: v, label: labels[v] ?? v })),
];

const labels = {
  channel: t.channel,
  signalledByName: t.signalledByName,
  signalledByContact: t.signalledByContact,
  subjectFirstName: t.firstName,
  subjectLastName: t.lastName,
  subjectBirthDate: t.birthDate,
  subjectApproximateAge: t.approximateAge,
  subjectAddress: t.address,
  subjectCommuneInsee: t.commune,
  subjectPhone: t.phone,
  description: t.description,
  difficulties: t.difficultiesLabel,
  urgency: t.urgency,
  consent: t.consent,
};

/** Raising a referral: every field keeps what was typed when the server refuses it. */
export function ReferralFormPage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const navigate = useNavigate();
  const form = useForm({
    initial: {
      channel: '',
      signalledByName: '',
      signalledByContact: '',
      subjectFirstName: '',
      subjectLastName: '',
      subjectBirthDate: '',
      subjectApproximateAge: '',
      subjectAddress: '',
      subjectCommuneInsee: '',
      subjectPhone: '',
      description: '',
      difficulties: '',
      urgency: 'normal',
      consent: '',
    },
    submit: async (values) => {
      const created = await api<Referral>('/api/referrals', {
        body: { ...values, difficulties: values.difficulties.split(',').filter(Boolean) },
      });
      await navigate(`/signalements/${created.id}`, { state: { notice: t.created } });
    },
  });
  return (
    <Page title={t.formTitle} lead={t.formLead}>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <ErrorSummary form={form} labels={labels} />
        <h2>{t.sectionOrigin}</h2>
        <SelectField
          form={form}
          name="channel"
          label={t.channel}
          options={choose(entryChannels, messages.entryChannels, t.chooseChannel)}
          required
        />
        <TextField
          form={form}
          name="signalledByName"
          label={t.signalledByName}
          hint={t.signalledByNameHint}
          maxLength={200}
        />
        <TextField form={form} name="signalledByContact" label={t.signalledByContact} maxLength={200} />
        <h2>{t.sectionPerson}</h2>
        <TextField form={form} name="subjectFirstName" label={t.firstName} maxLength={100} autoComplete="off" />
        <TextField form={form} name="subjectLastName" label={t.lastName} maxLength={100} autoComplete="off" required />
        <TextField form={form} name="subjectBirthDate" label={t.birthDate} type="date" />
        <TextField
          form={form}
          name="subjectApproximateAge"
          label={t.approximateAge}
          hint={t.approximateAgeHint}
          inputMode="numeric"
          maxLength={3}
        />
        <TextField form={form} name="subjectAddress" label={t.address} maxLength={300} autoComplete="off" />
        <CommuneField form={form} name="subjectCommuneInsee" label={t.commune} />
        <TextField form={form} name="subjectPhone" label={t.phone} type="tel" maxLength={40} autoComplete="off" />
        <h2>{t.sectionSituation}</h2>
        <TextAreaField form={form} name="description" label={t.description} maxLength={5000} required />
        <CheckboxGroupField
          form={form}
          name="difficulties"
          label={t.difficultiesLabel}
          options={referralDifficulties.map((d) => ({ value: d, label: t.difficulties[d] ?? d }))}
        />
        <SelectField
          form={form}
          name="urgency"
          label={t.urgency}
          options={referralUrgencies.map((u) => ({ value: u, label: t.urgencies[u] ?? u }))}
          required
        />
        <SelectField
          form={form}
          name="consent"
          label={t.consent}
          hint={t.consentHint}
          options={choose(referralConsents, t.consents, t.chooseConsent)}
          required
        />
        <SubmitButton submitting={form.submitting} busyLabel={t.sending}>
          {t.submit}
        </SubmitButton>
      </form>
    </Page>
  );
}
