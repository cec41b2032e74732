import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { AdminTemplateSummary } from '#src/modules/forms/api/form.schema.ts';

const b = messages.forms.builder;
const kindLabels = messages.forms.xlsform.ui.kinds;

/** `/admin/formulaires`: the workspace's form templates, to edit, import or export. */
export function TemplateListPage() {
  const { state } = useApi<{ items: AdminTemplateSummary[] }>('/api/admin/form-templates');
  return (
    <Page title={b.listTitle} lead={b.listLead}>
      <div className="actions builder-list-actions">
        <Link className="button button--primary" to="/admin/formulaires/nouveau">
          {b.newTemplate}
        </Link>
        <Link className="button" to="/admin/formulaires/importer">
          {b.importXlsform}
        </Link>
      </div>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <table>
          <caption>{b.listCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{b.title}</th>
              <th scope="col">{b.kind}</th>
              <th scope="col">{b.latestVersion}</th>
              <th scope="col">{b.publishedAt}</th>
              <th scope="col">{b.actions}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.title}</th>
                <td>{kindLabels[item.kind]}</td>
                <td>{b.versionNumber(item.latestVersion)}</td>
                <td>{formatDateTime(item.latestPublishedAt)}</td>
                <td className="actions">
                  <Link to={`/admin/formulaires/${item.id}`}>
                    {b.edit}
                    <span className="visually-hidden"> {b.named(item.title)}</span>
                  </Link>
                  <a href={`/api/admin/form-template-versions/${item.latestVersionId}/xlsform`} download>
                    {b.exportLatest}
                    <span className="visually-hidden"> {b.named(item.title)}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
