import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { AdminTemplateSummary } from '#src/modules/forms/api/form.schema.ts';
import {
  MAX_XLSFORM_BYTES,
  MAX_XLSFORM_KB,
  type ReportLine,
  type XlsformCheck,
  type XlsformImported,
} from '#src/modules/forms/api/xlsform.schema.ts';

const t = messages.forms.xlsform;
const u = t.ui;

type Values = { target: string; templateId: string; title: string; key: string; kind: string };
type ChosenFile = { base64: string } | { error: string } | null;

/** The file's bytes as base64, as the API takes them. */
const readAsBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

const fieldIssue = (path: string, message: string) =>
  new ApiError(400, 'validation_failed', messages.errors.validation_failed, [{ path, message }]);

/**
 * `/admin/formulaires/importer` (`?modele=<template id>` preselects "new version of"): choose an
 * XLSForm file, check it (line-by-line report, preview), then import it as a new template or as the
 * next version of an existing one.
 */
export function XlsformImportPage() {
  const [params] = useSearchParams();
  const preselected = params.get('modele') ?? '';
  const { state: templates } = useApi<{ items: AdminTemplateSummary[] }>('/api/admin/form-templates');
  const [file, setFile] = useState<ChosenFile>(null);
  const [check, setCheck] = useState<XlsformCheck | null>(null);
  const [imported, setImported] = useState<(XlsformImported & { title: string }) | null>(null);
  // The submit handler reads the ref (set on click, before the submit event); the busy label reads the state.
  const intent = useRef<'check' | 'import'>('check');
  const [pending, setPending] = useState<'check' | 'import'>('check');
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // A new report takes focus, so that a screen reader reads it rather than the button just pressed.
  useEffect(() => {
    if (check) resultsHeading.current?.focus();
  }, [check]);

  const templateItems = templates.status === 'ready' ? templates.data.items : [];

  const form = useForm<Values>({
    initial: { target: preselected ? 'version' : 'new', templateId: preselected, title: '', key: '', kind: '' },
    submit: async (values) => {
      if (!file) throw fieldIssue('file', t.fileRequired);
      if ('error' in file) throw fieldIssue('file', file.error);
      if (intent.current === 'check') {
        const result = await api<XlsformCheck>('/api/admin/form-templates/xlsform/check', {
          body: { file: file.base64 },
        });
        setCheck(result);
        // The settings sheet suggests a title and key; what the user typed wins.
        if (!values.title && result.settings.title) form.setValue('title', result.settings.title);
        if (!values.key && result.settings.key) form.setValue('key', result.settings.key);
        return;
      }
      const asVersion = values.target === 'version';
      if (asVersion && !values.templateId) throw fieldIssue('templateId', u.chooseTemplate);
      const body = asVersion
        ? { file: file.base64, templateId: values.templateId }
        : {
            file: file.base64,
            title: values.title || undefined,
            key: values.key || undefined,
            kind: values.kind || undefined,
          };
      try {
        const result = await api<XlsformImported>('/api/admin/form-templates/xlsform', { body });
        const title = asVersion ? (templateItems.find((x) => x.id === values.templateId)?.title ?? '') : values.title;
        setImported({ ...result, title });
      } catch (error) {
        // The file was refused after all: show the report the server based its refusal on.
        const report = error instanceof ApiError ? (error.details.report as ReportLine[] | undefined) : undefined;
        if (report && check) setCheck({ ...check, importable: false, report });
        throw error;
      }
    },
  });

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setCheck(null);
    setImported(null);
    if (!chosen) {
      setFile(null);
      return;
    }
    if (chosen.size > MAX_XLSFORM_BYTES) {
      setFile({ error: t.tooLarge(MAX_XLSFORM_KB) });
      return;
    }
    readAsBase64(chosen).then(
      (base64) => setFile({ base64 }),
      () => setFile({ error: u.readError }),
    );
  };

  if (imported) {
    return (
      <Page title={u.title}>
        <Alert kind="success">
          <p>{u.imported(imported.title, imported.version)}</p>
        </Alert>
        <p className="actions">
          <Link className="button button--primary" to={`/admin/formulaires/${imported.id}`}>
            {u.openTemplate}
          </Link>
          <Link className="button" to="/admin/formulaires">
            {u.backToTemplates}
          </Link>
        </p>
      </Page>
    );
  }

  const fileId = form.idFor('file');
  const fileError = (form.fieldErrors as Record<string, string | undefined>).file;
  // The file is not one of the form's text values, but its server issues come back under `file`.
  const labels = { file: u.file, templateId: u.template, title: u.templateTitle, key: u.key, kind: u.kind } as Partial<
    Record<keyof Values, string>
  >;
  const errors = check?.report.filter((l) => l.severity === 'error').length ?? 0;
  const warnings = (check?.report.length ?? 0) - errors;

  return (
    <Page title={u.title} lead={u.lead}>
      <p>
        <Link to="/admin/formulaires">{u.backToTemplates}</Link>
      </p>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <div className={fileError ? 'field field--error' : 'field'}>
          <label htmlFor={fileId}>{u.file}</label>
          <p className="field__hint" id={`${fileId}-hint`}>
            {u.fileHint(MAX_XLSFORM_KB)}
          </p>
          {fileError && (
            <p className="field__error" id={`${fileId}-error`}>
              {fileError}
            </p>
          )}
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[`${fileId}-hint`, fileError ? `${fileId}-error` : null].filter(Boolean).join(' ')}
          />
        </div>
        <fieldset className="field">
          <legend>{u.target}</legend>
          {(['new', 'version'] as const).map((target) => (
            <div className="checkbox" key={target}>
              <input
                type="radio"
                name="xlsform-target"
                id={form.idFor(`target-${target}`)}
                checked={form.values.target === target}
                onChange={() => form.setValue('target', target)}
              />
              <label htmlFor={form.idFor(`target-${target}`)}>{target === 'new' ? u.targetNew : u.targetVersion}</label>
            </div>
          ))}
        </fieldset>
        {form.values.target === 'version' ? (
          <SelectField
            form={form}
            name="templateId"
            label={u.template}
            required
            options={[
              { value: '', label: u.chooseTemplate },
              ...templateItems.map((x) => ({ value: x.id, label: u.templateOption(x.title, x.latestVersion) })),
            ]}
          />
        ) : (
          <>
            <TextField form={form} name="title" label={u.templateTitle} required maxLength={200} />
            <TextField form={form} name="key" label={u.key} hint={u.keyHint} required maxLength={60} />
            <SelectField
              form={form}
              name="kind"
              label={u.kind}
              required
              options={[
                { value: '', label: u.chooseKind },
                ...Object.entries(u.kinds).map(([value, label]) => ({ value, label })),
              ]}
            />
          </>
        )}
        {templates.status === 'error' && <Alert kind="error">{templates.error.message}</Alert>}
        <div className="actions">
          <button
            type="submit"
            className={check?.importable ? 'button' : 'button button--primary'}
            aria-disabled={form.submitting || undefined}
            onClick={() => {
              intent.current = 'check';
              setPending('check');
            }}
          >
            {form.submitting && pending === 'check' ? u.checking : u.check}
          </button>
          {check?.importable && (
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={form.submitting || undefined}
              onClick={() => {
                intent.current = 'import';
                setPending('import');
              }}
            >
              {form.submitting && pending === 'import' ? u.importing : u.import}
            </button>
          )}
        </div>
      </form>
      {check && (
        <section aria-labelledby="xlsform-report-title" className="xlsform-results">
          <h2 id="xlsform-report-title" ref={resultsHeading} tabIndex={-1}>
            {u.reportTitle}
          </h2>
          <Alert kind={check.importable ? 'success' : 'error'}>
            {check.importable ? u.importable(warnings) : u.blocked(errors)}
          </Alert>
          {check.report.length === 0 ? <p>{u.clean}</p> : <ReportTable report={check.report} />}
          <h2>{u.previewTitle}</h2>
          <PreviewTable preview={check.preview} />
        </section>
      )}
    </Page>
  );
}

