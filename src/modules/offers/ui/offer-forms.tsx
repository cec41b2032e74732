import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  CheckboxField,
  CheckboxGroupField,
  ErrorSummary,
  FieldLayout,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '#src/shared/ui/form.tsx';
import type { Committee, Offer } from '#src/modules/offers/api/offer.schema.ts';
import {
  answers,
  committeeDecisions,
  fixableByLandlord,
  refusalStages,
  wouldAcceptIfAttributes,
} from '#src/modules/offers/api/offer.schema.ts';
import {
  applicantFamilies,
  familyOf,
  isRefusalReasonCode,
  reasonsOfFamily,
} from '#src/modules/offers/api/offer.schema.ts';

const t = messages.offers;
const u = t.ui;
const today = () => parisDay(new Date());

/** Sends, then shows the server's issues on the form's own field names. */
async function send(path: string, body: unknown, fieldOf: (path: string) => string = (p) => p) {
  try {
    await api(path, { body });
  } catch (error) {
    if (!(error instanceof ApiError) || error.issues.length === 0) throw error;
    const issues = error.issues.map((i) => ({ ...i, path: fieldOf(i.path) }));
    throw new ApiError(error.status, error.code, error.message, issues, error.details);
  }
}

type Done = () => void;

export function VisitForm({ offer, done }: { offer: Offer; done: Done }) {
  const form = useForm({
    initial: { visitOn: today() },
    submit: (v) => send(`/api/offers/${offer.id}/visit`, v).then(done),
  });
  return (
    <section aria-labelledby="visit-form" className="panel">
      <h2 id="visit-form">{u.visitTitle}</h2>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={{ visitOn: u.visitOn }} />
        <TextField form={form} name="visitOn" label={u.visitOn} type="date" required />
        <SubmitButton submitting={form.submitting}>{u.recordVisit}</SubmitButton>
      </form>
    </section>
  );
}

export function DecisionForm({ offer, committees, done }: { offer: Offer; committees: Committee[]; done: Done }) {
  const own = committees.filter((c) => c.landlord.id === offer.landlord.id);
  const form = useForm({
    initial: { committeeId: own[0]?.id ?? '', decision: 'attribution', rank: '1', condition: '', notifiedOn: today() },
    submit: (v) =>
      send(`/api/offers/${offer.id}/committee-decision`, {
        ...v,
        rank: v.decision.startsWith('attribution') ? Number(v.rank) : null,
        notifiedOn: v.notifiedOn || null,
      }).then(done),
  });
  const labels = {
    committeeId: u.committee,
    decision: u.decision,
    rank: u.rank,
    condition: u.condition,
    notifiedOn: u.notifiedOn,
  };
  return (
    <section aria-labelledby="decision-form" className="panel">
      <h2 id="decision-form">{u.committeeTitle}</h2>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <SelectField
          form={form}
          name="committeeId"
          label={u.committee}
          required
          options={own.map((c) => ({
            value: c.id,
            label: `${c.heldOn.split('-').reverse().join('/')} — ${c.commune}`,
          }))}
        />
        <SelectField
          form={form}
          name="decision"
          label={u.decision}
          options={committeeDecisions.map((d) => ({ value: d, label: t.decisions[d] }))}
        />
        <SelectField
          form={form}
          name="rank"
          label={u.rank}
          options={['1', '2', '3'].map((r) => ({ value: r, label: r }))}
        />
        <TextField form={form} name="condition" label={u.condition} />
        <TextField form={form} name="notifiedOn" label={u.notifiedOn} type="date" hint={u.delayNote} />
        <SubmitButton submitting={form.submitting}>{u.recordDecision}</SubmitButton>
      </form>
    </section>
  );
}

const secondaryField = (family: string) => `secondary_${family}`;

