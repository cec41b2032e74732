import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  findQueued,
  knownRevision,
  newClientId,
  queueFormResponse,
  resolveConflict,
} from '#src/shared/offline/outbox.ts';
import type { ConflictCopy, FormResponseWrite } from '#src/shared/offline/store.ts';
import { sameJson, syncNow } from '#src/shared/offline/sync.ts';
import { useOffline } from '#src/shared/ui/use-offline.ts';
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
import { AttachmentAnswer } from '#src/modules/forms/ui/attachment-answer.tsx';
import { useDeviceAttachments } from '#src/modules/forms/ui/device-attachments.ts';
import type { PersonHeader } from '#src/modules/forms/ui/person-forms-page.tsx';
import {
  linkLabels,
  linkRequest,
  noLink,
  openPathwaysPath,
  VisitChoice,
  type PathwayLink,
} from '#src/modules/forms/ui/visit-choice.tsx';

const t = messages.forms.ui;

const timeNow = () =>
  new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date());
const parisToday = () => parisDay(new Date());

/** The few fields of the pathways list this page uses (the list is the pathways module's API). */
type PathwayOption = { id: string; openedOn: string; stageLabel: string };

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
  const { state } = useApi<{ items: PathwayOption[] }>(openPathwaysPath(personId));
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
  const queued = useQueuedResponse(responseId);
  // A response created on this device and not yet sent exists only here.
  const localOnly = queued.status === 'ready' && queued.item !== undefined && !queued.item.payload.existsOnServer;
  const person = useApi<PersonHeader>(`/api/people/${encodeURIComponent(personId)}`).state;
  const response = useApi<ResponseDetail>(
    responseId && queued.status === 'ready' && !localOnly
      ? `/api/form-responses/${encodeURIComponent(responseId)}`
      : null,
  ).state;
  const local = queued.status === 'ready' ? queued.item : undefined;
  const wanted =
    versionId ??
    local?.payload.templateVersionId ??
    (response.status === 'ready' ? response.data.templateVersionId : null);
  const version = useApi<TemplateVersion>(
    wanted ? `/api/form-template-versions/${encodeURIComponent(wanted)}` : null,
  ).state;
  // Offline, a change kept on this device is enough to go on even if the server's copy cannot be read.
  const failed = [person, local ? null : response, version].find((s) => s?.status === 'error');
  if (failed?.status === 'error') {
    return (
      <Page title={failed.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{failed.error.message}</Alert>
      </Page>
    );
  }
  const responseReady =
    !responseId || localOnly || response.status === 'ready' || (local && response.status === 'error');
  if (queued.status !== 'ready' || person.status !== 'ready' || version.status !== 'ready' || !responseReady) {
    return <p role="status">{messages.app.loading}</p>;
  }
  const existing = response.status === 'ready' ? response.data : null;
  const title = t.formTitle(version.data.templateTitle, `${person.data.firstName} ${person.data.lastName}`);
  return (
    <Page title={title} lead={t.lead(version.data.version)}>
      <p>
        <Link to={`/personnes/${personId}/formulaires`}>{t.backToForms}</Link>
      </p>
      {existing && (
        <p>
          <a href={`/api/form-responses/${encodeURIComponent(existing.id)}/pdf`} download>
            {messages.forms.pdf.download}
          </a>
        </p>
      )}
      {local?.status === 'conflict' && local.server && (
        <ConflictPanel personId={personId} version={version.data} write={local} server={local.server} />
      )}
      {local?.payload.submit ? (
        <>
          <Alert kind="info">{messages.offline.draft.submittedLocally}</Alert>
          <ResponseView version={version.data} answers={local.payload.answers} response={existing} />
        </>
      ) : existing && !existing.canWrite ? (
        <ResponseView version={version.data} answers={existing.answers} response={existing} />
      ) : (
        <FormFiller
          key={existing?.id ?? local?.key ?? version.data.id}
          personId={personId}
          version={version.data}
          existing={existing}
          local={local}
        />
      )}
    </Page>
  );
}

