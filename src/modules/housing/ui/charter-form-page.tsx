import { useState } from 'react';
import { Link, useParams } from 'react-router';
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
} from '#src/shared/ui/form.tsx';
import { Alert } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { LandlordDetail } from '#src/modules/housing/api/housing.schema.ts';
import { LoadedPage } from '#src/modules/housing/ui/loaded-page.tsx';
import { numberOf } from '#src/modules/housing/ui/measure-form.ts';

const t = messages.housing;
const f = t.fields;
type Charter = NonNullable<LandlordDetail['charter']>;

/** A landlord's signature of the charter (`/bailleurs/:id/charte`) and the yearly values of the commitments it took. */
export function CharterFormPage() {
  const { id } = useParams();
  const { state, reload } = useApi<LandlordDetail>(`/api/housing/landlords/${id}`);
  const title = t.form.charterOf(state.status === 'ready' ? state.data.name : '…');
  return (
    <LoadedPage title={title} states={[state]}>
      {() =>
        state.status === 'ready' &&
        (state.data.charter ? (
          <>
            <SignatureForm landlordId={state.data.id} charter={state.data.charter} onSaved={reload} />
            <ReviewForm landlordId={state.data.id} charter={state.data.charter} onSaved={reload} />
            <p>
              <Link to={`/bailleurs/${state.data.id}`}>{t.form.cancel}</Link>
            </p>
          </>
        ) : (
          <p>{t.form.noCharter}</p>
        ))
      }
    </LoadedPage>
  );
}

type SignatureValues = { signedOn: string; commitmentCodes: string };
const signatureLabels = { signedOn: f.signedOn, commitmentCodes: f.commitmentCodes };

function SignatureForm({
  landlordId,
  charter,
  onSaved,
}: {
  landlordId: string;
  charter: Charter;
  onSaved: () => void;
}) {
  const [saved, setSaved] = useState(false);
  const form = useForm<SignatureValues>({
    initial: {
      signedOn: charter.signedOn ?? '',
      commitmentCodes: charter.commitments
        .filter((c) => c.taken)
        .map((c) => c.code)
        .join(','),
    },
    submit: async (values) => {
      setSaved(false);
      const body = { signedOn: values.signedOn, commitmentCodes: values.commitmentCodes.split(',').filter(Boolean) };
      await api(`/api/housing/landlords/${landlordId}/charter-signature`, { method: 'PUT', body });
      setSaved(true);
      onSaved();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="housing-form" aria-labelledby="housing-signature-title">
      <h2 id="housing-signature-title">{t.form.signature}</h2>
      <p>{t.form.signatureIntro(charter.version)}</p>
      <ErrorSummary form={form} labels={signatureLabels} />
      {saved && <Alert kind="success">{t.form.signed}</Alert>}
      <TextField form={form} name="signedOn" label={f.signedOn} type="date" required />
      <CheckboxGroupField
        form={form}
        name="commitmentCodes"
        label={f.commitmentCodes}
        options={charter.commitments.map((c) => ({ value: c.code, label: `${c.label} (${c.indicator})` }))}
      />
      <p className="actions">
        <SubmitButton submitting={form.submitting}>{t.form.sign}</SubmitButton>
      </p>
    </form>
  );
}

type ReviewValues = { commitmentId: string; year: string; value: string; comment: string };
const reviewLabels = { commitmentId: f.commitment, year: f.year, value: f.value, comment: f.comment };

function ReviewForm({ landlordId, charter, onSaved }: { landlordId: string; charter: Charter; onSaved: () => void }) {
  const [saved, setSaved] = useState(false);
  const taken = charter.commitments.filter((c) => c.taken);
  const latest = (commitmentId: string, year: string) =>
    charter.reviews.find((r) => r.commitmentId === commitmentId && String(r.year) === year);
  const firstId = taken[0]?.id ?? '';
  const thisYear = String(new Date().getFullYear());
  const form = useForm<ReviewValues>({
    initial: {
      commitmentId: firstId,
      year: thisYear,
      value: latest(firstId, thisYear)?.value ?? '',
      comment: latest(firstId, thisYear)?.comment ?? '',
    },
    submit: async (values) => {
      setSaved(false);
      const body = { ...values, year: numberOf(values.year) };
      await api(`/api/housing/landlords/${landlordId}/charter-reviews`, { method: 'PUT', body });
      setSaved(true);
      onSaved();
    },
  });
  if (taken.length === 0)
    return (
      <section aria-labelledby="housing-review-title">
        <h2 id="housing-review-title">{t.form.review}</h2>
        <p>{t.form.noCommitmentTaken}</p>
      </section>
    );
  const known = latest(form.values.commitmentId, form.values.year);
  return (
    <form onSubmit={form.onSubmit} noValidate className="housing-form" aria-labelledby="housing-review-title">
      <h2 id="housing-review-title">{t.form.review}</h2>
      <p>{t.form.reviewIntro}</p>
      <ErrorSummary form={form} labels={reviewLabels} />
      {saved && <Alert kind="success">{t.form.reviewSaved}</Alert>}
      <SelectField
        form={form}
        name="commitmentId"
        label={f.commitment}
        required
        options={taken.map((c) => ({ value: c.id, label: c.label }))}
      />
      <TextField form={form} name="year" label={f.year} inputMode="numeric" required maxLength={4} />
      {known && <p className="field__hint">{t.form.knownValue(known.value)}</p>}
      <TextField form={form} name="value" label={f.value} required maxLength={120} />
      <TextAreaField form={form} name="comment" label={f.comment} maxLength={1000} rows={3} />
      <p className="actions">
        <SubmitButton submitting={form.submitting}>{t.landlords.saveReview}</SubmitButton>
      </p>
    </form>
  );
}