/** The person's answer; a refusal names its reasons, grouped by family as in the taxonomy. */
export function AnswerForm({ offer, done }: { offer: Offer; done: Done }) {
  const initial: Record<string, string> = {
    answer: offer.status === 'attributed' ? 'accept' : 'refuse',
    answeredOn: today(),
    late: '',
    lateReason: '',
    primaryReason: '',
    stage: '',
    verbatim: '',
    wouldAcceptAttribute: '',
    wouldAcceptValue: '',
    fixableByLandlord: 'unknown',
    consequencesExplained: '',
    ...Object.fromEntries(applicantFamilies.map((f) => [secondaryField(f), ''])),
  };
  const form = useForm({
    initial,
    submit: (v) => {
      const secondary = applicantFamilies.flatMap((f) => v[secondaryField(f)]!.split(',').filter(Boolean));
      const refusal =
        v.answer === 'refuse'
          ? {
              primaryReason: v.primaryReason || null,
              secondaryReasons: secondary,
              stage: v.stage || null,
              verbatim: v.verbatim,
              wouldAcceptIf: v.wouldAcceptAttribute
                ? [{ attribute: v.wouldAcceptAttribute, requiredValue: v.wouldAcceptValue }]
                : [],
              fixableByLandlord: v.fixableByLandlord,
              consequencesExplained: v.consequencesExplained === 'true',
            }
          : null;
      return send(
        `/api/offers/${offer.id}/answer`,
        { answer: v.answer, answeredOn: v.answeredOn, late: v.late === 'true', lateReason: v.lateReason, refusal },
        (path) => {
          if (path.startsWith('refusal.secondaryReasons.')) {
            const code = secondary[Number(path.split('.')[2])] ?? '';
            return secondaryField(isRefusalReasonCode(code) ? familyOf(code) : applicantFamilies[0]!);
          }
          if (path.startsWith('refusal.wouldAcceptIf')) return 'wouldAcceptValue';
          return path.replace(/^refusal\./, '');
        },
      ).then(done);
    },
  });
  const refusing = form.values.answer === 'refuse';
  const labels: Record<string, string> = {
    answer: u.answer,
    answeredOn: u.answeredOn,
    late: u.late,
    lateReason: u.lateReason,
    primaryReason: u.primaryReason,
    stage: u.stage,
    verbatim: u.verbatim,
    wouldAcceptValue: u.wouldAcceptValue,
    ...Object.fromEntries(
      applicantFamilies.map((f) => [secondaryField(f), `${u.secondaryReasons} — ${t.families[f]}`]),
    ),
  };
  const primaryId = form.idFor('primaryReason');
  return (
    <section aria-labelledby="answer-form" className="panel">
      <h2 id="answer-form">{u.answerTitle}</h2>
      {offer.responseDeadline && <p>{u.delayNote}</p>}
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <SelectField
          form={form}
          name="answer"
          label={u.answer}
          options={answers.map((a) => ({ value: a, label: t.answers[a] }))}
        />
        <TextField form={form} name="answeredOn" label={u.answeredOn} type="date" required />
        <CheckboxField form={form} name="late" label={u.late} />
        {form.values.late === 'true' && <TextAreaField form={form} name="lateReason" label={u.lateReason} rows={2} />}
        {refusing && (
          <>
            <FieldLayout id={primaryId} label={u.primaryReason} error={form.fieldErrors.primaryReason} required>
              {(control) => (
                <select
                  {...control}
                  name="primaryReason"
                  value={form.values.primaryReason}
                  onChange={(e) => form.setValue('primaryReason', e.target.value)}
                >
                  <option value="">{u.noReason}</option>
                  {applicantFamilies.map((f) => (
                    <optgroup key={f} label={t.families[f]}>
                      {reasonsOfFamily(f).map((c) => (
                        <option key={c} value={c}>
                          {t.reasons[c]}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </FieldLayout>
            <fieldset className="offers-reasons">
              <legend>{u.secondaryReasons}</legend>
              {applicantFamilies.map((f) => (
                <CheckboxGroupField
                  key={f}
                  form={form}
                  name={secondaryField(f)}
                  label={t.families[f]}
                  options={reasonsOfFamily(f)
                    .filter((c) => c !== form.values.primaryReason)
                    .map((c) => ({ value: c, label: t.reasons[c] }))}
                />
              ))}
            </fieldset>
            <SelectField
              form={form}
              name="stage"
              label={u.stage}
              options={[
                { value: '', label: u.stageAuto },
                ...refusalStages.map((s) => ({ value: s, label: t.stages[s] })),
              ]}
            />
            <TextAreaField form={form} name="verbatim" label={u.verbatim} rows={3} maxLength={1000} />
            <SelectField
              form={form}
              name="wouldAcceptAttribute"
              label={u.wouldAcceptAttribute}
              options={[
                { value: '', label: u.none },
                ...wouldAcceptIfAttributes.map((a) => ({ value: a, label: t.attributes[a] })),
              ]}
            />
            {form.values.wouldAcceptAttribute && (
              <TextField form={form} name="wouldAcceptValue" label={u.wouldAcceptValue} required />
            )}
            <SelectField
              form={form}
              name="fixableByLandlord"
              label={u.fixable}
              options={fixableByLandlord.map((f) => ({ value: f, label: t.fixable[f] }))}
            />
            <CheckboxField form={form} name="consequencesExplained" label={u.consequences} />
          </>
        )}
        <SubmitButton submitting={form.submitting}>{u.recordAnswer}</SubmitButton>
      </form>
    </section>
  );
}

export function MoveInForm({ offer, done }: { offer: Offer; done: Done }) {
  const form = useForm({
    initial: { leaseSignedOn: '', movedInOn: today() },
    submit: (v) => send(`/api/offers/${offer.id}/move-in`, v).then(done),
  });
  return (
    <section aria-labelledby="move-form" className="panel">
      <h2 id="move-form">{u.moveTitle}</h2>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={{ leaseSignedOn: u.leaseSignedOn, movedInOn: u.movedInOn }} />
        <TextField form={form} name="leaseSignedOn" label={u.leaseSignedOn} type="date" />
        <TextField form={form} name="movedInOn" label={u.movedInOn} type="date" required />
        <SubmitButton submitting={form.submitting}>{u.recordMove}</SubmitButton>
      </form>
    </section>
  );
}
