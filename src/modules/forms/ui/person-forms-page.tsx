import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { useOffline } from '#src/shared/ui/use-offline.ts';
import type { ResponseSummary, TemplateSummary } from '#src/modules/forms/api/form.schema.ts';

const t = messages.forms.ui;

/** The part of the person file this page shows (read by URL from the people module). */
export type PersonHeader = { id: string; firstName: string; lastName: string; canWrite: boolean };

/** `/personnes/:id/formulaires`: the person's responses, and the templates to fill a new one. */
export function PersonFormsPage() {
  const { id = '' } = useParams();
  const person = useApi<PersonHeader>(`/api/people/${encodeURIComponent(id)}`).state;
  const responses = useApi<{ items: ResponseSummary[] }>(`/api/people/${encodeURIComponent(id)}/form-responses`).state;
  const canWrite = person.status === 'ready' && person.data.canWrite;
  const templates = useApi<{ items: TemplateSummary[] }>(canWrite ? '/api/form-templates' : null).state;
  const waiting = useOffline().items.filter((i) => i.kind === 'form_response' && i.personId === id);
  if (person.status === 'loading' || responses.status === 'loading') {
    return <p role="status">{messages.app.loading}</p>;
  }
  const failed = person.status === 'error' ? person.error : responses.status === 'error' ? responses.error : null;
  if (failed || person.status !== 'ready' || responses.status !== 'ready') {
    return (
      <Page title={failed?.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{failed?.message}</Alert>
      </Page>
    );
  }
  const name = `${person.data.firstName} ${person.data.lastName}`;
  const stored = new Set(responses.data.items.map((r) => r.id));
  const notSent = waiting.filter((i) => !stored.has(i.key));
  const changedHere = new Set(waiting.map((i) => i.key));
  return (
    <Page title={t.listTitle(name)}>
      <p>
        <Link to={`/personnes/${id}`}>{t.backToFile}</Link>
      </p>
      {responses.data.items.length + notSent.length === 0 ? (
        <p>{t.noResponses}</p>
      ) : (
        <table>
          <caption>{t.responsesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.template}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.author}</th>
              <th scope="col">{t.updatedAt}</th>
            </tr>
          </thead>
          <tbody>
            {notSent.map((i) => (
              <tr key={i.key}>
                <th scope="row">
                  <Link to={`/personnes/${id}/formulaires/${i.key}`}>{i.label}</Link>
                </th>
                <td>{messages.offline.list.notSent}</td>
                <td>{messages.offline.list.thisDevice}</td>
                <td>{formatDateTime(i.updatedAt)}</td>
              </tr>
            ))}
            {responses.data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/personnes/${id}/formulaires/${r.id}`}>{r.templateTitle}</Link>{' '}
                  <span className="forms-muted">({t.versionLabel(r.version)})</span>
                </th>
                <td>{changedHere.has(r.id) ? messages.offline.list.changedHere : t.statuses[r.status]}</td>
                <td>{r.authorName}</td>
                <td>{formatDateTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <section aria-labelledby="forms-fill">
          <h2 id="forms-fill">{t.fillTitle}</h2>
          <p>{t.fillLead}</p>
          {templates.status === 'error' && <Alert kind="error">{templates.error.message}</Alert>}
          {templates.status === 'ready' && (
            <ul className="forms-templates">
              {templates.data.items.map((tpl) => (
                <li key={tpl.id}>
                  <Link to={`/personnes/${id}/formulaires/remplir/${tpl.latestVersionId}`}>{tpl.title}</Link>{' '}
                  <span className="forms-muted">({t.versionLabel(tpl.latestVersion)})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
