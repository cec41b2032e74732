import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDate, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  checkResponse,
  compileDefinition,
  isRepeat,
  type AnswerValue,
  type FormDefinition,
  type Question,
  type ResponseDetail,
  type TemplateVersion,
} from '#src/modules/forms/api/form.schema.ts';
import { fieldId, FormRenderer, type Draft } from '#src/modules/forms/ui/form-renderer.tsx';
import type { PersonHeader } from '#src/modules/forms/ui/person-forms-page.tsx';
import { linkLabels, linkRequest, noLink, VisitChoice, type PathwayLink } from '#src/modules/forms/ui/visit-choice.tsx';

const t = messages.forms.ui;

const timeNow = () =>
  new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date());
const parisToday = () => parisDay(new Date());

/** The few fields of the pathways list this page uses (the list is the pathways module's API). */
type PathwayOption = { id: string; openedOn: string; stageLabel: string };
type Saved = { id: string; status: string; revision: number };

/**
 * A new response may be attached to one of the person's open pathways (none is the default), and then
 * to a home visit of that pathway.
 */
function PathwayChoice({
  personId,
  value,
  onChange,
  errors,
}: {
  personId: string;
  value: PathwayLink;
  onChange: (link: PathwayLink) => void;
  errors: Map<string, string>;
}) {
  const query = new URLSearchParams({ personne: personId, scope: 'team', status: 'open' });
  const { state } = useApi<{ items: PathwayOption[] }>(`/api/pathways?${query}`);
  if (state.status !== 'ready' || state.data.items.length === 0) return null;
  return (
    <>
      <div className="field">
        <label htmlFor="form-response-pathway">{t.pathway}</label>
        <select
          id="form-response-pathway"
          value={value.pathwayId}
          onChange={(e) => onChange({ ...noLink, pathwayId: e.target.value })}
        >
          <option value="">{t.noPathway}</option>
          {state.data.items.map((p) => (
            <option key={p.id} value={p.id}>
              {t.pathwayOption(formatDate(p.openedOn), p.stageLabel)}
            </option>
          ))}
        </select>
      </div>
      {value.pathwayId && <VisitChoice key={value.pathwayId} link={value} onChange={onChange} errors={errors} />}
    </>
  );
}

/** Readable names of every question path, for the error summary. */
function labelsOf(definition: FormDefinition, draft: Draft): Map<string, string> {
  const labels = new Map<string, string>();
  for (const item of definition.sections.flatMap((s) => s.items)) {
    if (!isRepeat(item)) {
      labels.set(item.name, item.label);
      continue;
    }
    const count = Array.isArray(draft[item.name]) ? (draft[item.name] as unknown[]).length : 0;
    for (let i = 0; i < count; i++) {
      for (const q of item.questions) {
        labels.set(`${item.name}.${i}.${q.name}`, `${t.instanceTitle(item.itemLabel, i + 1)} : ${q.label}`);
      }
    }
  }
  return labels;
}

/**
 * `/personnes/:id/formulaires/remplir/:versionId` (a new response) and `/personnes/:id/formulaires/:responseId`
 * (a draft to continue, or a submitted response to read).
 */
