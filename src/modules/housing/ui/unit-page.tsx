import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { UnitDetail } from '#src/modules/housing/api/housing.schema.ts';
import { euros, shown } from '#src/modules/housing/ui/display.ts';

const t = messages.housing;
const f = t.fields;

type Row = [label: string, value: string];

function Facts({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <section className="housing-facts">
      <h2>{title}</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const label = <K extends string>(labels: Record<K, string>, value: K | null) => (value ? labels[value] : null);

/** One unit: every measurement grouped, and the derived level with the measurements that decide it. */
export function UnitPage() {
  const { id } = useParams();
  const { state } = useApi<UnitDetail>(`/api/housing/units/${id}`);
  if (state.status === 'loading') return <Page title={t.unit.title('…')} />;
  if (state.status === 'error')
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : t.unit.title('')}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const u = state.data;
  const v = u.values;
  const b = u.building;
  return (
    <Page
      title={t.unit.title(v.landlordUnitRef)}
      lead={
        <>
          <Link to={`/logements/programmes/${u.programmeId}`}>{u.programmeName}</Link> · {u.landlordName}
          {u.communeName ? ` · ${u.communeName}` : ''}
        </>
      }
    >
      {u.canEdit && (
        <p className="actions">
          <Link className="button" to={`/logements/${u.id}/modifier`}>
            {t.unit.edit}
          </Link>
        </p>
      )}
      <p>
        <Link to={`/logements/${u.id}/demande`}>{messages.applications.ui.demandLink}</Link>
      </p>
      <Why unit={u} />
      <Facts
        title={t.unit.general}
        rows={[
          [f.status, `${t.statuses[v.status]}${v.availableFrom ? ` — ${formatDate(v.availableFrom)}` : ''}`],
          [f.floor, String(v.floor)],
          [f.typology, `${v.typology}, ${v.bedrooms} ${f.bedrooms.toLowerCase()}`],
          [f.surfaceM2, shown(v.surfaceM2, 'm²')],
          [f.individualHouse, shown(v.individualHouse)],
          [f.financing, v.financing],
          [f.rentEur, euros(v.rentEur)],
          [
            f.chargesEur,
            `${euros(v.chargesEur)}${v.chargesIncludeHeating ? ` (${f.chargesIncludeHeating.toLowerCase()})` : ''}`,
          ],
          [f.energyClass, shown(v.energyClass)],
        ]}
      />
      <Facts
        title={`${t.unit.path} — ${b.entranceLabel}`}
        rows={[
          [f.stepsStreetToLobby, shown(b.stepsStreetToLobby)],
          [f.rampPresent, shown(b.rampPresent)],
          [f.entranceHandrail, shown(b.entranceHandrail)],
          [f.entranceDoorAutomatic, shown(b.entranceDoorAutomatic)],
          [f.buildingDoorWidth, shown(b.entranceDoorClearWidthCm, 'cm')],
          [f.liftCount, shown(b.liftCount)],
          [f.liftServesAllLandings, shown(b.liftServesAllLandings)],
          [f.liftHalfLevelSteps, shown(b.liftHalfLevelSteps)],
          [f.liftServesLanding, shown(u.liftToLanding)],
          [
            f.lastCheckOn,
            b.lastCheckOn
              ? `${formatDate(b.lastCheckOn)}${b.lastCheckMethod ? ` (${t.checkMethods[b.lastCheckMethod]})` : ''}`
              : t.unit.notMeasured,
          ],
        ]}
      />
      <Facts
        title={t.unit.interior}
        rows={[
          [f.stepFreeAccessDeclared, shown(v.stepFreeAccessDeclared)],
          [f.entranceDoorClearWidthCm, shown(v.entranceDoorClearWidthCm, 'cm')],
          [f.doorClearWidthMinCm, shown(v.doorClearWidthMinCm, 'cm')],
          [f.internalSteps, shown(v.internalSteps)],
          [f.thresholdsMaxCm, shown(v.thresholdsMaxCm, 'cm')],
          [f.kitchenPassage150, shown(v.kitchenPassage150)],
          [f.bedroomPassage90, shown(v.bedroomPassage90)],
        ]}
      />
      <Facts
        title={t.unit.bathroom}
        rows={[
          [f.showerType, shown(label(t.showerTypes, v.showerType))],
          [f.showerStepCm, shown(v.showerStepCm, 'cm')],
          [f.turningCircle150, shown(v.turningCircle150)],
          [f.grabBars, shown(v.grabBars)],
          [f.showerSeat, shown(v.showerSeat)],
          [f.wcRaised, shown(v.wcRaised)],
          [f.wcLateralSpace, shown(v.wcLateralSpace)],
          [f.wcGrabBar, shown(v.wcGrabBar)],
          [f.wcSeparate, shown(v.wcSeparate)],
        ]}
      />
      <Facts
        title={t.unit.comfort}
        rows={[
          [f.shutters, shown(label(t.shutters, v.shutters))],
          [f.videophone, shown(v.videophone)],
          [f.lightPath, shown(v.lightPath)],
          [f.visualDoorbell, shown(v.visualDoorbell)],
          [f.visualContrasts, shown(v.visualContrasts)],
          [f.simpleSignage, shown(v.simpleSignage)],
          [f.balconyOrGarden, shown(v.balconyOrGarden)],
          [f.personalisedFittings, shown(v.personalisedFittings)],
          [
            t.unit.measuredOn,
            v.measuredOn
              ? `${formatDate(v.measuredOn)}${v.measurementMethod ? ` (${t.checkMethods[v.measurementMethod]})` : ''}`
              : t.unit.notMeasured,
          ],
        ]}
      />
      <section className="housing-facts">
        <h2>{t.unit.works}</h2>
        {v.worksFeasible ? (
          <>
            <p>{v.worksLandlordCommitment ? t.unit.worksCommitted : t.unit.worksNotCommitted}</p>
            <ul>
              {v.works.map((w) => (
                <li key={w}>{t.unit.workKinds[w]}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t.unit.worksNone}</p>
        )}
      </section>
    </Page>
  );
}

function Why({ unit }: { unit: UnitDetail }) {
  const w = t.why;
  const { decisive, checks, toVerify } = unit.derivation;
  const checkLine = (c: UnitDetail['derivation']['checks'][number]) =>
    `${t.checks[c.code as keyof typeof t.checks] ?? c.code} — ${t.checkStatus[c.status]}${
      c.value !== null && typeof c.value !== 'boolean' ? ` (${String(c.value)})` : ''
    }`;
  return (
    <section className="housing-why" aria-labelledby="housing-why-title">
      <h2 id="housing-why-title">{w.heading}</h2>
      <p className="housing-level">
        {w.reached(t.levels[unit.accessLevel])}
        {unit.accessFlags.map((flag) => ` ${t.flags[flag]}.`)}
      </p>
      {decisive.length === 0 ? (
        <p>{w.top}</p>
      ) : (
        <>
          <p>{toVerify ? w.unknown : w.failed}</p>
          <ul>
            {decisive.map((c) => (
              <li key={c.code}>{checkLine(c)}</li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{w.allChecks}</summary>
        <ul>
          {checks.map((c) => (
            <li key={c.code}>
              {c.level} · {checkLine(c)}
            </li>
          ))}
        </ul>
        <p className="field__hint">{w.threshold}</p>
      </details>
    </section>
  );
}