/**
 * Someone changed the response on the server while this device kept other answers: both stay until
 * the user chooses, question by question side by side.
 */
function ConflictPanel({
  personId,
  version,
  write,
  server,
}: {
  personId: string;
  version: TemplateVersion;
  write: FormResponseWrite;
  server: ConflictCopy;
}) {
  const o = messages.offline.page;
  const mine = write.payload.answers;
  const differing = version.definition.sections
    .flatMap((section) => section.items)
    .filter((item) => !sameJson(mine[item.name] ?? null, server.answers[item.name] ?? null));
  const shown = (item: (typeof differing)[number], value: unknown) =>
    isRepeat(item)
      ? o.instanceCount(Array.isArray(value) ? value.length : 0)
      : formatAnswer(item, (value as AnswerValue | undefined) ?? null);
  const choose = async (keep: 'mine' | 'theirs') => {
    const kept = await resolveConflict(write.id, keep);
    // Reading the page again shows the version kept (a new response when the server's was validated).
    window.location.assign(`/personnes/${personId}/formulaires/${kept?.key ?? write.key}`);
  };
  return (
    <section className="alert alert--error" aria-labelledby="forms-conflict">
      <h2 id="forms-conflict">{o.conflictTitle(write.label)}</h2>
      <p>{o.conflictLead(formatDateTime(server.updatedAt))}</p>
      {server.status === 'submitted' && <p>{o.conflictValidated}</p>}
      <table>
        <caption className="visually-hidden">{o.conflictTitle(write.label)}</caption>
        <thead>
          <tr>
            <th scope="col">{o.question}</th>
            <th scope="col">{o.mine}</th>
            <th scope="col">{o.theirs}</th>
          </tr>
        </thead>
        <tbody>
          {differing.map((item) => (
            <tr key={item.name}>
              <th scope="row">{item.label}</th>
              <td>{shown(item, mine[item.name])}</td>
              <td>{shown(item, server.answers[item.name])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="actions">
        <button type="button" className="button button--primary" onClick={() => void choose('mine')}>
          {o.keepMine}
        </button>{' '}
        <button type="button" className="button" onClick={() => void choose('theirs')}>
          {o.keepTheirs}
        </button>
      </p>
    </section>
  );
}

/** The change of a response waiting on this device, if any (read once when the page opens). */
function useQueuedResponse(
  responseId: string | undefined,
): { status: 'loading' } | { status: 'ready'; item?: FormResponseWrite } {
  const [found, setFound] = useState<{ responseId: string; item?: FormResponseWrite } | null>(null);
  useEffect(() => {
    if (!responseId) return;
    let live = true;
    void findQueued<FormResponseWrite>(responseId)
      .catch(() => undefined)
      .then((item) => live && setFound({ responseId, item }));
    return () => {
      live = false;
    };
  }, [responseId]);
  if (!responseId) return { status: 'ready' };
  return found?.responseId === responseId ? { status: 'ready', item: found.item } : { status: 'loading' };
}

function FormFiller({
  personId,
  version,
  existing,
  local,
}: {
  personId: string;
  version: TemplateVersion;
  existing: ResponseDetail | null;
  local: FormResponseWrite | undefined;
}) {
  const navigate = useNavigate();
  const compiled = useMemo(() => compileDefinition(version.definition).compiled, [version.definition]);
  const attachments = useDeviceAttachments(personId);
  const [draft, setDraft] = useState<Draft>(((local?.payload.answers ?? existing?.answers) as Draft | undefined) ?? {});
  // Generated once: saving the same new response twice (a retry, a lost network) stores it once.
  const [clientId] = useState(newClientId);
  const [responseId, setResponseId] = useState(existing?.id ?? local?.key ?? null);
  const [onServer, setOnServer] = useState(existing !== null || local?.payload.existsOnServer === true);
  const { items } = useOffline();
  const waiting = items.find((i) => i.key === responseId);
  const [link, setLink] = useState<PathwayLink>(noLink);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempt, setAttempt] = useState<'none' | 'draft' | 'submit'>('none');
  const [serverIssues, setServerIssues] = useState<Map<string, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ at: string; onDevice: boolean } | null>(null);
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
    const checked = checkResponse(compiled, draft, { today, submitting: submit });
    if (checked.issues.length > 0) return showSummary(t.checkErrors(checked.issues.length));
    setSaving(submit ? 'submit' : 'draft');
    void save(submit, checked.answers)
      .catch(() => showSummary(messages.errors.internal))
      .finally(() => setSaving(null));
  };

  /**
   * Keeps the answers on this device first, then sends them at once when there is a network: a lost
   * connection never loses them, and the outbox sends them later.
   */
  const save = async (submit: boolean, answers: Record<string, unknown>) => {
    const id = responseId ?? clientId;
    const revision = (await knownRevision(id)) ?? existing?.revision;
    await queueFormResponse({
      key: id,
      personId,
      label: version.templateTitle,
      payload: {
        templateVersionId: version.id,
        // Until the server has the response, its pathway and visit can still be corrected; a reloaded
        // page that was not touched keeps the link it queued.
        link: onServer ? {} : link === noLink && local ? local.payload.link : linkRequest(link),
        answers,
        submit,
        existsOnServer: revision !== undefined,
        baseRevision: revision ?? 1,
      },
    });
    if (!responseId) {
      setResponseId(id);
      // The address names the response from now on, so a reload (even offline) finds it.
      window.history.replaceState(window.history.state, '', `/personnes/${personId}/formulaires/${id}`);
    }
    if (navigator.onLine) await syncNow();
    const after = await findQueued<FormResponseWrite>(id);
    if (after?.status === 'rejected') {
      setServerIssues(new Map((after.issues ?? []).map((i) => [i.path.replace(/^answers\./, ''), i.message])));
      return showSummary(after.error ?? messages.errors.internal);
    }
    if (after?.status === 'conflict') return showSummary(messages.offline.draft.conflict);
    setFormError(null);
    if (!after) setOnServer(true);
    if (submit) {
      await navigate(after ? `/personnes/${personId}/formulaires` : `/personnes/${personId}/formulaires/${id}`);
    } else {
      setSaved({ at: timeNow(), onDevice: after !== undefined });
    }
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
      {!onServer && <PathwayChoice personId={personId} value={link} onChange={setLink} errors={errors} />}
      <FormRenderer
        definition={version.definition}
        draft={draft}
        onChange={change}
        visible={check.visible}
        computed={check.answers}
        errors={errors}
        attachments={attachments}
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
        {/* A draft kept on the device says so until the sync has sent it. */}
        {saved && (saved.onDevice && waiting ? messages.offline.draft.savedLocally(saved.at) : t.draftSaved(saved.at))}
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
function ResponseView({
  version,
  answers: stored,
  response,
}: {
  version: TemplateVersion;
  answers: Record<string, unknown>;
  /** Null for a response validated on this device and not yet sent. */
  response: ResponseDetail | null;
}) {
  const compiled = useMemo(() => compileDefinition(version.definition).compiled, [version.definition]);
  const { visible, answers } = checkResponse(compiled, stored, { today: parisToday(), submitting: false });
  const rows = (questions: Question[], values: Record<string, unknown>, prefix: string) =>
    questions
      .filter((q) => visible.has(`${prefix}${q.name}`))
      .map((q) => (
        <div key={q.name} className="forms-answer">
          <dt>{q.label}</dt>
          <dd>
            {['photo', 'file', 'signature'].includes(q.type) && typeof values[q.name] === 'string' ? (
              <AttachmentAnswer question={q} id={values[q.name] as string} />
            ) : (
              formatAnswer(q, (values[q.name] as AnswerValue | undefined) ?? null)
            )}
          </dd>
        </div>
      ));
  return (
    <>
      {response?.submittedAt ? (
        <Alert kind="info">{t.submittedOn(formatDateTime(response.submittedAt))}</Alert>
      ) : (
        response && <Alert kind="info">{t.readOnly}</Alert>
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
