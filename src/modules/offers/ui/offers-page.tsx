import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import type { CommitteeList, OfferList } from '#src/modules/offers/api/offer.schema.ts';
import { offerOrigins } from '#src/modules/offers/api/offer.schema.ts';
import { UnitPicker } from '#src/modules/offers/ui/unit-picker.tsx';

const t = messages.offers;
const u = t.ui;
const today = () => parisDay(new Date());

function NewOfferForm({ unitId }: { unitId: string }) {
  const navigate = useNavigate();
  const form = useForm({
    initial: { sneNumber: '', unitId, origin: 'landlord', proposedOn: today() },
    submit: async (v) => {
      const created = await api<{ id: string }>('/api/offers', { body: v });
      await navigate(`/propositions/${created.id}`, { state: { notice: u.created } });
    },
  });
  const labels = { sneNumber: u.sneNumber, unitId: u.unitPicker.label, origin: u.origin, proposedOn: u.proposedOn };
  return (
    <section aria-labelledby="new-offer" className="panel">
      <h2 id="new-offer">{u.newOffer}</h2>
      <p>{u.newOfferHint}</p>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <TextField form={form} name="sneNumber" label={u.sneNumber} required />
        <UnitPicker form={form} name="unitId" />
        <SelectField
          form={form}
          name="origin"
          label={u.origin}
          options={offerOrigins.map((o) => ({ value: o, label: t.origins[o] }))}
        />
        <TextField form={form} name="proposedOn" label={u.proposedOn} type="date" required />
        <SubmitButton submitting={form.submitting}>{u.create}</SubmitButton>
      </form>
    </section>
  );
}

function NewCommitteeForm({ committees, onCreated }: { committees: CommitteeList; onCreated: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm({
    initial: { landlordOrganizationId: committees.landlords[0]?.id ?? '', heldOn: today(), commune: '', notes: '' },
    submit: async (v) => {
      await api('/api/offer-committees', { body: v });
      setNotice(u.committeeCreated);
      onCreated();
    },
  });
  const labels = { landlordOrganizationId: u.committeeLandlord, heldOn: u.heldOn, commune: u.commune, notes: u.notes };
  return (
    <section aria-labelledby="new-committee" className="panel">
      <h2 id="new-committee">{u.newCommittee}</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <SelectField
          form={form}
          name="landlordOrganizationId"
          label={u.committeeLandlord}
          options={committees.landlords.map((l) => ({ value: l.id, label: l.name }))}
        />
        <TextField form={form} name="heldOn" label={u.heldOn} type="date" required />
        <TextField form={form} name="commune" label={u.commune} required />
        <TextAreaField form={form} name="notes" label={u.notes} rows={3} />
        <SubmitButton submitting={form.submitting}>{u.createCommittee}</SubmitButton>
      </form>
      {committees.items.length > 0 && (
        <table>
          <caption>{u.committeesTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{u.heldOn}</th>
              <th scope="col">{u.committeeLandlord}</th>
              <th scope="col">{u.commune}</th>
            </tr>
          </thead>
          <tbody>
            {committees.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">{formatDate(c.heldOn)}</th>
                <td>{c.landlord.name}</td>
                <td>{c.commune}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The offers the user follows: a landlord's worklist, or the offers of one application (?applicationId=). */
export function OffersPage() {
  const [params] = useSearchParams();
  const applicationId = params.get('applicationId');
  const query = applicationId ? `?${new URLSearchParams({ applicationId })}` : '';
  const { state } = useApi<OfferList>(`/api/offers${query}`);
  const committees = useApi<CommitteeList>('/api/offer-committees');
  const actsForLandlord = committees.state.status === 'ready' && committees.state.data.landlords.length > 0;
  return (
    <Page title={applicationId ? u.forApplication : u.listTitle} lead={u.listLead}>
      <p>
        <Link to="/propositions/rapport">{t.reportNav}</Link>
      </p>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>{u.empty}</p>
        ) : (
          <table>
            <caption>{u.listCaption(state.data.items.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{u.columns.unit}</th>
                <th scope="col">{u.columns.person}</th>
                <th scope="col">{u.columns.sne}</th>
                <th scope="col">{u.columns.landlord}</th>
                <th scope="col">{u.columns.status}</th>
                <th scope="col">{u.columns.proposedOn}</th>
                <th scope="col">{u.columns.deadline}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`/propositions/${o.id}`}>{o.unitLabel}</Link>
                  </th>
                  <td>{o.personName}</td>
                  <td>{o.sneNumber}</td>
                  <td>{o.landlord.name}</td>
                  <td>{t.statuses[o.status]}</td>
                  <td>{formatDate(o.proposedOn)}</td>
                  <td>{o.status === 'attributed' && o.responseDeadline ? formatDate(o.responseDeadline) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {actsForLandlord && committees.state.status === 'ready' && (
        <>
          <NewOfferForm unitId={params.get('unitId') ?? ''} />
          <NewCommitteeForm committees={committees.state.data} onCreated={committees.reload} />
        </>
      )}
    </Page>
  );
}
