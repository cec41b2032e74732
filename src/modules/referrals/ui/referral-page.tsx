import { Link, useLocation, useParams } from 'react-router';
import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';
import type { Referral } from '#src/modules/referrals/api/referral.schema.ts';
import { TriagePanel } from '#src/modules/referrals/ui/triage-panel.tsx';

const t = messages.referrals;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One referral: what was signalled, and for triage users the three decisions while it is new. */
export function ReferralPage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const { state, reload } = useApi<Referral>(`/api/referrals/${encodeURIComponent(id)}`);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') {
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  }
  const r = state.data;
  const name = [r.subject.firstName, r.subject.lastName].filter(Boolean).join(' ') || t.unnamed;
  const decided = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <Page title={t.detailTitle(name)}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p>
        <Link to="/signalements">{t.backToList}</Link>
      </p>
      <section aria-labelledby="referral-facts" className="panel">
        <h2 id="referral-facts">{t.sectionSituation}</h2>
        <dl className="facts">
          <Fact label={t.columns.status}>{t.statuses[r.status] ?? r.status}</Fact>
          <Fact label={t.receivedOn}>{formatDateTime(r.receivedAt)}</Fact>
          <Fact label={t.channel}>{messages.entryChannels[r.channel] ?? r.channel}</Fact>
          <Fact label={t.urgency}>
            <span className={`urgency--${r.urgency}`}>{t.urgencies[r.urgency] ?? r.urgency}</span>
          </Fact>
          <Fact label={t.consent}>{t.consents[r.consent] ?? r.consent}</Fact>
          <Fact label={t.raisedBy}>
            {r.raisedByName} ({r.raisedByOrganizationName})
          </Fact>
          {(r.signalledByName || r.signalledByContact) && (
            <Fact label={t.signalledBy}>{[r.signalledByName, r.signalledByContact].filter(Boolean).join(' — ')}</Fact>
          )}
          <Fact label={t.description}>{r.description}</Fact>
          {r.difficulties.length > 0 && (
            <Fact label={t.difficultiesLabel}>{r.difficulties.map((d) => t.difficulties[d] ?? d).join(', ')}</Fact>
          )}
        </dl>
      </section>
      <section aria-labelledby="referral-person" className="panel">
        <h2 id="referral-person">{t.sectionPerson}</h2>
        <dl className="facts">
          <Fact label={t.lastName}>{name}</Fact>
          {r.subject.birthDate && <Fact label={t.birthDate}>{formatDate(r.subject.birthDate)}</Fact>}
          {r.subject.approximateAge !== null && (
            <Fact label={t.approximateAge}>{messages.people.age(r.subject.approximateAge)}</Fact>
          )}
          {r.subject.address && <Fact label={t.address}>{r.subject.address}</Fact>}
          {r.subject.communeInsee && <Fact label={t.commune}>{r.subject.communeName ?? r.subject.communeInsee}</Fact>}
          {r.subject.phone && <Fact label={t.phone}>{r.subject.phone}</Fact>}
          {r.personId && (
            <Fact label={t.linkedPerson}>
              <Link to={`/personnes/${r.personId}`}>{name}</Link>
            </Fact>
          )}
          {r.pathwayId && (
            <Fact label={t.openPathway}>
              <Link to={`/parcours/${r.pathwayId}`}>{t.openPathway}</Link>
            </Fact>
          )}
        </dl>
      </section>
      {r.decision && (
        <section aria-labelledby="referral-decision" className="panel">
          <h2 id="referral-decision">{t.decision}</h2>
          <dl className="facts">
            <Fact label={t.decidedOn}>
              {formatDateTime(r.decision.decidedAt)}
              {r.decision.decidedByName && ` — ${r.decision.decidedByName}`}
            </Fact>
            {r.decision.redirectedToName && <Fact label={t.redirectedTo}>{r.decision.redirectedToName}</Fact>}
            {r.decision.redirectReason && <Fact label={t.redirectReason}>{r.decision.redirectReason}</Fact>}
            {r.decision.closureReason && (
              <Fact label={t.closureReason}>{t.closureReasons[r.decision.closureReason]}</Fact>
            )}
            {r.decision.closureComment && <Fact label={t.closureComment}>{r.decision.closureComment}</Fact>}
          </dl>
        </section>
      )}
      {r.canTriage && r.status === 'new' && (
        <TriagePanel referral={r} onDecided={decided} CommuneField={CommuneField} />
      )}
    </Page>
  );
}