export function FormResponsePage() {
  const { id: personId = '', versionId, responseId } = useParams();
  const person = useApi<PersonHeader>(`/api/people/${encodeURIComponent(personId)}`).state;
  const response = useApi<ResponseDetail>(
    responseId ? `/api/form-responses/${encodeURIComponent(responseId)}` : null,
  ).state;
  const wanted = versionId ?? (response.status === 'ready' ? response.data.templateVersionId : null);
  const version = useApi<TemplateVersion>(
    wanted ? `/api/form-template-versions/${encodeURIComponent(wanted)}` : null,
  ).state;
  const failed = [person, response, version].find((s) => s.status === 'error');
  if (failed?.status === 'error') {
    return (
      <Page title={failed.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{failed.error.message}</Alert>
      </Page>
    );
  }
  if (person.status !== 'ready' || version.status !== 'ready' || (responseId && response.status !== 'ready')) {
    return <p role="status">{messages.app.loading}</p>;
  }
  const existing = response.status === 'ready' ? response.data : null;
  const title = t.formTitle(version.data.templateTitle, `${person.data.firstName} ${person.data.lastName}`);
  return (
    <Page title={title} lead={t.lead(version.data.version)}>
      <p>
        <Link to={`/personnes/${personId}/formulaires`}>{t.backToForms}</Link>
      </p>
      {existing && !existing.canWrite ? (
        <ResponseView version={version.data} response={existing} />
      ) : (
        <FormFiller
          key={existing?.id ?? version.data.id}
          personId={personId}
          version={version.data}
          existing={existing}
        />
      )}
    </Page>
  );
}

function FormFiller({
  personId,
  version,
  existing,
}: {
  personId: string;
  version: TemplateVersion;
  existing: ResponseDetail | null;
}) {
  const navigate = useNavigate();
  const compiled = useMemo(() => compileDefinition(version.definition).compiled, [version.definition]);
  const [draft, setDraft] = useState<Draft>((existing?.answers as Draft | undefined) ?? {});
  // Generated once: saving the same new response twice (a retry, a double click) stores it once.
  const [clientId] = useState(() => crypto.randomUUID());
  const [responseId, setResponseId] = useState(existing?.id ?? null);
  const [revision, setRevision] = useState(existing?.revision ?? 1);
  const [link, setLink] = useState<PathwayLink>(noLink);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempt, setAttempt] = useState<'none' | 'draft' | 'submit'>('none');
  const [serverIssues, setServerIssues] = useState<Map<string, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<'draft' | 'submit'>('draft');

  const today = parisToday();
  const check = checkResponse(compiled, draft, { today, submitting: attempt === 'submit' });
  const errors = new Map<string, string>();
  for (const issue of check.issues) {
    if (attempt !== 'none' || touched.has(issue.path)) errors.set(issue.path, issue.message);
  }
  for (const [path, message] of serverIssues) if (!errors.has(path)) errors.set(path, message);
  const labels = new Map([...linkLabels, ...labelsOf(version.definition, draft)]);

  // A question's checks show once it has been answered (or on saving), not while the form is still blank.
  const change = (next: Draft, path: string) => {
    setDraft(next);
    if (!touched.has(path)) setTouched(new Set(touched).add(path));
    setServerIssues(new Map());
    setSaved(null);
  };
  const showSummary = (message: string) => {
    setFormError(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const submit = submitRef.current === 'submit';
    setAttempt(submit ? 'submit' : 'draft');
    const local = checkResponse(compiled, draft, { today, submitting: submit });
    if (local.issues.length > 0) return showSummary(t.checkErrors(local.issues.length));
    setSaving(submit ? 'submit' : 'draft');
    const request = responseId
      ? api<Saved>(`/api/form-responses/${responseId}`, { method: 'PUT', body: { revision, answers: draft, submit } })
      : api<Saved>(`/api/people/${personId}/form-responses`, {
          body: { id: clientId, templateVersionId: version.id, ...linkRequest(link), answers: draft, submit },
        });
    request
      .then(async (saved) => {
        const { id } = saved;
        setResponseId(id);
        setRevision(saved.revision);
        setFormError(null);
        if (submit) await navigate(`/personnes/${personId}/formulaires/${id}`);
        else setSaved(t.draftSaved(timeNow()));
      })
      .catch((error: unknown) => {
        const issues = error instanceof ApiError ? error.issues : [];
        setServerIssues(new Map(issues.map((i) => [i.path.replace(/^answers\./, ''), i.message])));
        showSummary(error instanceof ApiError ? error.message : messages.errors.internal);
      })
      .finally(() => setSaving(null));
  };

  return (
    <form noValidate className="form forms-form" onSubmit={onSubmit}>
      {formError && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="error-summary__title">{formError}</p>
          {errors.size > 0 && (
            <ul>
              {[...errors].map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fieldId(path)}`}>
                    {labels.get(path) ?? path} : {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!responseId && <PathwayChoice personId={personId} value={link} onChange={setLink} errors={errors} />}
      <FormRenderer
        definition={version.definition}
        draft={draft}
        onChange={change}
        visible={check.visible}
        computed={check.answers}
        errors={errors}
      />
      <div className="forms-actions">
        <button
          type="submit"
          className="button"
          aria-disabled={saving ? true : undefined}
          onClick={() => (submitRef.current = 'draft')}
        >
          {saving === 'draft' ? t.saving : t.saveDraft}
        </button>
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={saving ? true : undefined}
          onClick={() => (submitRef.current = 'submit')}
        >
          {saving === 'submit' ? t.saving : t.submit}
        </button>
      </div>
      <p role="status" className="forms-status">
        {saved}
      </p>
    </form>
  );
}

function formatAnswer(q: Question, value: AnswerValue): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return t.notAnswered;
  const label = (v: string) => q.choices?.find((c) => c.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (q.type === 'yes_no') return value === 'yes' ? t.yes : t.no;
  if (q.type === 'single_choice') return label(String(value));
  if (q.type === 'date') return formatDate(String(value));
  const text = typeof value === 'number' ? value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }) : value;
  return q.unit ? `${text} ${q.unit}` : text;
}

/** A submitted response (or one the user may only read): every answered section as a list. */
function ResponseView({ version, response }: { version: TemplateVersion; response: ResponseDetail }) {
  const compiled = useMemo(() => compileDefinition(version.definition).compiled, [version.definition]);
  const { visible, answers } = checkResponse(compiled, response.answers, { today: parisToday(), submitting: false });
  const rows = (questions: Question[], values: Record<string, unknown>, prefix: string) =>
    questions
      .filter((q) => visible.has(`${prefix}${q.name}`))
      .map((q) => (
        <div key={q.name} className="forms-answer">
          <dt>{q.label}</dt>
          <dd>{formatAnswer(q, (values[q.name] as AnswerValue | undefined) ?? null)}</dd>
        </div>
      ));
  return (
    <>
      {response.submittedAt ? (
        <Alert kind="info">{t.submittedOn(formatDateTime(response.submittedAt))}</Alert>
      ) : (
        <Alert kind="info">{t.readOnly}</Alert>
      )}
      {version.definition.sections
        .filter((s) => visible.has(s.name))
        .map((section) => (
          <section key={section.name} aria-labelledby={fieldId(section.name)}>
            <h2 id={fieldId(section.name)}>{section.title}</h2>
            {section.items.map((item) =>
              isRepeat(item) ? (
                visible.has(item.name) &&
                ((answers[item.name] as Record<string, unknown>[] | undefined) ?? []).map((instance, i) => (
                  <section key={`${item.name}-${i}`} aria-labelledby={fieldId(`${item.name}.${i}`)}>
                    <h3 id={fieldId(`${item.name}.${i}`)}>{t.instanceTitle(item.itemLabel, i + 1)}</h3>
                    <dl>{rows(item.questions, instance, `${item.name}.${i}.`)}</dl>
                  </section>
                ))
              ) : (
                <dl key={item.name}>{rows([item], answers, '')}</dl>
              ),
            )}
          </section>
        ))}
    </>
  );
}
