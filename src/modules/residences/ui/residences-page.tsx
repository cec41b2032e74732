import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { ResidenceList } from '#src/modules/residences/api/residence.schema.ts';

const t = messages.residences;

/** Every résidence autonomie of the territory with its occupancy and how many people wait. */
export function ResidencesPage() {
  const { state } = useApi<ResidenceList>('/api/residences');
  return (
    <Page title={t.listTitle} lead={t.listLead}>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <>
          {state.data.canManage && (
            <p>
              <Link className="button" to="/residences/nouvelle">
                {t.newResidence}
              </Link>
            </p>
          )}
          {state.data.items.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <table>
              <caption>{t.listCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columns.name}</th>
                  <th scope="col">{t.columns.commune}</th>
                  <th scope="col">{t.columns.manager}</th>
                  <th scope="col">{t.columns.units}</th>
                  <th scope="col">{t.columns.occupancy}</th>
                  <th scope="col">{t.columns.vacant}</th>
                  <th scope="col">{t.columns.waiting}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/residences/${r.id}`}>{r.name}</Link>
                    </th>
                    <td>{r.communeName ?? '—'}</td>
                    <td>{r.managingOrganizationName}</td>
                    <td>{r.unitCount}</td>
                    <td>{t.rate(r.occupancyRate)}</td>
                    <td>{r.vacantCount}</td>
                    <td>{r.waitingCount}</td>
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
