import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { discardQueued, type OutboxItem } from '#src/shared/offline/outbox.ts';
import { prepareFile } from '#src/shared/offline/prepare.ts';
import { forgetPreparedFile } from '#src/shared/offline/snapshots.ts';
import { syncNow } from '#src/shared/offline/sync.ts';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { useOffline } from '#src/shared/ui/use-offline.ts';
import { keepPersonFile } from '#src/modules/people/ui/offline.ts';
import { keepPersonPathways } from '#src/modules/pathways/ui/offline.ts';
import { keepPersonForms } from '#src/modules/forms/ui/offline.ts';

const t = messages.offline.page;

/** Everything a prepared file needs, module by module. */
const offlineResources = [keepPersonFile, keepPersonPathways, keepPersonForms] as const;

type CaseloadPerson = { id: string; firstName: string; lastName: string; communeName: string | null };

const openPath = (item: OutboxItem) =>
  item.kind === 'form_response' ? `/personnes/${item.personId}/formulaires/${item.key}` : `/personnes/${item.personId}`;

/**
 * `/hors-ligne`: prepare the files of the day's visits, see what waits to be sent and what needs a
 * decision, send now. Nothing here works on data the user did not choose to keep on the device.
 */
export function OfflinePage() {
  const { online, items, prepared, sync } = useOffline();
  const [progress, setProgress] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const prepare = async (people: { id: string; name: string }[]) => {
    setFailure(null);
    try {
      for (const [index, person] of people.entries()) {
        setProgress(t.preparing(index + 1, people.length));
        await prepareFile(person, offlineResources);
      }
      setProgress(t.prepared(people.length));
    } catch {
      setProgress(null);
      setFailure(t.prepareFailed);
    }
  };

  return (
    <Page title={t.title} lead={t.lead}>
      <section className="panel" aria-labelledby="offline-connection">
        <h2 id="offline-connection">{t.connection}</h2>
        <p>{online ? t.online : t.offline}</p>
        {sync.stoppedBy && <Alert kind="info">{t.stoppedBy[sync.stoppedBy]}</Alert>}
        {sync.lastSyncAt && <p>{t.lastSync(formatDateTime(sync.lastSyncAt))}</p>}
        <button
          type="button"
          className="button"
          aria-disabled={!online || sync.running ? true : undefined}
          onClick={() => online && !sync.running && void syncNow()}
        >
          {sync.running ? messages.offline.status.syncing : t.syncNow}
        </button>
      </section>

      <section aria-labelledby="offline-outbox">
        <h2 id="offline-outbox">{t.outboxTitle}</h2>
        {items.length === 0 ? (
          <p>{t.outboxEmpty}</p>
        ) : (
          <table>
            <caption>{t.outboxCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.what}</th>
                <th scope="col">{t.savedAt}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={openPath(item)}>{item.label}</Link>
                  </th>
                  <td>{formatDateTime(item.updatedAt)}</td>
                  <td>
                    {t.states[item.status]}
                    {item.status === 'rejected' && (
                      <>
                        <p>
                          {t.rejectedLead} {item.error}
                        </p>
                        <button type="button" className="button" onClick={() => void discardQueued(item.id)}>
                          {t.discard}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="offline-prepared">
        <h2 id="offline-prepared">{t.preparedTitle}</h2>
        <p>{t.privacy}</p>
        {prepared.length === 0 ? (
          <p>{t.preparedEmpty}</p>
        ) : (
          <>
            <table>
              <caption>{t.preparedCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.person}</th>
                  <th scope="col">{t.preparedAt}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {prepared.map((file) => (
                  <tr key={file.personId}>
                    <th scope="row">
                      <Link to={`/personnes/${file.personId}`}>{file.name}</Link>
                    </th>
                    <td>{formatDateTime(file.preparedAt)}</td>
                    <td>
                      <button type="button" className="button" onClick={() => void forgetPreparedFile(file.personId)}>
                        {t.forget(file.name)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="button"
              aria-disabled={!online || progress?.endsWith('…') ? true : undefined}
              onClick={() => online && void prepare(prepared.map((f) => ({ id: f.personId, name: f.name })))}
            >
              {t.refreshAll}
            </button>
          </>
        )}
      </section>

      <PrepareSection online={online} onPrepare={prepare} />
      <p role="status">{progress}</p>
      {failure && <Alert kind="error">{failure}</Alert>}
    </Page>
  );
}

function PrepareSection({
  online,
  onPrepare,
}: {
  online: boolean;
  onPrepare: (people: { id: string; name: string }[]) => Promise<void>;
}) {
  const { state } = useApi<{ items: CaseloadPerson[] }>(online ? '/api/people/caseload?limit=50' : null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const busy = useRef(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy.current || state.status !== 'ready' || chosen.size === 0) return;
    busy.current = true;
    const people = state.data.items
      .filter((p) => chosen.has(p.id))
      .map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` }));
    void onPrepare(people).finally(() => {
      busy.current = false;
      setChosen(new Set());
    });
  };
  return (
    <section aria-labelledby="offline-prepare">
      <h2 id="offline-prepare">{t.prepareTitle}</h2>
      {!online ? (
        <p>{t.needsNetwork}</p>
      ) : state.status === 'error' ? (
        <Alert kind="error">{state.error.message}</Alert>
      ) : state.status === 'loading' ? (
        <p role="status">{messages.app.loading}</p>
      ) : state.data.items.length === 0 ? (
        <p>{t.prepareEmpty}</p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <p>{t.prepareLead}</p>
          <fieldset>
            <legend>{t.prepareLegend}</legend>
            <ul className="offline-choices">
              {state.data.items.map((p) => (
                <li key={p.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(p.id)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(p.id);
                        else next.delete(p.id);
                        setChosen(next);
                      }}
                    />{' '}
                    {p.firstName} {p.lastName}
                    {p.communeName ? ` — ${p.communeName}` : ''}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className="button button--primary">
            {t.prepare}
          </button>
        </form>
      )}
    </section>
  );
}
