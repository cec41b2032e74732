import { Link, useSearchParams } from 'react-router';
import type { ApplicationSummary } from '#src/modules/applications/api/application.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const t = messages.applications;

/** The applications of the pathways the user follows (or of one pathway: ?parcours=…), soonest expiry first. */
export function ApplicationsPage() {
  const [params] = useSearchParams();
  const pathwayId = params.get('parcours');
  const query = pathwayId ? `?pathwayId=${encodeURIComponent(pathwayId)}` : '';
  const { state } = useApi<{ items: ApplicationSummary[] }>(`/api/housing-applications${query}`);
  return (
    <Page title={t.ui.listTitle} lead={t.ui.listLead}>
      {pathwayId && (
        <p>
          <Link className="button button--primary" to={`/demandes-logement/nouvelle?parcours=${pathwayId}`}>
            {t.ui.add}
          </Link>
        </p>
      )}
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{t.ui.none}</p>
        ) : (
          <table>
            <caption>{t.ui.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.ui.col.person}</th>
                <th scope="col">{t.ui.col.sneNumber}</th>
                <th scope="col">{t.ui.col.status}</th>
                <th scope="col">{t.ui.col.transfer}</th>
                <th scope="col">{t.ui.col.expiresOn}</th>
                <th scope="col">{t.ui.col.qualified}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/demandes-logement/${a.id}`}>{a.personName}</Link>
                  </th>
                  <td>{a.sneNumber}</td>
                  <td>{t.status[a.status]}</td>
                  <td>{a.isTransfer ? t.ui.yes : t.ui.no}</td>
                  <td>{formatDate(a.expiresOn)}</td>
                  <td>{a.qualified ? t.ui.yes : t.ui.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Page>
  );
}
