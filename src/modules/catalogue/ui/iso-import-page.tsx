import { useState, type FormEvent } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { CURRENT_ISO_EDITION, formatIsoCode, type ImportReport } from '#src/modules/catalogue/api/catalogue.schema.ts';

const t = messages.catalogue.isoImport;
type IsoList = {
  classes: { code: string; label: string }[];
  imported: { code: string; edition: string; label: string }[];
};

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The workspace's ISO 9999 list: the shipped classes, and the import of its licensed list with a line report. */
export function IsoImportPage() {
  const { state, reload } = useApi<IsoList>('/api/catalogue/iso-codes');
  const [file, setFile] = useState<File | null>(null);
  const [edition, setEdition] = useState(CURRENT_ISO_EDITION);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setFileError(null);
    if (!file) {
      setFileError(messages.catalogue.imports.fileRequired);
      return;
    }
    try {
      const body = { fileName: file.name, edition, content: await toBase64(file) };
      const done = await api<ImportReport>('/api/catalogue/iso-codes/import', { body });
      setReport(done);
      setResult({ kind: 'success', text: t.done(done.created, done.updated) });
      reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setReport((error.details.report as ImportReport | undefined) ?? null);
      const onFile = error.issues.find((i) => i.path === 'content');
      if (onFile) setFileError(onFile.message);
      setResult({ kind: 'error', text: error.message });
    }
  };

  return (
    <Page title={t.title} lead={t.intro}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="iso-import-form">
        <h2 id="iso-import-form">{messages.catalogue.search.isoImport}</h2>
        <p>{t.format}</p>
        {result && <Alert kind={result.kind}>{result.text}</Alert>}
        <div className="field">
          <label htmlFor="iso-edition">{t.edition}</label>
          <input id="iso-edition" inputMode="numeric" value={edition} onChange={(e) => setEdition(e.target.value)} />
        </div>
        <div className={fileError ? 'field field--error' : 'field'}>
          <label htmlFor="iso-file">{t.file}</label>
          {fileError && (
            <p className="field__error" id="iso-file-error">
              {fileError}
            </p>
          )}
          <input
            id="iso-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'iso-file-error' : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t.submit}
        </button>
      </form>
      {report && (
        <section aria-labelledby="iso-report">
          <h2 id="iso-report">{t.report}</h2>
          <div className="table-scroll">
            <table>
              <caption>{t.reportCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.code}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row} className={r.errors.length ? 'catalogue-row--error' : undefined}>
                    <th scope="row">{r.row}</th>
                    <td>{r.code}</td>
                    <td>{r.errors.length ? r.errors.join(' ') : t.ok}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
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
