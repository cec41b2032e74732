import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { FundingOptions, SheetView } from '#src/modules/recommendations/api/sheet.schema.ts';
import { SheetEditor } from '#src/modules/recommendations/ui/sheet-editor.tsx';

const u = messages.recommendations.ui;

function Versions({ versions }: { versions: SheetView['versions'] }) {
  return (
    <section className="panel" aria-labelledby="sheet-versions-title">
      <h2 id="sheet-versions-title">{u.versionsTitle}</h2>
      {versions.length === 0 ? (
        <p>{u.noVersion}</p>
      ) : (
        <table className="table">
          <caption>{u.versionsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{u.columns.version}</th>
              <th scope="col">{u.columns.handedOverAt}</th>
              <th scope="col">{u.columns.by}</th>
              <th scope="col">{u.columns.shared}</th>
              <th scope="col">{u.columns.pdf}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.version}</th>
                <td>{formatDateTime(v.handedOverAt)}</td>
                <td>{v.handedOverByName}</td>
                <td>{v.sharedWithPerson ? u.sharedYes : u.sharedNo}</td>
                <td>
                  <a href={`/api/recommendation-sheet-versions/${v.id}/pdf`} download>
                    {u.download(v.version)}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** `/parcours/:id/preconisations`: the pathway's recommendation sheet, its editor and the versions handed over. */
export function SheetPage() {
  const { id } = useParams();
  const { state, reload } = useApi<SheetView>(`/api/pathways/${id}/recommendation-sheet`);
  // Loaded once for the page, not again after each save: a simulation reads the person's file (audited).
  const writer = state.status === 'ready' && state.data.canWrite;
  const { state: fundingOptions } = useApi<FundingOptions>(
    writer ? `/api/pathways/${id}/recommendation-sheet/funding-options` : null,
  );
  const [done, setDone] = useState<string | null>(null);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={messages.errors.pageNotFound}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const view = state.data;
  const name = `${view.pathway.firstName} ${view.pathway.lastName}`;
  return (
    <Page title={u.pageTitle(name)} lead={u.lead}>
      <p>
        <Link to={`/parcours/${view.pathway.id}`}>{u.backToPathway}</Link>
      </p>
      {done && <Alert kind="success">{done}</Alert>}
      <Versions versions={view.versions} />
      {view.canWrite ? (
        <SheetEditor
          // After a save or a hand-over the revision moves: a new editor starts from the saved draft and its products' trials.
          key={view.draft?.revision ?? 0}
          view={view}
          fundingOptions={fundingOptions}
          onChanged={(what) => {
            setDone('handedOver' in what ? u.handedOver(what.handedOver) : u.saved);
            reload();
          }}
        />
      ) : (
        <>
          <p>{u.readOnly}</p>
          {view.draft && <p>{u.draftSaved(formatDateTime(view.draft.updatedAt), view.draft.updatedByName)}</p>}
        </>
      )}
    </Page>
  );
}
