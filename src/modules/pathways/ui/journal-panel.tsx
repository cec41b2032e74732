import { useState } from 'react';
import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { discardQueued, findQueued, newClientId, queueJournalEntry } from '#src/shared/offline/outbox.ts';
import { syncNow } from '#src/shared/offline/sync.ts';
import { useOffline } from '#src/shared/ui/use-offline.ts';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '#src/shared/ui/form.tsx';
import { formatDateTime } from '#src/shared/ui/page.tsx';
import { withIssuesOn } from '#src/modules/pathways/ui/remap-issues.ts';
import {
  journalKinds,
  manualJournalKinds,
  type JournalEntry,
  type PathwayDetail,
} from '#src/modules/pathways/api/pathway.schema.ts';

const t = messages.pathways;
const u = t.ui;

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
/** The date and time typed, read in the browser's time zone (the agent's), as an ISO instant. */
const instantOf = (date: string, time: string) => {
  const parsed = new Date(`${date}T${time || '00:00'}`);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString();
};

/** The append-only journal: filter by kind, add an entry, correct one of one's own. */
export function JournalPanel({ detail, onChanged }: { detail: PathwayDetail; onChanged: () => void }) {
  const [kind, setKind] = useState('');
  const [correcting, setCorrecting] = useState<string | null>(null);
  const shown = [...detail.journal].reverse().filter((e) => !kind || e.kind === kind);
  const byId = new Map(detail.journal.map((e) => [e.id, e]));
  const { items } = useOffline();
  const waiting = items.flatMap((i) =>
    i.kind === 'journal_entry' && i.payload.pathwayId === detail.pathway.id ? [i] : [],
  );
  return (
    <section className="panel" aria-labelledby="pathway-journal">
      <h2 id="pathway-journal">{u.journalTitle}</h2>
      <div className="field">
        <label htmlFor="journal-filter">{u.journalFilter}</label>
        <select id="journal-filter" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{u.allKinds}</option>
          {journalKinds.map((k) => (
            <option key={k} value={k}>
              {t.journalKinds[k]}
            </option>
          ))}
        </select>
      </div>
      {waiting.length > 0 && (
        <ul className="card-list journal" aria-label={messages.offline.journal.waitingTitle}>
          {waiting.map((w) => (
            <li key={w.id} className="card">
              <p className="card__meta">
                <strong>{t.journalKinds[w.payload.entry.kind as keyof typeof t.journalKinds]}</strong> ·{' '}
                {formatDateTime(String(w.payload.entry.occurredAt))} ·{' '}
                <span className="tag">
                  {w.status === 'rejected'
                    ? messages.offline.journal.rejected(w.error ?? '')
                    : messages.offline.journal.waiting}
                </span>
              </p>
              <p className="journal__body">{String(w.payload.entry.body)}</p>
            </li>
          ))}
        </ul>
      )}
      {shown.length === 0 ? (
        <p>{u.journalEmpty}</p>
      ) : (
        <ul className="card-list journal">
          {shown.map((e) => (
            <li key={e.id} className="card">
              <p className="card__meta">
                <strong>{t.journalKinds[e.kind]}</strong> · {formatDateTime(e.occurredAt)} · {u.by(e.authorName)}
                {e.secondVisitorName && ` · ${u.withVisitor(e.secondVisitorName)}`}
                {e.private && <span className="tag"> {u.privateTag}</span>}
                {e.correctedBy.length > 0 && <span className="tag"> {u.corrected}</span>}
              </p>
              {e.correctsEntryId && byId.get(e.correctsEntryId) && (
                <p className="card__meta">
                  {u.correctionOf} {formatDateTime(byId.get(e.correctsEntryId)!.occurredAt)}
                </p>
              )}
              <p className="journal__body">{e.body}</p>
              {e.linkedEntityType === 'form_response' && e.linkedEntityId && (
                <p>
                  <Link to={`/personnes/${detail.pathway.personId}/formulaires/${e.linkedEntityId}`}>
                    {u.openResponse}
                  </Link>
                </p>
              )}
              {detail.canWrite &&
                e.authorUserId === detail.viewerUserId &&
                e.kind !== 'form' &&
                correcting !== e.id && (
                  <button type="button" className="button button--link" onClick={() => setCorrecting(e.id)}>
                    {u.correct}
                  </button>
                )}
              {correcting === e.id && (
                <CorrectionForm
                  pathwayId={detail.pathway.id}
                  entry={e}
                  onDone={() => {
                    setCorrecting(null);
                    onChanged();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {detail.canWrite && <JournalForm detail={detail} onChanged={onChanged} />}
    </section>
  );
}

function CorrectionForm({ pathwayId, entry, onDone }: { pathwayId: string; entry: JournalEntry; onDone: () => void }) {
  const form = useForm({
    initial: { body: entry.body },
    submit: async (values) => {
      await api(`/api/pathways/${pathwayId}/journal`, {
        body: {
          kind: entry.kind,
          occurredAt: entry.occurredAt,
          body: values.body,
          private: entry.private,
          correctsEntryId: entry.id,
        },
      });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-label={u.correctionTitle}>
      <ErrorSummary form={form} labels={{ body: u.correctionBody }} />
      <TextAreaField form={form} name="body" label={u.correctionBody} required rows={4} maxLength={8000} />
      <SubmitButton submitting={form.submitting}>{u.saveCorrection}</SubmitButton>
    </form>
  );
}

/**
 * A journal entry is kept on the device first and sent at once when there is a network (a visit note
 * typed without network is sent later); resolves to whether the server has it now. A refusal comes
 * back as the server's field issues, as for a direct request.
 */
async function sendThroughOutbox(detail: PathwayDetail, entry: Record<string, unknown>): Promise<boolean> {
  const key = newClientId();
  const name = `${detail.pathway.firstName} ${detail.pathway.lastName}`;
  await queueJournalEntry({
    key,
    personId: detail.pathway.personId,
    label: messages.offline.journal.label(name),
    payload: { pathwayId: detail.pathway.id, entry },
  });
  if (navigator.onLine) await syncNow();
  const after = await findQueued(key);
  if (after?.status === 'rejected') {
    await discardQueued(after.id);
    const issues = after.issues ?? [];
    throw new ApiError(400, issues.length ? 'validation_failed' : 'bad_request', after.error ?? '', issues);
  }
  return after === undefined;
}

function JournalForm({ detail, onChanged }: { detail: PathwayDetail; onChanged: () => void }) {
  const [kept, setKept] = useState(false);
  const now = new Date();
  const initial = {
    kind: 'note',
    date: localDate(now),
    time: localTime(now),
    body: '',
    private: '',
    secondVisitorUserId: '',
  };
  const form = useForm({
    initial,
    submit: async (values) => {
      const sent = await withIssuesOn(
        sendThroughOutbox(detail, {
          kind: values.kind,
          occurredAt: instantOf(values.date, values.time),
          body: values.body,
          private: values.private === 'true',
          secondVisitorUserId:
            values.kind === 'home_visit' && values.secondVisitorUserId ? values.secondVisitorUserId : null,
        }),
        (path) => (path === 'occurredAt' ? 'date' : path),
      );
      form.setValue('body', '');
      setKept(!sent);
      onChanged();
    },
  });
  const others = detail.team.filter((m) => m.userId !== detail.viewerUserId);
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="journal-add">
      <h3 id="journal-add">{u.journalAdd}</h3>
      <ErrorSummary
        form={form}
        labels={{
          kind: u.kind,
          date: u.occurredAt,
          time: u.timeLabel,
          body: u.body,
          private: u.private,
          secondVisitorUserId: u.secondVisitor,
        }}
      />
      <SelectField
        form={form}
        name="kind"
        label={u.kind}
        required
        options={manualJournalKinds.map((k) => ({ value: k, label: t.journalKinds[k] }))}
      />
      <TextField form={form} name="date" label={u.occurredAt} type="date" required />
      <TextField form={form} name="time" label={u.timeLabel} hint={u.timeHint} inputMode="numeric" maxLength={5} />
      <TextAreaField form={form} name="body" label={u.body} required rows={5} maxLength={8000} />
      {form.values.kind === 'note' && <CheckboxField form={form} name="private" label={u.private} />}
      {form.values.kind === 'home_visit' && (
        <SelectField
          form={form}
          name="secondVisitorUserId"
          label={u.secondVisitor}
          options={[{ value: '', label: u.nobody }, ...others.map((m) => ({ value: m.userId, label: m.name }))]}
        />
      )}
      <SubmitButton submitting={form.submitting}>{u.addEntry}</SubmitButton>
      <p role="status">{kept && messages.offline.journal.keptOnDevice}</p>
    </form>
  );
}
