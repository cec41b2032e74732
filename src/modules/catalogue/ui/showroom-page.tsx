import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  itemLocations,
  itemOwnerships,
  itemStates,
  type SearchResult,
  type Showroom,
} from '#src/modules/catalogue/api/catalogue.schema.ts';

const t = messages.catalogue;
const s = t.showroom;

/** Journey 4: the showroom and mobile-unit inventory (owned vs loaned), the loan agreements and those to renew. */
export function ShowroomPage() {
  const { state, reload } = useApi<Showroom>('/api/catalogue/showroom');
  const [editing, setEditing] = useState<Showroom['agreements'][number] | null>(null);
  const [editingItem, setEditingItem] = useState<Item | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={s.title}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const { items, agreements, partners, canManage } = state.data;
  const toRenew = agreements.filter((a) => a.toRenew);
  const owned = items.filter((i) => i.ownership === 'owned').length;
  const onEdit = canManage ? setEditing : null;
  const saved = () => {
    setEditing(null);
    setNotice(s.agreementSaved);
    reload();
  };
  return (
    <Page title={s.title}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <section aria-labelledby="showroom-renew">
        <h2 id="showroom-renew">{s.toRenew}</h2>
        {toRenew.length === 0 ? (
          <p>{s.toRenewNone}</p>
        ) : (
          <AgreementTable caption={s.toRenewCaption} rows={toRenew} onEdit={onEdit} />
        )}
        {editing && (
          <AgreementForm
            key={editing.id}
            partners={partners}
            agreement={editing}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
      </section>
      <section aria-labelledby="showroom-agreements">
        <h2 id="showroom-agreements">{s.agreements}</h2>
        <AgreementTable caption={s.agreementsCaption} rows={agreements} onEdit={onEdit} />
        {canManage && <AgreementForm partners={partners} onSaved={saved} />}
      </section>
      <section aria-labelledby="showroom-inventory">
        <h2 id="showroom-inventory">{s.inventory}</h2>
        <p>
          {s.owned(owned)} · {s.loaned(items.length - owned)}
        </p>
        <div className="table-scroll">
          <table>
            <caption>{s.inventoryCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.product}</th>
                <th scope="col">{s.location}</th>
                <th scope="col">{s.ownership}</th>
                <th scope="col">{s.agreement}</th>
                <th scope="col">{s.state}</th>
                <th scope="col">{s.serialNumber}</th>
                <th scope="col">{s.note}</th>
                {canManage && <th scope="col">{s.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/catalogue/produits/${i.productId}`}>{i.productName}</Link>
                  </th>
                  <td>{t.locations[i.location]}</td>
                  <td>{t.ownerships[i.ownership]}</td>
                  <td>{i.agreementTitle ?? '—'}</td>
                  <td>{t.states[i.state]}</td>
                  <td>{i.serialNumber ?? '—'}</td>
                  <td>{i.note ?? '—'}</td>
                  {canManage && (
                    <td>
                      <button type="button" onClick={() => setEditingItem(i)}>
                        {s.editItem(i.productName)}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editingItem && (
          <ItemForm
            key={editingItem.id}
            agreements={agreements}
            item={editingItem}
            onSaved={() => {
              setEditingItem(null);
              setNotice(s.itemSaved);
              reload();
            }}
            onCancel={() => setEditingItem(null)}
          />
        )}
        {canManage && <ItemForm agreements={agreements} onSaved={reload} />}
      </section>
    </Page>
  );
}

type Agreement = Showroom['agreements'][number];

/** Save, and cancel when the form edits a row and may be closed. */
function SaveButtons({ submitting, onCancel }: { submitting: boolean; onCancel: (() => void) | undefined }) {
  return (
    <>
      <SubmitButton submitting={submitting}>{messages.app.save}</SubmitButton>
      {onCancel && (
        <>
          {' '}
          <button type="button" onClick={onCancel}>
            {s.cancel}
          </button>
        </>
      )}
    </>
  );
}
type Item = Showroom['items'][number];

function AgreementTable({
  caption,
  rows,
  onEdit,
}: {
  caption: string;
  rows: Showroom['agreements'];
  onEdit: ((agreement: Agreement) => void) | null;
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.agreementTitle}</th>
            <th scope="col">{s.partner}</th>
            <th scope="col">{s.startsOn}</th>
            <th scope="col">{s.endsOn}</th>
            <th scope="col">{s.remaining}</th>
            <th scope="col">{s.items}</th>
            {onEdit && <th scope="col">{s.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} className={a.toRenew ? 'catalogue-row--renew' : undefined}>
              <th scope="row">{a.title}</th>
              <td>{a.partnerName}</td>
              <td>{formatDate(a.startsOn)}</td>
              <td>{formatDate(a.endsOn)}</td>
              <td>{s.endsIn(a.daysLeft)}</td>
              <td>{a.itemCount}</td>
              {onEdit && (
                <td>
                  <button type="button" onClick={() => onEdit(a)}>
                    {s.editAgreementButton(a.title)}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Adds an agreement, or changes one (renewing is moving its end date, which re-arms the reminder). */
function AgreementForm({
  partners,
  agreement,
  onSaved,
  onCancel,
}: {
  partners: Showroom['partners'];
  agreement?: Agreement;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const form = useForm({
    initial: agreement
      ? {
          partnerOrganizationId: agreement.partnerOrganizationId,
          title: agreement.title,
          startsOn: agreement.startsOn,
          endsOn: agreement.endsOn,
          terms: agreement.terms ?? '',
          reminderDays: String(agreement.reminderDays),
        }
      : { partnerOrganizationId: '', title: '', startsOn: '', endsOn: '', terms: '', reminderDays: '30' },
    submit: async (v) => {
      const body = { ...v, reminderDays: Number(v.reminderDays) };
      if (agreement) await api(`/api/catalogue/loan-agreements/${agreement.id}`, { method: 'PUT', body });
      else await api('/api/catalogue/loan-agreements', { body });
      onSaved();
    },
  });
  const titleId = agreement ? `agreement-form-${agreement.id}` : 'agreement-form-title';
  const labels = {
    partnerOrganizationId: s.partner,
    title: s.agreementTitle,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    terms: s.terms,
    reminderDays: s.reminderDays,
  };
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{agreement ? s.editAgreement(agreement.title) : s.addAgreement}</h3>
      <ErrorSummary form={form} labels={labels} />
      <SelectField
        form={form}
        name="partnerOrganizationId"
        label={s.partner}
        required
        options={[{ value: '', label: s.choosePartner }, ...partners.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextField form={form} name="title" label={s.agreementTitle} required />
      <TextField form={form} name="startsOn" label={s.startsOn} type="date" required />
      <TextField form={form} name="endsOn" label={s.endsOn} type="date" required />
      <TextField form={form} name="reminderDays" label={s.reminderDays} inputMode="numeric" />
      <TextAreaField form={form} name="terms" label={s.terms} rows={3} />
      <SaveButtons submitting={form.submitting} onCancel={onCancel} />
    </form>
  );
}

/**
 * Adds an item, or changes one (`item`): its product stays, the rest is edited. A change made meanwhile by
 * someone else is refused (409) and shown above the form, with what was typed kept.
 */
function ItemForm({
  agreements,
  item,
  onSaved,
  onCancel,
}: {
  agreements: Showroom['agreements'];
  item?: Item;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The edit form opens below the table: take the keyboard there.
  useEffect(() => {
    if (item) headingRef.current?.focus();
  }, [item]);
  const form = useForm({
    initial: {
      productQuery: '',
      productId: item?.productId ?? '',
      location: item?.location ?? 'showroom',
      ownership: item?.ownership ?? 'owned',
      loanAgreementId: item?.loanAgreementId ?? '',
      state: item?.state ?? 'good',
      serialNumber: item?.serialNumber ?? '',
      note: item?.note ?? '',
    },
    submit: async ({ productQuery: _query, ...v }) => {
      if (item)
        await api(`/api/catalogue/showroom/items/${item.id}`, {
          method: 'PUT',
          body: { ...v, revision: item.revision },
        });
      else await api('/api/catalogue/showroom/items', { body: v });
      onSaved();
    },
  });
  const q = form.values.productQuery.trim();
  const found = useApi<SearchResult>(
    !item && q.length >= 2 ? `/api/catalogue/search?${new URLSearchParams({ q, limit: '10' })}` : null,
  );
  const choices = q.length >= 2 && found.state.status === 'ready' ? found.state.data.items : [];
  const labels = {
    productQuery: s.productSearch,
    productId: s.productChoice,
    location: s.location,
    ownership: s.ownership,
    loanAgreementId: s.agreement,
    state: s.state,
    serialNumber: s.serialNumber,
    note: s.note,
  };
  const titleId = item ? `item-form-${item.id}` : 'item-form-title';
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {item ? s.editItemTitle(item.productName) : s.addItem}
      </h3>
      <ErrorSummary form={form} labels={labels} />
      {!item && (
        <>
          <TextField form={form} name="productQuery" label={s.productSearch} type="search" />
          <SelectField
            form={form}
            name="productId"
            label={s.productChoice}
            required
            options={[
              { value: '', label: s.chooseProduct },
              ...choices.map((p) => ({ value: p.id, label: `${p.name} (${p.isoCodeDisplay})` })),
            ]}
          />
        </>
      )}
      <SelectField
        form={form}
        name="location"
        label={s.location}
        options={itemLocations.map((l) => ({ value: l, label: t.locations[l] }))}
      />
      <SelectField
        form={form}
        name="ownership"
        label={s.ownership}
        options={itemOwnerships.map((o) => ({ value: o, label: t.ownerships[o] }))}
      />
      <SelectField
        form={form}
        name="loanAgreementId"
        label={s.agreement}
        options={[{ value: '', label: s.chooseAgreement }, ...agreements.map((a) => ({ value: a.id, label: a.title }))]}
      />
      <SelectField
        form={form}
        name="state"
        label={s.state}
        options={itemStates.map((st) => ({ value: st, label: t.states[st] }))}
      />
      <TextField form={form} name="serialNumber" label={s.serialNumber} />
      <TextAreaField form={form} name="note" label={s.note} rows={2} />
      <SaveButtons submitting={form.submitting} onCancel={onCancel} />
    </form>
  );
}
