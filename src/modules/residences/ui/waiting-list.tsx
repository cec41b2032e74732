import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, formatDateTime } from '#src/shared/ui/page.tsx';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  settableWaitingStatuses,
  unitTypologies,
  type Residence,
  type WaitingEntry,
  type WaitingHistoryEvent,
} from '#src/modules/residences/api/residence.schema.ts';

const t = messages.residences;
type Saved = (notice: string) => void;
type Props = { residence: Residence; onSaved: Saved };

const today = () => parisDay(new Date());
const nameOf = (entry: WaitingEntry) => entry.person?.name ?? t.hiddenPerson;
const statusLabel = (status: string | null) => (status ? (t.waitingStatus[status] ?? status) : '—');

function eventText(e: WaitingHistoryEvent) {
  if (e.kind === 'added') return t.historyEvent.added(e.toPosition);
  if (e.kind === 'moved') return t.historyEvent.moved(e.fromPosition, e.toPosition);
  return t.historyEvent.status(statusLabel(e.fromStatus), statusLabel(e.toStatus));
}

/** Every change of the entry, oldest first: who, when, from what to what, and why. */
function History({ entry }: { entry: WaitingEntry }) {
  return (
    <details>
      <summary>{t.historyOf(nameOf(entry))}</summary>
      <ol className="residence-history">
        {entry.history.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> — {eventText(e)}
            {e.actorName && <> {t.by(e.actorName)}</>}
            {e.reason && <> — {e.reason}</>}
          </li>
        ))}
      </ol>
    </details>
  );
}

