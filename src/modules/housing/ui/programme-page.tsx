import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { ProgrammeDetail } from '#src/modules/housing/api/housing.schema.ts';
import { shown } from '#src/modules/housing/ui/display.ts';
import { UnitTable } from '#src/modules/housing/ui/supply-page.tsx';

const t = messages.housing;
const c = t.columns;

/** A programme: its address and plan, the accessibility of each building's path, its units and photos. */
export function ProgrammePage() {
  const { id } = useParams();
  const { state } = useApi<ProgrammeDetail>(`/api/housing/programmes/${id}`);
  if (state.status === 'loading') return <Page title={t.programme.title('…')} />;
  if (state.status === 'error')
    return (
      <Page title={t.programme.title('')}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const p = state.data;
  const address = [p.addressLine, p.postalCode, p.communeName].filter(Boolean).join(' ');
  return (
    <Page
      title={t.programme.title(p.name)}
      lead={
        <>
          <Link to={`/bailleurs/${p.organizationId}`}>{p.landlordName}</Link> · {t.programmeKinds[p.kind]} ·{' '}
          {t.phases[p.phase]}
        </>
      }
    >
      <section className="housing-facts">
        <h2>{t.programme.summary}</h2>
        <dl>
          <div>
            <dt>{t.programme.address}</dt>
            <dd>{address || '—'}</dd>
          </div>
          <div>
            <dt>{t.programme.delivery}</dt>
            <dd>{p.deliveryDate ? formatDate(p.deliveryDate) : '—'}</dd>
          </div>
          <div>
            <dt>{t.programme.services}</dt>
            <dd>
              {p.services.length
                ? p.services.map((s) => t.services[s as keyof typeof t.services] ?? s).join(', ')
                : t.programme.none}
            </dd>
          </div>
          <div>
            <dt>{t.programme.labels}</dt>
            <dd>
              {p.labels.length
                ? p.labels.map((l) => `${l.label}${l.awardedOn ? ` (${formatDate(l.awardedOn)})` : ''}`).join(', ')
                : t.programme.none}
            </dd>
          </div>
          <div>
            <dt>{t.programme.qpv}</dt>
            <dd>{shown(p.qpv)}</dd>
          </div>
        </dl>
      </section>
      {p.unitsPlanned.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t.programme.planned}</caption>
            <thead>
              <tr>
                <th scope="col">{c.typology}</th>
                <th scope="col">{c.financing}</th>
                <th scope="col">{c.count}</th>
              </tr>
            </thead>
            <tbody>
              {p.unitsPlanned.map((row) => (
                <tr key={`${row.typology}-${row.financing}`}>
                  <th scope="row">{row.typology}</th>
                  <td>{row.financing}</td>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.programme.buildings}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t.programme.buildings}</caption>
          <thead>
            <tr>
              <th scope="col">{c.entrance}</th>
              <th scope="col">{c.floors}</th>
              <th scope="col">{c.steps}</th>
              <th scope="col">{c.lift}</th>
              <th scope="col">{c.lastCheck}</th>
            </tr>
          </thead>
          <tbody>
            {p.buildings.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.entranceLabel}</th>
                <td>{shown(b.floorsAboveGround)}</td>
                <td>
                  {b.rampPresent
                    ? `${shown(b.stepsStreetToLobby)} (${t.fields.rampPresent.toLowerCase()})`
                    : shown(b.stepsStreetToLobby)}
                </td>
                <td>
                  {b.liftCount === null
                    ? t.unit.notMeasured
                    : b.liftCount === 0
                      ? t.unit.no
                      : `${b.liftCount}${b.liftServesAllLandings ? ` — ${t.fields.liftServesAllLandings.toLowerCase()}` : ''}`}
                </td>
                <td>
                  {b.lastCheckOn
                    ? `${formatDate(b.lastCheckOn)}${b.lastCheckMethod ? ` (${t.checkMethods[b.lastCheckMethod]})` : ''}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t.programme.units}</h2>
      {p.canEdit && p.buildings.length > 0 && (
        <p className="actions">
          <Link className="button" to={`/logements/programmes/${p.id}/nouveau-logement`}>
            {t.programme.addUnit}
          </Link>
        </p>
      )}
      <UnitTable items={p.units} caption={t.programme.units} />
      <h2>{t.programme.photos}</h2>
      {p.photos.length === 0 ? <p>{t.programme.noPhotos}</p> : null}
    </Page>
  );
}
