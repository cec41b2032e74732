import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
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
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  abandonmentReasons,
  followUpUsages,
  type FollowUpDue,
  type FollowUpsDue,
} from '#src/modules/trials/api/trial.schema.ts';

const t = messages.trials;
const u = t.ui;
const ff = u.followUpFields;

const today = () => parisDay(new Date());
const whoOf = (item: FollowUpDue) =>
  item.personName ?? u.professional(item.professionalName ?? '', item.professionalOrganization ?? '');

/** Records how the product is used three months on; an abandonment asks why. */
function FollowUpForm({ item, onDone }: { item: FollowUpDue; onDone: () => void }) {
  const form = useForm({
    initial: { followedUpOn: today(), usage: 'in_use', abandonmentReasons: '', note: '' },
    submit: async (v) => {
      await api(`/api/trials/${item.id}/follow-up`, {
        body: {
          ...v,
          abandonmentReasons: v.usage === 'abandoned' ? v.abandonmentReasons.split(',').filter(Boolean) : [],
        },
      });
      onDone();
    },
  });
  const headingId = `follow-up-${item.id}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{u.followUpLegend(item.productName, whoOf(item))}</h2>
      <p>
        {u.followUp.due(formatDate(item.followUpDueOn!))}
        {item.overdue && <strong className="trials-overdue"> — {u.overdue}</strong>}
        {item.personId && (
          <>
            {' · '}
            <Link to={`/personnes/${item.personId}/essais`}>{u.personLink}</Link>
          </>
        )}
      </p>
      {/* Folded: the list stays short to scan; the form opens with the keyboard like any disclosure. */}
      <details className="trials-follow-up" open={form.formError !== null}>
        <summary>{u.recordFollowUp}</summary>
        <form onSubmit={form.onSubmit} noValidate className="form">
          <ErrorSummary
            form={form}
            labels={{
              followedUpOn: ff.followedUpOn,
              usage: ff.usage,
              abandonmentReasons: ff.abandonmentReasons,
              note: ff.note,
            }}
          />
          <TextField form={form} name="followedUpOn" label={ff.followedUpOn} type="date" required />
          <SelectField
            form={form}
            name="usage"
            label={ff.usage}
            options={followUpUsages.map((value) => ({ value, label: t.usages[value] }))}
          />
          {form.values.usage === 'abandoned' && (
            <CheckboxGroupField
              form={form}
              name="abandonmentReasons"
              label={ff.abandonmentReasons}
              options={abandonmentReasons.map((value) => ({ value, label: t.abandonmentReasons[value] }))}
            />
          )}
          <TextAreaField form={form} name="note" label={ff.note} maxLength={2000} />
          <SubmitButton submitting={form.submitting}>{u.recordFollowUp}</SubmitButton>
        </form>
      </details>
    </section>
  );
}

/** The follow-ups to do: acquired products whose three months are up or nearly so. */
export function FollowUpsPage() {
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const { state, reload } = useApi<FollowUpsDue>('/api/trials/follow-ups-due');
  const done = () => {
    setNotice(u.followUpSaved);
    reload();
  };
  return (
    <Page title={u.followUpsTitle} lead={u.followUpsLead}>
      <p>
        <Link to="/essais/nouveau">{u.professionalLink}</Link>
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{u.followUpsNone}</p>
        ) : (
          state.data.items.map((item) => <FollowUpForm key={item.id} item={item} onDone={done} />)
        ))}
    </Page>
  );
}
