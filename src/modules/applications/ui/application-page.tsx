import { Link, useParams } from 'react-router';
import { preferenceKeys, type ApplicationDetail } from '#src/modules/applications/api/application.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';

const t = messages.applications;
const f = t.ui.field;

const yesNo = (v: boolean | null) => (v === null ? t.ui.unset : v ? t.ui.yes : t.ui.no);
const orUnset = (v: string | number | null) => (v === null || v === '' ? t.ui.unset : String(v));

/** One application as recorded, with links to edit it and to the units ranked for it. */
export function ApplicationPage() {
  const { id } = useParams();
  const { state } = useApi<ApplicationDetail>(`/api/housing-applications/${id}`);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') return <Alert kind="error">{state.error.message}</Alert>;
  const a = state.data;
  const weighted = preferenceKeys.filter((k) => (a.weights[k] ?? 0) > 0);
  return (
    <Page title={t.ui.detailTitle(a.personName)}>
      <p className="actions">
        <Link className="button button--primary" to={`/demandes-logement/${a.id}/logements`}>
          {t.ui.seeMatches}
        </Link>
        {a.canWrite && (
          <Link className="button" to={`/demandes-logement/${a.id}/modifier`}>
            {t.ui.edit}
          </Link>
        )}
        <Link to={`/parcours/${a.pathwayId}`}>{t.ui.seePathway}</Link>
      </p>
      <section className="panel">
        <h2>{t.ui.sections.application}</h2>
        <dl className="application-facts">
          <dt>{f.sneNumber}</dt>
          <dd>{a.sneNumber}</dd>
          <dt>{f.system}</dt>
          <dd>{t.system[a.system]}</dd>
          <dt>{f.status}</dt>
          <dd>{t.status[a.status]}</dd>
          <dt>{f.firstFiledOn}</dt>
          <dd>{formatDate(a.firstFiledOn)}</dd>
          <dt>{f.lastRenewedOn}</dt>
          <dd>{a.lastRenewedOn ? formatDate(a.lastRenewedOn) : t.ui.unset}</dd>
          <dt>{t.ui.col.expiresOn}</dt>
          <dd>{formatDate(a.expiresOn)}</dd>
          <dt>{t.ui.col.transfer}</dt>
          <dd>{a.isTransfer ? t.ui.yes : t.ui.no}</dd>
          <dt>{f.lastCheckedInSneOn}</dt>
          <dd>{a.lastCheckedInSneOn ? formatDate(a.lastCheckedInSneOn) : t.ui.unset}</dd>
        </dl>
      </section>
      <section className="panel">
        <h2>{t.ui.sections.wishes}</h2>
        <dl className="application-facts">
          <dt>{f.wishedCommunes}</dt>
          <dd>
            {a.wishedCommunes.length ? a.wishedCommunes.map((c) => c.name).join(', ') : t.ui.unset}
            {a.wishedCommunes.length > 0 && a.communesStrict && ` — ${f.communesStrict.toLowerCase()}`}
          </dd>
          <dt>{f.wishedTypologies}</dt>
          <dd>{a.wishedTypologies.length ? a.wishedTypologies.join(', ') : t.ui.unset}</dd>
          <dt>{f.maxBudgetEur}</dt>
          <dd>{orUnset(a.maxBudgetEur)}</dd>
          <dt>{f.secondBedroomRequired}</dt>
          <dd>{a.secondBedroomRequired ? t.ui.yes : t.ui.no}</dd>
          <dt>{f.floorPreference}</dt>
          <dd>{a.floorPreference ? t.floorPreference[a.floorPreference] : t.ui.unset}</dd>
          <dt>{f.wishedServices}</dt>
          <dd>
            {a.wishedServices.length
              ? a.wishedServices.map((sv) => messages.housing.services[sv]).join(', ')
              : t.ui.unset}
          </dd>
        </dl>
      </section>
      <section className="panel">
        <h2>{t.ui.sections.resources}</h2>
        <dl className="application-facts">
          <dt>{f.householdSize}</dt>
          <dd>{orUnset(a.householdSize)}</dd>
          <dt>{f.referenceIncomeEur}</dt>
          <dd>
            {a.referenceIncomeEur !== null && a.referenceIncomeYear !== null
              ? t.ui.referenceIncome(a.referenceIncomeEur, a.referenceIncomeYear)
              : t.ui.unset}
          </dd>
        </dl>
      </section>
      <section className="panel">
        <h2>{t.ui.sections.capacities}</h2>
        <dl className="application-facts">
          <dt>{f.maxStepsClimbable}</dt>
          <dd>{orUnset(a.maxStepsClimbable)}</dd>
          <dt>{f.walkingAid}</dt>
          <dd>{a.walkingAid ? t.walkingAid[a.walkingAid] : t.ui.unset}</dd>
          <dt>{f.needsStepFreeShower}</dt>
          <dd>{yesNo(a.needsStepFreeShower)}</dd>
          <dt>{f.needsLift}</dt>
          <dd>{yesNo(a.needsLift)}</dd>
        </dl>
      </section>
      <section className="panel">
        <h2>{t.ui.sections.preferences}</h2>
        {weighted.length === 0 ? (
          <p>{t.ui.noPreference}</p>
        ) : (
          <ul>
            {weighted.map((k) => (
              <li key={k}>
                {t.preference[k]} : {a.weights[k]} / 5 ({t.weightLabel(a.weights[k] ?? 0)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel">
        <h2>{t.ui.sections.cotation}</h2>
        <p>
          {a.cotationPoints !== null && a.cotationGridVersion && a.cotationAsOf
            ? t.ui.cotationValue(a.cotationPoints, a.cotationGridVersion, formatDate(a.cotationAsOf))
            : t.ui.cotationNone}
        </p>
        <p className="application-notice">{t.ui.cotationNotice}</p>
      </section>
    </Page>
  );
}
