import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { CommitteeList, Offer } from '#src/modules/offers/api/offer.schema.ts';
import { isRefusalReasonCode } from '#src/modules/offers/api/offer.schema.ts';
import type { WouldAcceptIfAttribute } from '#src/modules/offers/domain/offer.ts';
import { AnswerForm, DecisionForm, MoveInForm, VisitForm } from '#src/modules/offers/ui/offer-forms.tsx';

const t = messages.offers;
const u = t.ui;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const reasonLabel = (code: string) => (isRefusalReasonCode(code) ? `${t.reasons[code]} (${code})` : code);
const yesNo = (v: unknown) => (v === true ? u.yes : v === false ? u.no : u.unknown);
/** A scalar of the copy as text; anything else (never expected) reads as not measured. */
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : u.unknown);
const euros = (v: unknown) => (typeof v === 'number' ? u.euros(v) : u.unknown);

/** The frozen copy of the refused unit, as it was offered. */
function Snapshot({ unit }: { unit: Record<string, unknown> }) {
  const interior = (unit.interior ?? {}) as Record<string, unknown>;
  return (
    <>
      <h3>{u.snapshotTitle}</h3>
      <dl className="facts">
        <Fact label={u.snapshot.typology}>{text(unit.typology)}</Fact>
        <Fact label={u.snapshot.floor}>{text(unit.floor)}</Fact>
        <Fact label={u.snapshot.rent}>{euros(unit.rentEur)}</Fact>
        <Fact label={u.snapshot.charges}>{euros(unit.chargesEur)}</Fact>
        <Fact label={u.snapshot.shower}>{text(interior.showerType)}</Fact>
        <Fact label={u.snapshot.lift}>{yesNo(unit.liftToLanding)}</Fact>
        <Fact label={u.snapshot.steps}>{text(unit.stepsToDoor)}</Fact>
        <Fact label={u.snapshot.accessLevel}>{text(unit.accessLevel)}</Fact>
        {typeof unit.programmeAddress === 'string' && <Fact label={u.snapshot.address}>{unit.programmeAddress}</Fact>}
        {typeof unit.snapshotAt === 'string' && <Fact label={u.snapshot.at}>{formatDateTime(unit.snapshotAt)}</Fact>}
      </dl>
    </>
  );
}

function Timeline({ offer }: { offer: Offer }) {
  const events: [string, string | null][] = [
    [u.events.proposed, offer.proposedOn],
    [u.events.visit, offer.visitOn],
    [u.events.committee, offer.committee?.heldOn ?? null],
    [u.events.notified, offer.notifiedOn],
    [u.events.deadline, offer.responseDeadline],
    [u.events.answered, offer.answeredOn],
    [u.events.lease, offer.leaseSignedOn],
    [u.events.moved, offer.movedInOn],
  ];
  return (
    <section aria-labelledby="offer-timeline" className="panel">
      <h2 id="offer-timeline">{u.timeline}</h2>
      <ol className="offers-timeline">
        {events
          .filter((e): e is [string, string] => e[1] !== null)
          .map(([label, day]) => (
            <li key={label}>
              <strong>{label}</strong> : {formatDate(day)}
            </li>
          ))}
      </ol>
    </section>
  );
}

/** One offer: its dates, the committee, the answer and refusal, and the forms the user may fill now. */
export function OfferPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const { state, reload } = useApi<Offer>(`/api/offers/${encodeURIComponent(id)}`);
  const committees = useApi<CommitteeList>('/api/offer-committees');
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const o = state.data;
  const done = () => {
    setNotice(u.saved);
    reload();
  };
  const open = o.status === 'proposed' || o.status === 'visited';
  return (
    <Page title={u.detailTitle(o.unitLabel)}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p>
        <Link to="/propositions">{u.back}</Link>
      </p>
      <section aria-labelledby="offer-facts" className="panel">
        <h2 id="offer-facts">{u.facts}</h2>
        <dl className="facts">
          <Fact label={u.columns.status}>{t.statuses[o.status]}</Fact>
          <Fact label={u.columns.person}>{o.personName}</Fact>
          <Fact label={u.columns.sne}>{o.sneNumber}</Fact>
          <Fact label={u.columns.landlord}>{o.landlord.name}</Fact>
          <Fact label={u.origin}>{t.origins[o.origin]}</Fact>
          {o.committeeDecision && (
            <Fact label={u.decision}>
              {t.decisions[o.committeeDecision]}
              {o.committeeRank ? ` — ${u.rank} ${o.committeeRank}` : ''}
              {o.committeeCondition ? ` — ${o.committeeCondition}` : ''}
            </Fact>
          )}
          {o.committee && (
            <Fact label={u.committee}>
              {formatDate(o.committee.heldOn)} — {o.committee.commune}
            </Fact>
          )}
          {o.answer && <Fact label={u.answer}>{t.answers[o.answer]}</Fact>}
          {o.lateReason && <Fact label={u.lateReason}>{o.lateReason}</Fact>}
        </dl>
      </section>
      <Timeline offer={o} />
      {o.refusal && (
        <section aria-labelledby="offer-refusal" className="panel">
          <h2 id="offer-refusal">{u.refusalTitle}</h2>
          <dl className="facts">
            <Fact label={u.primaryReason}>{reasonLabel(o.refusal.primaryReason)}</Fact>
            {o.refusal.secondaryReasons.length > 0 && (
              <Fact label={u.secondaryReasons}>{o.refusal.secondaryReasons.map(reasonLabel).join(' ; ')}</Fact>
            )}
            <Fact label={u.stage}>{t.stages[o.refusal.stage]}</Fact>
            {o.refusal.verbatim && <Fact label={u.verbatim}>« {o.refusal.verbatim} »</Fact>}
            {o.refusal.wouldAcceptIf.map((w) => (
              <Fact key={w.attribute} label={u.wouldAcceptAttribute}>
                {t.attributes[w.attribute as WouldAcceptIfAttribute] ?? w.attribute} : {w.requiredValue}
              </Fact>
            ))}
            <Fact label={u.fixable}>{t.fixable[o.refusal.fixableByLandlord]}</Fact>
            <Fact label={u.consequences}>{o.refusal.consequencesExplained ? u.yes : u.no}</Fact>
          </dl>
          <Snapshot unit={o.refusal.unitSnapshot} />
        </section>
      )}
      {o.status === 'proposed' && (o.can.actForLandlord || o.can.recordForPerson) && (
        <VisitForm offer={o} done={done} />
      )}
      {open && o.can.actForLandlord && committees.state.status === 'ready' && (
        <DecisionForm offer={o} committees={committees.state.data.items} done={done} />
      )}
      {(open || o.status === 'attributed' || o.status === 'accepted') && o.can.recordForPerson && (
        <AnswerForm key={o.status} offer={o} done={done} />
      )}
      {o.status === 'accepted' && o.can.recordForPerson && <MoveInForm offer={o} done={done} />}
    </Page>
  );
}
