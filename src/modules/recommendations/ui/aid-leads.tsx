import { useId } from 'react';
import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { FieldLayout } from '#src/shared/ui/form.tsx';
import { formatDate } from '#src/shared/ui/page.tsx';
import type { Loadable } from '#src/shared/ui/use-api.ts';
import {
  formatCents,
  leadAmount,
  type AidLead,
  type AidOption,
  type FundingOptions,
} from '#src/modules/recommendations/api/sheet.schema.ts';
import { LineActions } from '#src/modules/recommendations/ui/line-actions.tsx';
import { fieldId, uid, type DraftLead } from '#src/modules/recommendations/ui/sheet-draft.ts';

const r = messages.recommendations;
const u = r.ui.leads;

const projectPage = (projectId: string) => `/financements/projets/${projectId}`;

function amountOf(lead: Pick<AidLead, 'status' | 'amountCents' | 'monthly'> | AidOption) {
  if (lead.status === 'not_eligible') return r.pdf.none;
  const amount = leadAmount(lead);
  if (!amount) return u.noAmount;
  const text = formatCents(amount.cents) + (amount.monthly ? ` ${r.pdf.perMonth}` : '');
  return amount.firm ? u.estimated(text) : r.pdf.indicative(text);
}

const sourceOf = (lead: Pick<AidLead, 'projectTitle' | 'basisOn'>) =>
  lead.projectTitle
    ? r.pdf.basisPlan(lead.projectTitle, formatDate(lead.basisOn))
    : r.pdf.basisSimulation(formatDate(lead.basisOn));

const sameAid = (a: Pick<AidLead, 'aid' | 'projectId'>, b: Pick<AidLead, 'aid' | 'projectId'>) =>
  a.aid === b.aid && a.projectId === b.projectId;

/** The options by source (each project's plan, or the simulation), in the order the server gives them. */
function sourcesOf(options: AidOption[]) {
  const sources = new Map<string, { key: string; heading: string; list: AidOption[] }>();
  for (const option of options) {
    const key = option.projectId ?? 'simulation';
    const source = sources.get(key) ?? { key, heading: sourceOf(option), list: [] };
    source.list.push(option);
    sources.set(key, source);
  }
  return [...sources.values()];
}

function Options({
  options,
  personId,
  leads,
  onAdd,
}: {
  options: FundingOptions;
  personId: string;
  leads: DraftLead[];
  onAdd: (option: AidOption) => void;
}) {
  const id = useId();
  return (
    <>
      <p>{options.basis === 'plans' ? u.fromPlans : u.fromSimulation}</p>
      <p>
        <Link to={`/financements/simulateur?personne=${personId}`}>{u.simulator}</Link>
      </p>
      {options.projects.length > 0 && (
        <ul>
          {options.projects.map((p) => (
            <li key={p.id}>
              <Link to={projectPage(p.id)}>{u.project(p.title)}</Link>
              {p.planOn ? ` — ${u.planOn(formatDate(p.planOn))}` : ` — ${u.noPlan}`}
            </li>
          ))}
        </ul>
      )}
      {sourcesOf(options.options).map(({ key, heading, list }, index) => (
        <div key={key}>
          <h4 id={`${id}-${index}`}>{heading}</h4>
          <ul className="sheet-aid-options" aria-labelledby={`${id}-${index}`}>
            {list.map((option) => (
              <li key={option.aid}>
                <span>
                  <strong>{option.title}</strong> — {option.funder} · {u.statuses[option.status]} · {amountOf(option)}
                </span>
                {option.status === 'not_eligible' ? null : leads.some((l) => sameAid(l, option)) ? (
                  <span className="tag">{u.alreadyAdded}</span>
                ) : (
                  <button type="button" className="button button--secondary" onClick={() => onAdd(option)}>
                    {u.add(option.title)}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/**
 * Funding leads that name an aid: the aids the funding module gives for the person (the pathway's plans, else a
 * simulation on the file), and the leads kept, each with a note, reordered or removed with buttons.
 */
export function AidLeads({
  options,
  personId,
  leads,
  setLeads,
  errorOf,
  move,
  announce,
  focusOn,
}: {
  options: Loadable<FundingOptions>;
  personId: string;
  leads: DraftLead[];
  setLeads: (change: (leads: DraftLead[]) => DraftLead[]) => void;
  errorOf: (path: string) => string | undefined;
  move: (list: DraftLead[], index: number, direction: -1 | 1) => DraftLead[];
  announce: (message: string) => void;
  focusOn: (id: string) => void;
}) {
  const add = (option: AidOption) => {
    const { status } = option;
    if (status === 'not_eligible') return;
    setLeads((before) => [...before, { ...option, status, uid: uid(), note: '' }]);
    announce(u.added(option.title));
  };
  return (
    <>
      <h3>{u.optionsTitle}</h3>
      {options.status === 'loading' && <p role="status">{u.loading}</p>}
      {options.status === 'error' && <p className="field__error">{options.error.message}</p>}
      {options.status === 'ready' && <Options options={options.data} personId={personId} leads={leads} onAdd={add} />}
      <h3 id="sheet-leads-title" tabIndex={-1}>
        {u.leadsTitle}
      </h3>
      {leads.length === 0 ? (
        <p>{u.noLead}</p>
      ) : (
        <ol className="sheet-items" aria-labelledby="sheet-leads-title">
          {leads.map((lead, i) => {
            const path = `aidLeads.${i}`;
            const aidProblem = errorOf(`${path}.aid`);
            const projectProblem = errorOf(`${path}.projectId`);
            return (
              <li key={lead.uid} className="sheet-item">
                <p className="sheet-item__name" id={fieldId(`${path}.aid`)} tabIndex={-1}>
                  <strong>{lead.title}</strong> — {lead.funder}
                </p>
                {aidProblem && <p className="field__error">{aidProblem}</p>}
                {/* The lead's project is no control of its own: the error summary leads to its message. */}
                {projectProblem && (
                  <p className="field__error" id={fieldId(`${path}.projectId`)} tabIndex={-1}>
                    {projectProblem}
                  </p>
                )}
                <p className="sheet-item__facts">
                  <span className={lead.status === 'eligible' ? 'tag tag--success' : 'tag tag--warning'}>
                    {u.statuses[lead.status]}
                  </span>{' '}
                  {amountOf(lead)} · {sourceOf(lead)}
                </p>
                {lead.projectId && (
                  <p>
                    <Link to={projectPage(lead.projectId)}>{u.project(lead.projectTitle ?? lead.title)}</Link>
                  </p>
                )}
                <FieldLayout id={fieldId(`${path}.note`)} label={u.note(lead.title)} error={errorOf(`${path}.note`)}>
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      maxLength={1000}
                      value={lead.note}
                      onChange={(e) =>
                        setLeads((list) => list.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))
                      }
                    />
                  )}
                </FieldLayout>
                <LineActions
                  uid={lead.uid}
                  index={i}
                  count={leads.length}
                  labels={{ up: u.up(lead.title), down: u.down(lead.title), remove: u.remove(lead.title) }}
                  onMove={(direction) => {
                    const moved = move(leads, i, direction);
                    setLeads(() => moved);
                  }}
                  onRemove={() => {
                    focusOn('sheet-leads-title');
                    announce(r.ui.removed);
                    setLeads((list) => list.filter((_, j) => j !== i));
                  }}
                />
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
