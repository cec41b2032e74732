import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { Residence } from '#src/modules/residences/api/residence.schema.ts';
import { ResidenceForm } from '#src/modules/residences/ui/residence-form.tsx';
import { UnitsSection } from '#src/modules/residences/ui/residence-units.tsx';
import { WaitingListSection } from '#src/modules/residences/ui/waiting-list.tsx';

const t = messages.residences;

function Facts({ residence }: { residence: Residence }) {
  const orNotSet = (v: string | null) => v ?? t.notSet;
  return (
    <>
      <dl className="facts panel">
        <dt>{t.manager}</dt>
        <dd>{residence.managingOrganizationName}</dd>
        <dt>{t.address}</dt>
        <dd>{[residence.addressLine, residence.communeName].filter(Boolean).join(', ') || t.notSet}</dd>
        <dt>{t.finess}</dt>
        <dd>{orNotSet(residence.finess)}</dd>
        <dt>{t.capacity}</dt>
        <dd>{residence.capacity}</dd>
        <dt>{t.services}</dt>
        <dd>{orNotSet(residence.services)}</dd>
        <dt>{t.monthlyPrice}</dt>
        <dd>{residence.monthlyPrice === null ? t.notSet : t.price(residence.monthlyPrice)}</dd>
      </dl>
      <h2>{t.conditions}</h2>
      <dl className="facts panel">
        <dt>GIR</dt>
        <dd>{t.girRange(residence.girMin, residence.girMax)}</dd>
        <dt>{t.minAge}</dt>
        <dd>{residence.minAge === null ? t.notSet : t.minAgeValue(residence.minAge)}</dd>
        <dt>{t.otherConditions}</dt>
        <dd>{orNotSet(residence.otherConditions)}</dd>
      </dl>
    </>
  );
}

/** One residence: its facts and conditions, its units and occupants, its waiting list in order. */
export function ResidencePage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const { state, reload } = useApi<Residence>(`/api/residences/${encodeURIComponent(id)}`);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') {
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  }
  const residence = state.data;
  const saved = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <Page title={t.detailTitle(residence.name)}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p>
        <Link to="/residences">{t.backToList}</Link>
      </p>
      <Facts residence={residence} />
      {residence.canManage && (
        <details className="panel">
          <summary>{t.editTitle}</summary>
          <ResidenceForm CommuneField={CommuneField} residence={residence} onSaved={() => saved(t.saved)} />
        </details>
      )}
      <UnitsSection residence={residence} onSaved={saved} />
      <WaitingListSection residence={residence} onSaved={saved} />
    </Page>
  );
}
