import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import {
  CheckboxGroupField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  useForm,
} from '#src/shared/ui/form.tsx';
import { formatDate } from '#src/shared/ui/page.tsx';
import {
  personalCriteria,
  personStances,
  solutionKinds,
  type PathwayDetail,
  type SolutionOption,
} from '#src/modules/pathways/api/pathway.schema.ts';

const t = messages.pathways;
const u = t.ui;

/** The solutions considered with the person: their view, what matters to them, their family's, and their choice. */
export function OptionsPanel({ detail, onChanged }: { detail: PathwayDetail; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const choose = async (option: SolutionOption) => {
    await api(`/api/pathway-options/${option.id}/choice`, { body: {} });
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="pathway-options">
      <h2 id="pathway-options">{u.optionsTitle}</h2>
      <p>{u.optionsLead}</p>
      {detail.options.length === 0 && <p>{u.optionsEmpty}</p>}
      <ul className="card-list">
        {detail.options.map((o) => (
          <li key={o.id} className={o.chosenOn ? 'card card--chosen' : 'card'}>
            <h3 className="card__title">{t.solutionKinds[o.kind]}</h3>
            {o.chosenOn && <p className="tag tag--success">{u.chosen(formatDate(o.chosenOn))}</p>}
            <p>{o.description}</p>
            <dl className="facts">
              <dt>{u.professionalAssessment}</dt>
              <dd>{o.professionalAssessment ?? '—'}</dd>
              <dt>{u.personStance}</dt>
              <dd>
                {o.personStance ? t.stances[o.personStance] : u.noStance}
                {o.personWords && ` — « ${o.personWords} »`}
              </dd>
              <dt>{u.criteria}</dt>
              <dd>
                {[...o.criteria.map((c) => t.criteria[c]), ...(o.otherCriteria ? [o.otherCriteria] : [])].join(', ') ||
                  '—'}
              </dd>
              <dt>{u.familyPosition}</dt>
              <dd>{o.familyPosition ?? '—'}</dd>
            </dl>
            {detail.canWrite && (
              <p className="actions">
                {!o.chosenOn && (
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={u.chooseFor(t.solutionKinds[o.kind])}
                    onClick={() => void choose(o)}
                  >
                    {u.chooseOption}
                  </button>
                )}
                {editing !== o.id && (
                  <button type="button" className="button button--link" onClick={() => setEditing(o.id)}>
                    {u.editOption}
                  </button>
                )}
              </p>
            )}
            {editing === o.id && (
              <OptionForm
                title={u.editOption}
                option={o}
                send={(body) => api(`/api/pathway-options/${o.id}`, { method: 'PUT', body })}
                onDone={() => {
                  setEditing(null);
                  onChanged();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {detail.canWrite && (
        <OptionForm
          title={u.addOption}
          send={(body) => api(`/api/pathways/${detail.pathway.id}/options`, { body })}
          onDone={onChanged}
        />
      )}
    </section>
  );
}

function OptionForm({
  title,
  option,
  send,
  onDone,
}: {
  title: string;
  option?: SolutionOption;
  send: (body: unknown) => Promise<unknown>;
  onDone: () => void;
}) {
  const form = useForm({
    initial: {
      kind: option?.kind ?? '',
      description: option?.description ?? '',
      professionalAssessment: option?.professionalAssessment ?? '',
      personStance: option?.personStance ?? '',
      personWords: option?.personWords ?? '',
      criteria: option?.criteria.join(',') ?? '',
      otherCriteria: option?.otherCriteria ?? '',
      familyPosition: option?.familyPosition ?? '',
    },
    submit: async (values) => {
      await send({
        ...values,
        personStance: values.personStance || null,
        criteria: values.criteria.split(',').filter(Boolean),
      });
      onDone();
    },
  });
  const labels = {
    kind: u.optionKind,
    description: u.description,
    professionalAssessment: u.professionalAssessment,
    personStance: u.personStance,
    personWords: u.personWords,
    criteria: u.criteria,
    otherCriteria: u.otherCriteria,
    familyPosition: u.familyPosition,
  };
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-label={title}>
      {!option && <h3>{title}</h3>}
      <ErrorSummary form={form} labels={labels} />
      <SelectField
        form={form}
        name="kind"
        label={labels.kind}
        required
        options={[
          { value: '', label: u.choose },
          ...solutionKinds.map((k) => ({ value: k, label: t.solutionKinds[k] })),
        ]}
      />
      <TextAreaField form={form} name="description" label={labels.description} required rows={3} maxLength={4000} />
      <TextAreaField
        form={form}
        name="professionalAssessment"
        label={labels.professionalAssessment}
        rows={3}
        maxLength={4000}
      />
      <SelectField
        form={form}
        name="personStance"
        label={labels.personStance}
        options={[{ value: '', label: u.noStance }, ...personStances.map((s) => ({ value: s, label: t.stances[s] }))]}
      />
      <TextAreaField form={form} name="personWords" label={labels.personWords} rows={2} maxLength={4000} />
      <CheckboxGroupField
        form={form}
        name="criteria"
        label={labels.criteria}
        options={personalCriteria.map((c) => ({ value: c, label: t.criteria[c] }))}
      />
      <TextAreaField form={form} name="otherCriteria" label={labels.otherCriteria} rows={2} maxLength={1000} />
      <TextAreaField form={form} name="familyPosition" label={labels.familyPosition} rows={2} maxLength={4000} />
      <SubmitButton submitting={form.submitting}>{option ? u.saveOption : u.addOption}</SubmitButton>
    </form>
  );
}