function ReportTable({ report }: { report: ReportLine[] }) {
  return (
    <table className="xlsform-report">
      <caption>{u.reportCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{u.severity}</th>
          <th scope="col">{u.sheet}</th>
          <th scope="col">{u.row}</th>
          <th scope="col">{u.column}</th>
          <th scope="col">{u.message}</th>
        </tr>
      </thead>
      <tbody>
        {report.map((line, i) => (
          <tr key={i} className={`xlsform-report__${line.severity}`}>
            <th scope="row">{u.severities[line.severity]}</th>
            <td>{line.sheet}</td>
            <td>{line.row ?? u.none}</td>
            <td>{line.column ?? u.none}</td>
            <td>{line.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PreviewTable({ preview }: { preview: XlsformCheck['preview'] }) {
  return (
    <>
      <table>
        <caption>{u.previewCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{u.section}</th>
            <th scope="col">{u.questions}</th>
            <th scope="col">{u.repeats}</th>
          </tr>
        </thead>
        <tbody>
          {preview.sections.map((section, i) => (
            <tr key={i}>
              <th scope="row">{section.title}</th>
              <td>{section.questions}</td>
              <td>{section.repeats.join(', ') || u.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{u.total(preview.sections.length, preview.questions)}</p>
    </>
  );
}
