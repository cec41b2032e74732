import { useState, type FormEvent, type ReactNode } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { ApiError } from '#src/shared/ui/api.ts';
import { Alert } from '#src/shared/ui/page.tsx';
import type { ImportReport } from '#src/modules/catalogue/api/catalogue.schema.ts';

const t = messages.catalogue.imports;

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * The form of a CSV/XLSX import and its line-by-line report: the file is sent as base64; a refused file shows
 * its report (each error on its line and column) and the file error next to the field.
 */
export function ImportFileForm({
  id,
  title,
  keyLabel,
  send,
  doneText,
  children,
}: {
  id: string;
  title: string;
  /** The header of the report's second column: what a line is about. */
  keyLabel: string;
  send: (file: { fileName: string; content: string }) => Promise<ImportReport>;
  doneText: (report: ImportReport) => string;
  /** Fields sent along with the file. */
  children?: ReactNode;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setFileError(null);
    if (!file) {
      setFileError(t.fileRequired);
      return;
    }
    try {
      const done = await send({ fileName: file.name, content: await toBase64(file) });
      setReport(done);
      setResult({ kind: 'success', text: doneText(done) });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setReport((error.details.report as ImportReport | undefined) ?? null);
      const onFile = error.issues.find((i) => i.path === 'content');
      if (onFile) setFileError(onFile.message);
      setResult({ kind: 'error', text: error.message });
    }
  };

  const fileId = `${id}-file`;
  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{title}</h2>
        {result && <Alert kind={result.kind}>{result.text}</Alert>}
        {children}
        <div className={fileError ? 'field field--error' : 'field'}>
          <label htmlFor={fileId}>{t.file}</label>
          {fileError && (
            <p className="field__error" id={`${fileId}-error`}>
              {fileError}
            </p>
          )}
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t.submit}
        </button>
      </form>
      {report && <ImportReportTable id={`${id}-report`} report={report} keyLabel={keyLabel} />}
    </>
  );
}

/** Every line of the file: « Correcte », or one table row per error with its column and message. */
function ImportReportTable({ id, report, keyLabel }: { id: string; report: ImportReport; keyLabel: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t.report}</h2>
      <div className="table-scroll">
        <table>
          <caption>{t.reportCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{keyLabel}</th>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.flatMap((r) =>
              r.errors.length === 0
                ? [
                    <tr key={r.row}>
                      <th scope="row">{r.row}</th>
                      <td>{r.key}</td>
                      <td>—</td>
                      <td>{t.ok}</td>
                    </tr>,
                  ]
                : r.errors.map((e, i) => (
                    <tr key={`${r.row}-${i}`} className="catalogue-row--error">
                      <th scope="row">{r.row}</th>
                      <td>{r.key}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{e.message}</td>
                    </tr>
                  )),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
