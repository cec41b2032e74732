import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { CURRENT_ISO_EDITION, formatIsoCode, type ImportReport } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { ImportFileForm } from '#src/modules/catalogue/ui/import-file.tsx';

const t = messages.catalogue.isoImport;
type IsoList = {
  classes: { code: string; label: string }[];
  imported: { code: string; edition: string; label: string }[];
};

/** The workspace's ISO 9999 list: the shipped classes, and the import of its licensed list with a line report. */
export function IsoImportPage() {
  const { state, reload } = useApi<IsoList>('/api/catalogue/iso-codes');
  const [edition, setEdition] = useState(CURRENT_ISO_EDITION);
  const send = async (file: { fileName: string; content: string }) => {
    const done = await api<ImportReport>('/api/catalogue/iso-codes/import', { body: { ...file, edition } });
    reload();
    return done;
  };

  return (
    <Page title={t.title} lead={t.intro}>
      <p>{t.format}</p>
      <ImportFileForm
        id="iso-import"
        title={messages.catalogue.search.isoImport}
        keyLabel={t.code}
        send={send}
        doneText={(done) => t.done(done.created, done.updated)}
      >
        <div className="field">
          <label htmlFor="iso-edition">{t.edition}</label>
          <input id="iso-edition" inputMode="numeric" value={edition} onChange={(e) => setEdition(e.target.value)} />
        </div>
      </ImportFileForm>
      {state.status === 'ready' && (
        <>
          <h2>{t.classes}</h2>
          <table>
            <caption>{t.classesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.label}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.classes.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.code}</th>
                  <td>{c.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t.imported}</h2>
          {state.data.imported.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t.importedCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.code}</th>
                    <th scope="col">{t.edition}</th>
                    <th scope="col">{t.label}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.imported.map((c) => (
                    <tr key={`${c.edition}-${c.code}`}>
                      <th scope="row" className="catalogue-code">
                        {formatIsoCode(c.code)}
                      </th>
                      <td>{c.edition}</td>
                      <td>{c.label}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
