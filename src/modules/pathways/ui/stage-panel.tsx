import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate } from '#src/shared/ui/page.tsx';
import { withIssuesOn } from '#src/modules/pathways/ui/remap-issues.ts';
import { closureReasons, outcomes, type PathwayDetail } from '#src/modules/pathways/api/pathway.schema.ts';

const t = messages.pathways;
const u = t.ui;

/** The stepper with days per stage, the history, the qualification summary and the transition form. */
export function StagePanel({ detail, onChanged }: { detail: PathwayDetail; onChanged: () => void }) {
  const p = detail.pathway;
  const active = detail.stages.filter((s) => s.active);
  const closing = active.at(-1);
  const labelOf = (id: string) => detail.stages.find((s) => s.id === id)?.label ?? '';
  // Kept outside the forms, which remount on every stage change, so the confirmation stays on screen.
  const [notice, setNotice] = useState('');
  const done = (text: string) => {
    setNotice(text);
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="pathway-stages">
      <h2 id="pathway-stages">{u.stagesTitle}</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ol className="stepper" aria-label={u.stepperLabel}>
        {active.map((s) => (
          <li
            key={s.id}
            className={s.id === p.stageId ? 'stepper__step stepper__step--current' : 'stepper__step'}
            aria-current={s.id === p.stageId ? 'step' : undefined}
          >
            <span className="stepper__label">{s.label}</span>
            <span className="stepper__days">{u.daysIn(s.days)}</span>
            {s.id === p.stageId && <span className="visually-hidden"> ({u.currentStage})</span>}
          </li>
        ))}
      </ol>
      {p.closedOn && (
        <Alert kind="info">
          {u.closedNotice(formatDate(p.closedOn))} {u.outcomeLabel} : {p.outcome ? t.outcomes[p.outcome] : '—'} ·{' '}
          {u.closureReasonLabel} : {p.closureReason ? t.closureReasons[p.closureReason] : '—'}
        </Alert>
      )}
      <table>
        <caption>{u.historyTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{u.historyColumns.date}</th>
            <th scope="col">{u.historyColumns.kind}</th>
            <th scope="col">{u.historyColumns.to}</th>
            <th scope="col">{u.historyColumns.by}</th>
            <th scope="col">{u.historyColumns.reason}</th>
          </tr>
        </thead>
        <tbody>
          {detail.history.map((h) => (
            <tr key={h.id}>
              <td>{formatDate(h.effectiveOn)}</td>
              <td>{t.transitionKinds[h.kind]}</td>
              <td>{labelOf(h.toStageId)}</td>
              <td>{h.byName}</td>
              <td>
                {h.reason}
                {h.outcome &&
                  ` (${t.outcomes[h.outcome]}${h.closureReason ? `, ${t.closureReasons[h.closureReason]}` : ''})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.canWrite && <QualificationForm detail={detail} onSaved={() => done(u.saved)} />}
      {detail.canWrite && closing && (
        <TransitionForm
          detail={detail}
          closingId={closing.id}
          onMoved={(stageId) => done(u.moved(`${p.firstName} ${p.lastName}`, labelOf(stageId)))}
          key={p.stageId}
        />
      )}
    </section>
  );
}

function QualificationForm({ detail, onSaved }: { detail: PathwayDetail; onSaved: () => void }) {
  const form = useForm({
    initial: { qualificationSummary: detail.pathway.qualificationSummary ?? '' },
    submit: async (values) => {
      await api(`/api/pathways/${detail.pathway.id}`, { method: 'PATCH', body: values });
      onSaved();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="pathway-qualification">
      <h3 id="pathway-qualification">{u.qualificationTitle}</h3>
      <ErrorSummary form={form} labels={{ qualificationSummary: u.qualificationSummary }} />
      <TextAreaField
        form={form}
        name="qualificationSummary"
        label={u.qualificationSummary}
        hint={u.qualificationHint}
        maxLength={4000}
      />
      <SubmitButton submitting={form.submitting}>{u.saveQualification}</SubmitButton>
    </form>
  );
}

/**
 * One form for every move: the next stage is preselected; choosing the closing stage asks for the
 * outcome and its reason; on a closed pathway the same form reopens it to a chosen stage.
 */
function TransitionForm({
  detail,
  closingId,
  onMoved,
}: {
  detail: PathwayDetail;
  closingId: string;
  onMoved: (stageId: string) => void;
}) {
  const p = detail.pathway;
  const active = detail.stages.filter((s) => s.active);
  const index = active.findIndex((s) => s.id === p.stageId);
  const closed = p.stageId === closingId;
  const targets = active.filter((s) => s.id !== p.stageId && (!closed || s.id !== closingId));
  const form = useForm({
    initial: {
      toStageId: closed ? (targets[0]?.id ?? '') : (active[index + 1]?.id ?? ''),
      effectiveOn: '',
      reason: '',
      outcome: '',
      closureReason: '',
    },
    submit: async (values) => {
      const closes = values.toStageId === closingId;
      const own = new Set(Object.keys(values));
      await withIssuesOn(
        api(`/api/pathways/${p.id}/transitions`, {
          body: {
            toStageId: values.toStageId,
            ...(values.effectiveOn ? { effectiveOn: values.effectiveOn } : {}),
            reason: values.reason || null,
            ...(closes ? { outcome: values.outcome || null, closureReason: values.closureReason || null } : {}),
          },
        }),
        // What a stage requires (a summary, a visit, a choice) is refused on the choice of stage.
        (path) => (own.has(path) ? path : 'toStageId'),
      );
      onMoved(values.toStageId);
    },
  });
  const closes = form.values.toStageId === closingId;
  const title = closed ? u.reopenTitle : u.moveTitle;
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="pathway-move">
      <h3 id="pathway-move">{title}</h3>
      <ErrorSummary
        form={form}
        labels={{
          toStageId: u.toStage,
          effectiveOn: u.effectiveOn,
          reason: u.reason,
          outcome: u.outcome,
          closureReason: u.closureReason,
        }}
      />
      <SelectField
        form={form}
        name="toStageId"
        label={u.toStage}
        required
        options={targets.map((s) => ({ value: s.id, label: s.label }))}
      />
      <TextField form={form} name="effectiveOn" label={u.effectiveOn} hint={u.effectiveOnHint} type="date" />
      <TextAreaField form={form} name="reason" label={u.reason} hint={u.reasonHint} rows={3} maxLength={2000} />
      {closes && (
        <>
          <SelectField
            form={form}
            name="outcome"
            label={u.outcome}
            hint={u.closureHint}
            required
            options={[{ value: '', label: u.choose }, ...outcomes.map((o) => ({ value: o, label: t.outcomes[o] }))]}
          />
          <SelectField
            form={form}
            name="closureReason"
            label={u.closureReason}
            required
            options={[
              { value: '', label: u.choose },
              ...closureReasons.map((r) => ({ value: r, label: t.closureReasons[r] })),
            ]}
          />
        </>
      )}
      <SubmitButton submitting={form.submitting}>{closed ? u.reopen : u.move}</SubmitButton>
    </form>
  );
}
