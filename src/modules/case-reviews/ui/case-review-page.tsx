import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
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
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type {
  CaseReview,
  CaseReviewItem,
  CaseReviewOptions,
} from '#src/modules/case-reviews/api/case-review.schema.ts';

const t = messages.caseReviews;

/** What the pathway list answers that the agenda form needs. */
type PathwayChoice = { id: string; firstName: string; lastName: string; stageLabel: string };

type ItemProps = {
  review: CaseReview;
  item: CaseReviewItem;
  onSaved: (notice: string) => void;
};

function SummaryForm({ review, item, onSaved }: ItemProps) {
  const form = useForm({
    initial: { summary: item.summary ?? '' },
    submit: async (values) => {
      await api(`/api/case-reviews/${review.id}/items/${item.id}/summary`, { method: 'PUT', body: values });
      onSaved(t.summarySaved);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{ summary: t.summary }} />
      <TextAreaField form={form} name="summary" label={t.summary} rows={4} maxLength={10000} />
      <SubmitButton submitting={form.submitting}>{t.saveSummary}</SubmitButton>
    </form>
  );
}

function DecisionForm({ review, item, onSaved }: ItemProps) {
  const form = useForm({
    initial: { text: '', assigneeUserId: '', dueDate: '' },
    submit: async (values) => {
      await api(`/api/case-reviews/${review.id}/items/${item.id}/decisions`, { body: values });
      form.setValue('text', '');
      form.setValue('assigneeUserId', '');
      form.setValue('dueDate', '');
      onSaved(t.decisionAdded);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary
        form={form}
        labels={{ text: t.decisionText, assigneeUserId: t.taskAssignee, dueDate: t.taskDueDate }}
      />
      <TextAreaField form={form} name="text" label={t.decisionText} rows={2} maxLength={2000} required />
      <SelectField
        form={form}
        name="assigneeUserId"
        label={t.taskAssignee}
        options={[
          { value: '', label: t.noAssignee },
          ...review.participants.map((p) => ({ value: p.userId, label: `${p.name} (${p.organizationName})` })),
        ]}
      />
      <TextField form={form} name="dueDate" label={t.taskDueDate} type="date" />
      <SubmitButton submitting={form.submitting}>{t.addDecision}</SubmitButton>
    </form>
  );
}

function AgendaItem(props: ItemProps) {
  const { review, item } = props;
  const headingId = `item-${item.id}`;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t.item(item.position, item.personName)}</h3>
      <p>{item.canOpenFile ? <Link to={`/parcours/${item.pathwayId}`}>{t.openFile}</Link> : t.fileNotShared}</p>
      {review.canEdit ? (
        <SummaryForm {...props} />
      ) : (
        <>
          <h4>{t.summary}</h4>
          <p>{item.summary ?? t.noSummary}</p>
        </>
      )}
      <h4>{t.decisions}</h4>
      {item.decisions.length === 0 ? (
        <p>{t.noDecisions}</p>
      ) : (
        <ul>
          {item.decisions.map((d) => (
            <li key={d.id}>
              {d.text}
              {d.taskId && <strong> — {t.becameTask}</strong>}
            </li>
          ))}
        </ul>
      )}
      {review.canEdit && <DecisionForm {...props} />}
    </section>
  );
}

/** Who attends can change after planning; the organiser stays, and someone removed loses the meeting. */
function ParticipantsForm({ review, onSaved }: { review: CaseReview; onSaved: (notice: string) => void }) {
  const { state } = useApi<CaseReviewOptions>('/api/case-reviews/options');
  const form = useForm({
    initial: { participantUserIds: review.participants.map((p) => p.userId).join(',') },
    submit: async (values) => {
      await api(`/api/case-reviews/${review.id}/participants`, {
        method: 'PUT',
        body: { participantUserIds: values.participantUserIds.split(',').filter(Boolean) },
      });
      onSaved(t.participantsSaved);
    },
  });
  if (state.status !== 'ready') return null;
  return (
    <details className="panel">
      <summary>{t.editParticipants}</summary>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <ErrorSummary form={form} labels={{ participantUserIds: t.participants }} />
        <CheckboxGroupField
          form={form}
          name="participantUserIds"
          label={t.participants}
          hint={t.participantsEditHint}
          options={state.data.users.map((u) => ({ value: u.userId, label: `${u.name} (${u.organizationName})` }))}
        />
        <SubmitButton submitting={form.submitting}>{t.saveParticipants}</SubmitButton>
      </form>
    </details>
  );
}

function AddItemForm({ review, onSaved }: { review: CaseReview; onSaved: (notice: string) => void }) {
  const { state } = useApi<{ items: PathwayChoice[] }>('/api/pathways?scope=team');
  const onAgenda = new Set(review.items.map((i) => i.pathwayId));
  const form = useForm({
    initial: { pathwayId: '' },
    submit: async (values) => {
      await api(`/api/case-reviews/${review.id}/items`, { body: values });
      form.setValue('pathwayId', '');
      onSaved(t.itemAdded);
    },
  });
  const choices = state.status === 'ready' ? state.data.items.filter((p) => !onAgenda.has(p.id)) : [];
  return (
    <section aria-labelledby="add-item" className="panel">
      <h3 id="add-item">{t.addItem}</h3>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <ErrorSummary form={form} labels={{ pathwayId: t.pathway }} />
        <SelectField
          form={form}
          name="pathwayId"
          label={t.pathway}
          options={[
            { value: '', label: t.choosePathway },
            ...choices.map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName} — ${p.stageLabel}` })),
          ]}
          required
        />
        <SubmitButton submitting={form.submitting}>{t.add}</SubmitButton>
      </form>
    </section>
  );
}

/** One meeting: who attends, the agenda, and for each situation the minutes and decisions. */
export function CaseReviewPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const { state, reload } = useApi<CaseReview>(`/api/case-reviews/${encodeURIComponent(id)}`);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') {
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  }
  const review = state.data;
  const saved = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <Page title={t.detailTitle(review.title)}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p>
        <Link to="/syntheses">{t.backToList}</Link>
      </p>
      <dl className="facts panel">
        <dt>{t.when}</dt>
        <dd>{formatDateTime(review.scheduledAt)}</dd>
        {review.place && (
          <>
            <dt>{t.place}</dt>
            <dd>{review.place}</dd>
          </>
        )}
        <dt>{t.organizer}</dt>
        <dd>{review.organizerName}</dd>
        <dt>{t.participants}</dt>
        <dd>
          <ul>
            {review.participants.map((p) => (
              <li key={p.userId}>
                {p.name} ({p.organizationName})
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {review.canEdit && <ParticipantsForm review={review} onSaved={saved} />}
      <h2>{t.agenda}</h2>
      {review.items.length === 0 && <p>{t.agendaEmpty}</p>}
      {review.items.map((item) => (
        <AgendaItem key={item.id} review={review} item={item} onSaved={saved} />
      ))}
      {review.canEdit && <AddItemForm review={review} onSaved={saved} />}
    </Page>
  );
}
