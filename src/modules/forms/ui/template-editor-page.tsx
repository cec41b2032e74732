import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import { FieldLayout } from '#src/shared/ui/form.tsx';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { templateKinds, type AdminTemplate } from '#src/modules/forms/api/form.schema.ts';
import {
  checkDraft,
  describePath,
  fromDefinition,
  namesOf,
  publishBody,
  slug,
  toDefinition,
  type TemplateDraft,
} from '#src/modules/forms/ui/template-draft.ts';
import { domId, SectionsEditor, type EditorTools } from '#src/modules/forms/ui/template-editor.tsx';
import { TemplatePreview } from '#src/modules/forms/ui/template-preview.tsx';

const b = messages.forms.builder;
const kindLabels = messages.forms.xlsform.ui.kinds;

/** `/admin/formulaires/nouveau` and `/admin/formulaires/:id`: compose a template and publish its next version. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const { state, reload } = useApi<AdminTemplate>(id ? `/api/admin/form-templates/${encodeURIComponent(id)}` : null);
  if (!id) return <TemplateEditor key="new" template={null} onPublished={reload} />;
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error') {
    return (
      <Page title={state.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{state.error.message}</Alert>
        <p>
          <Link to="/admin/formulaires">{b.backToList}</Link>
        </p>
      </Page>
    );
  }
  // A new key per version: after publishing, the editor starts again from what was just published.
  return <TemplateEditor key={state.data.versions[0]!.id} template={state.data} onPublished={reload} />;
}

/** What is kept on this device between visits, so a reload or a crash loses nothing. */
type StoredDraft = { baseVersion: number | null; savedAt: string; draft: TemplateDraft };

const storageKey = (templateId: string | null) => `demeure.form-builder.${templateId ?? 'nouveau'}`;

function readStored(templateId: string | null): StoredDraft | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(templateId)) ?? 'null') as StoredDraft | null;
    return stored && Array.isArray(stored.draft?.sections) ? stored : null;
  } catch {
    return null;
  }
}

const sameContent = (a: TemplateDraft, b: TemplateDraft, isNew: boolean) =>
  JSON.stringify(publishBody(a, isNew)) === JSON.stringify(publishBody(b, isNew));

