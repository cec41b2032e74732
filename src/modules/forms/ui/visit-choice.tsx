import { messages } from '#src/shared/i18n/fr.ts';
import { formatDateTime } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { fieldId } from '#src/modules/forms/ui/form-renderer.tsx';

const t = messages.forms.ui;
const v = messages.forms.visits;

/** The fields of a pathway's detail this choice uses (the detail is the pathways module's API). */
type PathwayVisits = {
  journal: { id: string; kind: string; occurredAt: string; authorName: string; secondVisitorName: string | null }[];
  team: { userId: string; name: string }[];
  viewerUserId: string;
};

/** Where a new response belongs: a pathway, and the home visit (an entry of its journal, or a new one) it is filled during. */
export type PathwayLink = { pathwayId: string; visit: string; date: string; time: string; secondVisitorUserId: string };
export const noLink: PathwayLink = { pathwayId: '', visit: '', date: '', time: '', secondVisitorUserId: '' };
const NEW_VISIT = 'new';

const pad = (n: number) => String(n).padStart(2, '0');
/** The date and time typed, read in the browser's time zone (the agent's), as an ISO instant. */
const instantOf = (date: string, time: string) => {
  const parsed = new Date(`${date}T${time || '00:00'}`);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString();
};

/** The person's open pathways a response may belong to (also kept for offline work). */
export const openPathwaysPath = (personId: string) =>
  `/api/pathways?${new URLSearchParams({ personne: personId, scope: 'team', status: 'open' })}`;

/** What the create request says of the link. */
export function linkRequest(link: PathwayLink) {
  const pathwayId = link.pathwayId || null;
  if (!pathwayId || !link.visit) return { pathwayId };
  if (link.visit !== NEW_VISIT) return { pathwayId, visitJournalEntryId: link.visit };
  return {
    pathwayId,
    newVisit: { occurredAt: instantOf(link.date, link.time), secondVisitorUserId: link.secondVisitorUserId || null },
  };
}

/** Names of the link's fields for the error summary. */
export const linkLabels = new Map([
  ['pathwayId', t.pathway],
  ['visitJournalEntryId', v.label],
  ['newVisit', v.label],
  ['newVisit.occurredAt', v.date],
  ['newVisit.secondVisitorUserId', v.secondVisitor],
]);

function FieldError({ path, errors }: { path: string; errors: Map<string, string> }) {
  const error = errors.get(path);
  return error ? (
    <p className="field__error" id={`${fieldId(path)}-error`}>
      {error}
    </p>
  ) : null;
}

const invalid = (errors: Map<string, string>, path: string, hint?: string) => ({
  id: fieldId(path),
  'aria-invalid': errors.has(path) ? true : undefined,
  'aria-describedby': [hint, errors.has(path) ? `${fieldId(path)}-error` : null].filter(Boolean).join(' ') || undefined,
});

/** Once a pathway is chosen: no visit, one of its visits, or a new visit with its date and second visitor. */
export function VisitChoice({
  link,
  onChange,
  errors,
}: {
  link: PathwayLink;
  onChange: (link: PathwayLink) => void;
  errors: Map<string, string>;
}) {
  const { state } = useApi<PathwayVisits>(`/api/pathways/${encodeURIComponent(link.pathwayId)}`);
  if (state.status !== 'ready') return null;
  const visits = state.data.journal.filter((e) => e.kind === 'home_visit').reverse();
  const others = state.data.team.filter((m) => m.userId !== state.data.viewerUserId);
  // The visit field also answers for "pick one or the other" and "pathway first", reported on `newVisit`.
  const visitError = errors.has('visitJournalEntryId') ? 'visitJournalEntryId' : 'newVisit';
  const choose = (visit: string) => {
    if (visit !== NEW_VISIT || link.date) return onChange({ ...link, visit });
    const now = new Date();
    onChange({ ...link, visit, date: parisDay(now), time: `${pad(now.getHours())}:${pad(now.getMinutes())}` });
  };
  return (
    <>
      <div className={errors.has(visitError) ? 'field field--error' : 'field'}>
        <label htmlFor={fieldId('visitJournalEntryId')}>{v.label}</label>
        <p className="field__hint" id="forms-visit-hint">
          {v.hint}
        </p>
        <select
          {...invalid(errors, visitError, 'forms-visit-hint')}
          id={fieldId('visitJournalEntryId')}
          value={link.visit}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{v.none}</option>
          {visits.map((e) => (
            <option key={e.id} value={e.id}>
              {v.existing(formatDateTime(e.occurredAt), [e.authorName, e.secondVisitorName].filter(Boolean).join(', '))}
            </option>
          ))}
          <option value={NEW_VISIT}>{v.newVisit}</option>
        </select>
        <FieldError path={visitError} errors={errors} />
      </div>
      {link.visit === NEW_VISIT && (
        <fieldset className="field">
          <legend>{v.newVisit}</legend>
          <div className={errors.has('newVisit.occurredAt') ? 'field field--error' : 'field'}>
            <label htmlFor={fieldId('newVisit.occurredAt')}>{v.date}</label>
            <input
              type="date"
              {...invalid(errors, 'newVisit.occurredAt')}
              value={link.date}
              onChange={(e) => onChange({ ...link, date: e.target.value })}
            />
            <FieldError path="newVisit.occurredAt" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={fieldId('newVisit.time')}>{v.time}</label>
            <p className="field__hint" id="forms-visit-time-hint">
              {v.timeHint}
            </p>
            <input
              {...invalid(errors, 'newVisit.time', 'forms-visit-time-hint')}
              inputMode="numeric"
              maxLength={5}
              value={link.time}
              onChange={(e) => onChange({ ...link, time: e.target.value })}
            />
          </div>
          <div className={errors.has('newVisit.secondVisitorUserId') ? 'field field--error' : 'field'}>
            <label htmlFor={fieldId('newVisit.secondVisitorUserId')}>{v.secondVisitor}</label>
            <select
              {...invalid(errors, 'newVisit.secondVisitorUserId')}
              value={link.secondVisitorUserId}
              onChange={(e) => onChange({ ...link, secondVisitorUserId: e.target.value })}
            >
              <option value="">{v.nobody}</option>
              {others.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
            <FieldError path="newVisit.secondVisitorUserId" errors={errors} />
          </div>
        </fieldset>
      )}
    </>
  );
}