function StatusForm({ residence, entry, onSaved }: Props & { entry: WaitingEntry }) {
  const form = useForm({
    initial: { status: entry.status === 'waiting' ? 'offered' : 'waiting', reason: '' },
    submit: async (values) => {
      await api(`/api/residences/${residence.id}/waiting-list/${entry.id}/status`, { body: values });
      onSaved(t.statusSaved);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{ status: t.newStatus, reason: t.reason }} />
      <SelectField
        form={form}
        name="status"
        label={t.newStatus}
        options={settableWaitingStatuses
          .filter((s) => s !== entry.status)
          .map((s) => ({ value: s, label: statusLabel(s) }))}
        required
      />
      <TextAreaField form={form} name="reason" label={t.reason} hint={t.reasonHint} rows={2} maxLength={1000} />
      <SubmitButton submitting={form.submitting}>{t.statusChange}</SubmitButton>
    </form>
  );
}

function AdmitForm({ residence, entry, onSaved }: Props & { entry: WaitingEntry }) {
  const free = residence.units.filter((u) => u.status === 'vacant' || u.status === 'reserved');
  const form = useForm({
    initial: { unitId: '', movedInOn: today(), girJustification: '' },
    submit: async (values) => {
      await api(`/api/residences/${residence.id}/waiting-list/${entry.id}/admit`, { body: values });
      onSaved(t.admitted);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary
        form={form}
        labels={{ unitId: t.unit, movedInOn: t.movedInOn, girJustification: t.girJustification }}
      />
      <SelectField
        form={form}
        name="unitId"
        label={t.unit}
        options={[
          { value: '', label: t.chooseUnit },
          ...free.map((u) => ({
            value: u.id,
            label: `${u.number} — ${t.typologies[u.typology] ?? u.typology} (${t.unitStatus[u.status] ?? u.status})`,
          })),
        ]}
        required
      />
      <TextField form={form} name="movedInOn" label={t.movedInOn} type="date" required />
      <TextAreaField
        form={form}
        name="girJustification"
        label={t.girJustification}
        hint={t.girJustificationHint}
        rows={2}
        maxLength={1000}
      />
      <SubmitButton submitting={form.submitting}>{t.admit}</SubmitButton>
    </form>
  );
}

/** Up and down buttons move an entry by one place; the result is announced and focus stays on the button. */
function OrderButtons({
  entry,
  last,
  onMove,
}: {
  entry: WaitingEntry;
  last: number;
  onMove: (entry: WaitingEntry, to: number) => void;
}) {
  const position = entry.position!;
  const name = nameOf(entry);
  return (
    <span className="residence-order">
      <button
        type="button"
        className="button"
        aria-label={t.moveUp(name, position)}
        aria-disabled={position === 1 || undefined}
        onClick={() => position > 1 && onMove(entry, position - 1)}
      >
        {t.moveUpShort}
      </button>
      <button
        type="button"
        className="button"
        aria-label={t.moveDown(name, position)}
        aria-disabled={position === last || undefined}
        onClick={() => position < last && onMove(entry, position + 1)}
      >
        {t.moveDownShort}
      </button>
    </span>
  );
}

function EntryRow({
  residence,
  entry,
  last,
  onMove,
  onSaved,
}: Props & { entry: WaitingEntry; last: number; onMove: (entry: WaitingEntry, to: number) => void }) {
  return (
    <tr>
      <td>{entry.position ?? '—'}</td>
      <th scope="row">{nameOf(entry)}</th>
      <td>{formatDate(entry.requestedOn)}</td>
      <td>{entry.wishedTypology ? (t.typologies[entry.wishedTypology] ?? entry.wishedTypology) : t.anyTypology}</td>
      <td>
        {statusLabel(entry.status)}
        {entry.statusReason && <> — {entry.statusReason}</>}
        {entry.girJustification && (
          <p className="residence-note">
            {t.girJustified} {entry.girJustification}
          </p>
        )}
      </td>
      {residence.canManage && entry.position !== null && (
        <td>
          <OrderButtons entry={entry} last={last} onMove={onMove} />
        </td>
      )}
      <td>
        {residence.canManage && entry.position !== null && (
          <>
            <details>
              <summary>{t.changeStatus}</summary>
              <StatusForm residence={residence} entry={entry} onSaved={onSaved} />
            </details>
            {entry.person && (
              <details>
                <summary>{t.admitTitle(nameOf(entry))}</summary>
                <AdmitForm residence={residence} entry={entry} onSaved={onSaved} />
              </details>
            )}
          </>
        )}
        <History entry={entry} />
      </td>
    </tr>
  );
}

type PersonChoice = { id: string; firstName: string; lastName: string; age: number | null; communeName: string | null };

/** Finds a person among the files the user may open, then puts them at the end of the list. */
function AddEntryForm({ residence, onSaved }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonChoice[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const form = useForm({
    initial: { personId: '', requestedOn: today(), wishedTypology: '', girJustification: '' },
    submit: async (values) => {
      await api(`/api/residences/${residence.id}/waiting-list`, { body: values });
      form.setValue('personId', '');
      form.setValue('girJustification', '');
      onSaved(t.entryAdded);
    },
  });
  const search = () => {
    setSearchError(null);
    api<{ items: PersonChoice[] }>(`/api/people/search?q=${encodeURIComponent(query)}`)
      .then((r) => {
        setFound(r.items);
        if (r.items.length > 0) form.setValue('personId', r.items[0]!.id);
      })
      .catch((e: unknown) => setSearchError(e instanceof ApiError ? e.message : messages.errors.internal));
  };
  return (
    <section aria-labelledby="residence-add-entry" className="panel">
      <h3 id="residence-add-entry">{t.addToList}</h3>
      <div className="field">
        <label htmlFor="residence-person-search">{t.personSearch}</label>
        <p className="field__hint" id="residence-person-search-hint">
          {t.personSearchHint}
        </p>
        <input
          id="residence-person-search"
          type="search"
          value={query}
          aria-describedby="residence-person-search-hint"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              search();
            }
          }}
        />
        <button type="button" className="button" onClick={search}>
          {t.search}
        </button>
      </div>
      <div role="status">
        {searchError && <Alert kind="error">{searchError}</Alert>}
        {found?.length === 0 && <p>{t.noPersonFound}</p>}
      </div>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <ErrorSummary
          form={form}
          labels={{
            personId: t.person,
            requestedOn: t.requestedOn,
            wishedTypology: t.wishedTypology,
            girJustification: t.girJustification,
          }}
        />
        <SelectField
          form={form}
          name="personId"
          label={t.person}
          options={[
            { value: '', label: t.choosePerson },
            ...(found ?? []).map((p) => ({
              value: p.id,
              label: [`${p.lastName} ${p.firstName}`, p.age === null ? null : `${p.age} ans`, p.communeName]
                .filter(Boolean)
                .join(' — '),
            })),
          ]}
          required
        />
        <TextField form={form} name="requestedOn" label={t.requestedOn} type="date" required />
        <SelectField
          form={form}
          name="wishedTypology"
          label={t.wishedTypology}
          options={[
            { value: '', label: t.anyTypology },
            ...unitTypologies.map((v) => ({ value: v, label: t.typologies[v] ?? v })),
          ]}
        />
        <TextAreaField
          form={form}
          name="girJustification"
          label={t.girJustification}
          hint={t.girJustificationHint}
          rows={2}
          maxLength={1000}
        />
        <SubmitButton submitting={form.submitting}>{t.addEntry}</SubmitButton>
      </form>
    </section>
  );
}

/** The waiting list in its order, with the buttons that change it, then the entries that left it. */
export function WaitingListSection({ residence, onSaved }: Props) {
  const [moveError, setMoveError] = useState<string | null>(null);
  const last = residence.waitingList.length;
  const move = (entry: WaitingEntry, to: number) => {
    setMoveError(null);
    api<{ position: number }>(`/api/residences/${residence.id}/waiting-list/${entry.id}/move`, {
      body: { toPosition: to },
    })
      // The notice (a status message) announces the new rank; focus stays on the button pressed.
      .then((r) => onSaved(t.moved(nameOf(entry), r.position)))
      .catch((e: unknown) => setMoveError(e instanceof ApiError ? e.message : messages.errors.internal));
  };
  const head = (withOrder: boolean) => (
    <thead>
      <tr>
        <th scope="col">{t.waitingColumns.position}</th>
        <th scope="col">{t.waitingColumns.person}</th>
        <th scope="col">{t.waitingColumns.requestedOn}</th>
        <th scope="col">{t.waitingColumns.wish}</th>
        <th scope="col">{t.waitingColumns.status}</th>
        {withOrder && <th scope="col">{t.waitingColumns.order}</th>}
        <th scope="col">{t.waitingColumns.actions}</th>
      </tr>
    </thead>
  );
  return (
    <section aria-labelledby="residence-waiting">
      <h2 id="residence-waiting">{t.waitingList}</h2>
      {moveError && <Alert kind="error">{moveError}</Alert>}
      {last === 0 ? (
        <p>{t.waitingEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table className="residence-waiting">
            <caption>{t.waitingCaption(residence.name)}</caption>
            {head(residence.canManage)}
            <tbody>
              {residence.waitingList.map((e) => (
                <EntryRow key={e.id} residence={residence} entry={e} last={last} onMove={move} onSaved={onSaved} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {residence.canManage && <AddEntryForm residence={residence} onSaved={onSaved} />}
      {residence.closedEntries.length > 0 && (
        <>
          <h3>{t.closedEntries}</h3>
          <div className="table-scroll">
            <table className="residence-waiting">
              <caption>{t.closedCaption(residence.name)}</caption>
              {head(false)}
              <tbody>
                {residence.closedEntries.map((e) => (
                  <EntryRow key={e.id} residence={residence} entry={e} last={last} onMove={move} onSaved={onSaved} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