function TemplateEditor({ template, onPublished }: { template: AdminTemplate | null; onPublished: () => void }) {
  const isNew = template === null;
  const navigate = useNavigate();
  const location = useLocation();
  const latest = template?.versions[0] ?? null;
  const [baseline] = useState<TemplateDraft>(() => ({
    key: template?.key ?? '',
    keyEdited: false,
    title: template?.title ?? '',
    kind: template?.kind ?? '',
    sections: template ? fromDefinition(template.latestDefinition) : [],
  }));
  const [restored] = useState(() => {
    const stored = readStored(template?.id ?? null);
    return stored && !sameContent(stored.draft, baseline, isNew) ? stored : null;
  });
  const [draft, setDraft] = useState<TemplateDraft>(restored?.draft ?? baseline);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<Map<string, string>>(new Map());
  // A failure the server explains without naming a field (network, conflict).
  const [failure, setFailure] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const published = (location.state as { published?: number } | null)?.published ?? null;
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusQueue = useRef<string[] | null>(null);
  const leaving = useRef(false);

  const dirty = !sameContent(draft, baseline, isNew);
  const definition = useMemo(() => toDefinition(draft.sections), [draft.sections]);
  const localIssues = useMemo(() => checkDraft(draft, isNew), [draft, isNew]);
  const errors = new Map<string, string>();
  for (const [path, message] of localIssues) if (attempted || touched.has(path)) errors.set(path, message);
  for (const [path, message] of serverIssues) if (!errors.has(path)) errors.set(path, message);

  // Focus requested by an add, remove or move, once the new list is on screen.
  useEffect(() => {
    const ids = focusQueue.current;
    if (!ids) return;
    focusQueue.current = null;
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        return;
      }
    }
  });

  // The draft lives on this device until it is published or matches the published version again.
  useEffect(() => {
    const key = storageKey(template?.id ?? null);
    if (!dirty) {
      localStorage.removeItem(key);
      return;
    }
    const stored: StoredDraft = { baseVersion: latest?.version ?? null, savedAt: new Date().toISOString(), draft };
    localStorage.setItem(key, JSON.stringify(stored));
  }, [draft, dirty, template?.id, latest?.version]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const stayButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === 'blocked') stayButton.current?.focus();
  }, [blocker.state]);

  const tools: EditorTools = {
    errors,
    touch: (path) => setTouched((before) => (before.has(path) ? before : new Set(before).add(path))),
    // The same words twice in a row (two removals) must still be read: a trailing space makes them new.
    announce: (message) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message)),
    focusLater: (...ids) => {
      focusQueue.current = ids;
    },
    takenNames: (exceptUid) => namesOf(draft.sections, exceptUid),
  };

  const change = (next: TemplateDraft, paths: string[] = []) => {
    setDraft(next);
    if (paths.some((p) => serverIssues.has(p))) {
      setServerIssues(new Map([...serverIssues].filter(([p]) => !paths.includes(p))));
    }
  };

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const publish = () => {
    if (publishing) return;
    setAttempted(true);
    setServerIssues(new Map());
    setFailure(null);
    if (localIssues.size > 0) return focusSummary();
    setPublishing(true);
    const request = isNew
      ? api<{ id: string; version: number }>('/api/admin/form-templates', { body: publishBody(draft, true) })
      : api<{ id: string; version: number }>(`/api/admin/form-templates/${template.id}/versions`, {
          body: publishBody(draft, false),
        });
    request
      .then(async (created) => {
        localStorage.removeItem(storageKey(template?.id ?? null));
        leaving.current = true;
        if (isNew) await navigate(`/admin/formulaires/${created.id}`, { state: { published: created.version } });
        else {
          await navigate('.', { replace: true, state: { published: created.version } });
          onPublished();
        }
      })
      .catch((error: unknown) => {
        const issues = error instanceof ApiError ? error.issues : [];
        setServerIssues(new Map(issues.map((i) => [i.path, i.message])));
        if (issues.length === 0) setFailure(error instanceof ApiError ? error.message : messages.errors.internal);
        focusSummary();
      })
      .finally(() => setPublishing(false));
  };

  const discard = () => {
    localStorage.removeItem(storageKey(template?.id ?? null));
    setDraft(baseline);
    setServerIssues(new Map());
    setFailure(null);
    setAttempted(false);
    setTouched(new Set());
    setAnnouncement(b.discarded);
  };

  const nextVersion = (latest?.version ?? 0) + 1;
  const title = isNew ? b.newTitle : b.editTitle(template.title);
  return (
    <Page title={title} lead={b.editorLead}>
      <p>
        <Link to="/admin/formulaires">{b.backToList}</Link>
      </p>
      {published !== null && !dirty && <Alert kind="success">{b.published(published)}</Alert>}
      {restored && dirty && (
        <div className="alert alert--info" role="status">
          <p>
            {b.restored(formatDateTime(restored.savedAt))}
            {latest && restored.baseVersion !== latest.version && ` ${b.restoredOutdated(latest.version)}`}
          </p>
          <button type="button" className="button" onClick={discard}>
            {isNew ? b.discardNew : b.discard(latest!.version)}
          </button>
        </div>
      )}
      {blocker.state === 'blocked' && (
        <div className="alert alert--info builder-leave" role="alertdialog" aria-labelledby="builder-leave-text">
          <p id="builder-leave-text">{b.leaveWarning}</p>
          <div className="actions">
            <button type="button" className="button" ref={stayButton} onClick={() => blocker.reset()}>
              {b.stay}
            </button>
            <button type="button" className="button" onClick={() => blocker.proceed()}>
              {b.leave}
            </button>
          </div>
        </div>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {((attempted && errors.size > 0) || failure) && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="error-summary__title">{errors.size > 0 ? b.hasErrors(errors.size) : failure}</p>
          <ul>
            {[...errors].map(([path, message]) => (
              <li key={path}>
                <a
                  href={`#${domId(path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusPath(path);
                  }}
                >
                  {describePath(path, draft)} : {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="builder">
        <div className="builder-editor">
          {isNew ? (
            <TemplateFields draft={draft} tools={tools} onChange={change} />
          ) : (
            <VersionHistory template={template} />
          )}
          <SectionsEditor
            sections={draft.sections}
            // The server checks a definition as the browser does: after an edit, its earlier verdict is stale.
            onChange={(sections) =>
              change(
                { ...draft, sections },
                [...serverIssues.keys()].filter((p) => p.startsWith('definition')),
              )
            }
            tools={tools}
          />
          <div className="builder-publish">
            <h2>{b.publishTitle}</h2>
            <p>{b.immutable}</p>
            <button
              type="button"
              className="button button--primary"
              onClick={publish}
              aria-disabled={publishing || undefined}
            >
              {publishing ? b.publishing : b.publish(nextVersion)}
            </button>
            {dirty && <p className="field__hint">{b.keptOnDevice}</p>}
          </div>
        </div>
        <TemplatePreview
          definition={definition}
          // Only the definition matters to the preview: a missing title does not stop it.
          issueCount={[...localIssues.keys()].filter((path) => path.startsWith('definition')).length}
        />
      </div>
    </Page>
  );
}

/** Focus the field of an issue path, or the nearest enclosing element that exists (the list, the question). */
function focusPath(path: string) {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const element = document.getElementById(domId(p));
    if (element) {
      element.focus();
      return;
    }
  }
}

function TemplateFields({
  draft,
  tools,
  onChange,
}: {
  draft: TemplateDraft;
  tools: EditorTools;
  onChange: (draft: TemplateDraft, paths: string[]) => void;
}) {
  const field = (name: 'title' | 'key', label: string, hint?: string) => (
    <FieldLayout id={domId(name)} label={label} hint={hint} error={tools.errors.get(name)} required>
      {(control) => (
        <input
          {...control}
          type="text"
          value={draft[name]}
          spellCheck={name === 'key' ? false : undefined}
          className={name === 'key' ? 'builder-code' : undefined}
          onChange={(e) => {
            tools.touch(name);
            if (name === 'title') {
              const key = draft.keyEdited ? draft.key : slug(e.target.value, 60);
              onChange({ ...draft, title: e.target.value, key }, ['title', 'key']);
            } else onChange({ ...draft, key: e.target.value, keyEdited: true }, ['key']);
          }}
        />
      )}
    </FieldLayout>
  );
  return (
    <section className="builder-template" aria-labelledby="builder-template-title">
      <h2 id="builder-template-title">{b.templateTitle}</h2>
      {field('title', b.templateName)}
      {field('key', b.key, b.keyHint)}
      <FieldLayout id={domId('kind')} label={b.kind} error={tools.errors.get('kind')} required>
        {(control) => (
          <select
            {...control}
            value={draft.kind}
            onChange={(e) => {
              tools.touch('kind');
              onChange({ ...draft, kind: e.target.value }, ['kind']);
            }}
          >
            <option value="">{b.chooseKind}</option>
            {templateKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        )}
      </FieldLayout>
    </section>
  );
}

/** The published versions: each stays as it was, with the responses filled with it. */
function VersionHistory({ template }: { template: AdminTemplate }) {
  return (
    <section className="builder-template" aria-labelledby="builder-versions-title">
      <h2 id="builder-versions-title">{b.versionsTitle}</h2>
      <p>{b.templateFacts(template.key, kindLabels[template.kind])}</p>
      <table>
        <caption className="visually-hidden">{b.versionsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{b.version}</th>
            <th scope="col">{b.publishedAt}</th>
            <th scope="col">{b.publishedBy}</th>
            <th scope="col">{b.export}</th>
          </tr>
        </thead>
        <tbody>
          {template.versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">{b.versionNumber(v.version)}</th>
              <td>{formatDateTime(v.publishedAt)}</td>
              <td>{v.publishedByName ?? b.unknownPublisher}</td>
              <td>
                <a href={`/api/admin/form-template-versions/${v.id}/xlsform`} download>
                  {b.exportVersion(v.version)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
