import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { PersonTrials, Trial } from '#src/modules/trials/api/trial.schema.ts';

const t = messages.trials;
const c = t.ui.columns;

/** Where the trial stands after it: acquired and when the follow-up is due, or what the follow-up found. */
function followUpText(trial: Trial) {
  if (trial.usage && trial.followedUpOn)
    return t.ui.followUp.done(t.usages[trial.usage], formatDate(trial.followedUpOn));
  if (trial.followUpDueOn) return t.ui.followUp.due(formatDate(trial.followUpDueOn));
  return t.ui.followUp.none;
}

/** Records the acquisition of a product found suitable, which schedules its follow-up. */
function AcquisitionForm({ trial, onDone }: { trial: Trial; onDone: (notice: string) => void }) {
  const form = useForm({
    initial: { acquiredOn: '' },
    submit: async (v) => {
      await api(`/api/trials/${trial.id}/acquisition`, { body: v });
      onDone(t.ui.acquisition.saved);
    },
  });
  const legendId = `acquisition-${trial.id}`;
  return (
    <form onSubmit={form.onSubmit} noValidate className="form form--inline" aria-labelledby={legendId}>
      <p id={legendId} className="trials-muted">
        {t.ui.acquisition.legend(trial.productName)}
      </p>
      <ErrorSummary form={form} labels={{ acquiredOn: t.ui.fields.acquiredOn }} />
      <TextField form={form} name="acquiredOn" label={t.ui.fields.acquiredOn} type="date" required />
      <SubmitButton submitting={form.submitting}>{t.ui.acquisition.record}</SubmitButton>
    </form>
  );
}

/** A person's trials, for readers of the file; therapists record new ones and acquisitions from here. */
export function PersonTrialsPage() {
  const { personId = '' } = useParams();
  const location = useLocation();
  // Coming from a pathway, a new trial is recorded for it.
  const [params] = useSearchParams();
  const pathwayId = params.get('parcours');
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const { state, reload } = useApi<PersonTrials>(`/api/people/${personId}/trials`);
  const { state: person } = useApi<{ firstName: string; lastName: string }>(`/api/people/${personId}`);
  const name = person.status === 'ready' ? `${person.data.firstName} ${person.data.lastName}` : '';
  const done = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <Page title={t.ui.personTitle(name)}>
      <p>
        <Link to={`/personnes/${personId}`}>{t.ui.backToPerson}</Link>
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <>
          {state.data.canRecord && (
            <p>
              <Link
                className="button button--primary"
                to={`/essais/nouveau?${new URLSearchParams({ personne: personId, ...(pathwayId ? { parcours: pathwayId } : {}) })}`}
              >
                {t.ui.record}
              </Link>
            </p>
          )}
          {state.data.items.length === 0 ? (
            <p>{t.ui.none}</p>
          ) : (
            <table>
              <caption>{t.ui.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.product}</th>
                  <th scope="col">{c.date}</th>
                  <th scope="col">{c.context}</th>
                  <th scope="col">{c.outcome}</th>
                  <th scope="col">{c.satisfaction}</th>
                  <th scope="col">{c.therapist}</th>
                  <th scope="col">{c.followUp}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((trial) => (
                  <tr key={trial.id}>
                    <th scope="row">
                      {trial.productName}
                      {trial.opinion && <p className="trials-quote">{trial.opinion}</p>}
                    </th>
                    <td>{formatDate(trial.triedOn)}</td>
                    <td>{t.contexts[trial.context]}</td>
                    <td>
                      {t.outcomes[trial.outcome]}
                      {trial.reasons.length > 0 && (
                        <ul className="trials-reasons">
                          {trial.reasons.map((r) => (
                            <li key={r}>{t.reasons[r as keyof typeof t.reasons] ?? r}</li>
                          ))}
                        </ul>
                      )}
                      {trial.reasonNote && <p>{trial.reasonNote}</p>}
                    </td>
                    <td>{trial.satisfaction === null ? '' : `${trial.satisfaction} / 5`}</td>
                    <td>{trial.therapistName}</td>
                    <td>
                      {followUpText(trial)}
                      {state.data.canRecord && trial.outcome !== 'unsuitable' && !trial.acquiredOn && (
                        <AcquisitionForm trial={trial} onDone={done} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Page>
  );
}
