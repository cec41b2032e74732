import { Link, useParams } from 'react-router';
import type { UnitDemand } from '#src/modules/applications/api/application.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const t = messages.applications;

/** The reverse view of a unit: anonymous counts for landlords, with names for CCAS users who may see the files. */
export function UnitDemandPage() {
  const { id } = useParams();
  const { state } = useApi<UnitDemand>(`/api/units/${id}/demand`);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') return <Alert kind="error">{state.error.message}</Alert>;
  const d = state.data;
  return (
    <Page title={`${t.ui.demandTitle} : ${d.unitLabel}`} lead={t.ui.demandLead}>
      {d.persons === null && <p>{t.ui.demandAnonymous}</p>}
      <dl className="application-facts">
        <dt>{t.ui.demandQualified}</dt>
        <dd>{d.qualified.label}</dd>
        <dt>{t.ui.demandPassing}</dt>
        <dd>{d.passing.label}</dd>
        <dt>{t.ui.demandAfterWorks}</dt>
        <dd>{d.afterWorks.label}</dd>
      </dl>
      {d.eliminatedBy.length === 0 ? (
        <p>{t.ui.demandNoElimination}</p>
      ) : (
        <table>
          <caption>{t.ui.demandEliminatedCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.ui.colConstraint}</th>
              <th scope="col">{t.ui.demandColApplications}</th>
            </tr>
          </thead>
          <tbody>
            {d.eliminatedBy.map((e) => (
              <tr key={e.key}>
                <th scope="row">{e.label}</th>
                <td>{e.applications.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.persons !== null && (
        <section>
          <h2>{t.ui.demandPersonsTitle}</h2>
          {d.persons.length === 0 ? (
            <p>{t.ui.demandPersonsNone}</p>
          ) : (
            <table>
              <caption>{t.ui.demandPersonsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.ui.col.person}</th>
                  <th scope="col">{t.ui.colOutcome}</th>
                </tr>
              </thead>
              <tbody>
                {d.persons.map((p) => (
                  <tr key={p.applicationId}>
                    <th scope="row">
                      <Link to={`/demandes-logement/${p.applicationId}/logements`}>{p.personName}</Link>
                    </th>
                    <td>{t.verdict[p.verdict]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </Page>
  );
}
