import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { ageBands, type PathwaySummary, type Stage } from '#src/modules/pathways/api/pathway.schema.ts';
import { entryChannels } from '#src/shared/vocabulary/entry-channels.ts';

const t = messages.pathways;
const u = t.ui;
const filterNames = ['channel', 'stageId', 'referentUserId', 'commune', 'ageBand', 'status'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

const optionsOf = (entries: [string, string][], any: string) => [
  { value: '', label: any },
  ...entries.map(([value, label]) => ({ value, label })),
];

/** The API read behind a `/parcours` address (also what a file prepared for offline work keeps). */
export function pathwaysApiPath(params: URLSearchParams): string {
  const query = new URLSearchParams(
    filterNames.flatMap((n) => (params.get(n) ? [[n, params.get(n)!] as [string, string]] : [])),
  );
  query.set('scope', params.get('scope') === 'team' ? 'team' : 'mine');
  const person = params.get('personne');
  if (person) query.set('personne', person);
  return `/api/pathways?${query}`;
}

/**
 * `/parcours`: my caseload or my team's, as a table or a board by stage. Scope, view and filters
 * live in the address, so a filtered list can be bookmarked and the CSV export matches it.
 */
export function PathwaysPage() {
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') === 'team' ? 'team' : 'mine';
  const view = params.get('vue') === 'tableau' ? 'board' : 'list';
  const current = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ''])) as Filters;
  const person = params.get('personne');
  const apiPath = pathwaysApiPath(params);
  const { state, reload } = useApi<{ items: PathwaySummary[] }>(apiPath);
  const stagesState = useApi<{ items: Stage[] }>('/api/pathway-stages').state;
  const form = useForm({
    initial: current,
    submit: async (values) => {
      const next = new URLSearchParams(Object.entries(values).filter(([, v]) => v.trim() !== ''));
      for (const keep of ['scope', 'vue', 'personne']) if (params.get(keep)) next.set(keep, params.get(keep)!);
      setParams(next);
    },
  });
  const linkWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `/parcours?${next}`;
  };

  const stages = stagesState.status === 'ready' ? stagesState.data.items.filter((s) => s.active) : [];
  const items = state.status === 'ready' ? state.data.items : [];
  const referents = [...new Map(items.map((p) => [p.referentUserId, p.referentName])).entries()];
  return (
    <Page title={u.listTitle} lead={u.listLead}>
      <nav aria-label={u.scopeNav} className="tabs">
        <Link to={linkWith({ scope: null })} aria-current={scope === 'mine' ? 'page' : undefined}>
          {u.scopeMine}
        </Link>
        <Link to={linkWith({ scope: 'team' })} aria-current={scope === 'team' ? 'page' : undefined}>
          {u.scopeTeam}
        </Link>
      </nav>
      <nav aria-label={u.viewNav} className="tabs">
        <Link to={linkWith({ vue: null })} aria-current={view === 'list' ? 'page' : undefined}>
          {u.viewList}
        </Link>
        <Link to={linkWith({ vue: 'tableau' })} aria-current={view === 'board' ? 'page' : undefined}>
          {u.viewBoard}
        </Link>
      </nav>
      {person && (
        <Alert kind="info">
          {u.personFilter} <Link to={linkWith({ personne: null })}>{u.clearPersonFilter}</Link>
        </Alert>
      )}
      <form onSubmit={form.onSubmit} noValidate className="form form--inline panel" aria-label={u.filters}>
        <ErrorSummary
          form={form}
          labels={{
            channel: u.filterChannel,
            stageId: u.filterStage,
            referentUserId: u.filterReferent,
            commune: u.filterCommune,
            ageBand: u.filterAgeBand,
            status: u.filterStatus,
          }}
        />
        <SelectField
          form={form}
          name="channel"
          label={u.filterChannel}
          options={optionsOf(
            entryChannels.map((c) => [c, messages.entryChannels[c] ?? c]),
            u.any,
          )}
        />
        <SelectField
          form={form}
          name="stageId"
          label={u.filterStage}
          options={optionsOf(
            stages.map((s) => [s.id, s.label]),
            u.any,
          )}
        />
        <SelectField form={form} name="referentUserId" label={u.filterReferent} options={optionsOf(referents, u.any)} />
        <TextField form={form} name="commune" label={u.filterCommune} hint={u.filterCommuneHint} maxLength={5} />
        <SelectField
          form={form}
          name="ageBand"
          label={u.filterAgeBand}
          options={optionsOf(
            ageBands.map((b) => [b, u.ageBands[b]]),
            u.any,
          )}
        />
        <SelectField
          form={form}
          name="status"
          label={u.filterStatus}
          options={[
            { value: '', label: u.statuses.open },
            { value: 'closed', label: u.statuses.closed },
            { value: 'all', label: u.statuses.all },
          ]}
        />
        <SubmitButton submitting={form.submitting}>{u.apply}</SubmitButton>
      </form>
      <p>
        <a className="button" href={apiPath.replace('/api/pathways?', '/api/pathways/export.csv?')} download>
          {u.exportCsv}
        </a>
      </p>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <section aria-live="polite">
          <p role="status">{u.count(items.length)}</p>
          {view === 'list' ? <PathwayTable items={items} /> : <Board items={items} stages={stages} onMoved={reload} />}
        </section>
      )}
    </Page>
  );
}

const fullName = (p: PathwaySummary) => `${p.firstName} ${p.lastName}`;

function PathwayTable({ items }: { items: PathwaySummary[] }) {
  if (items.length === 0) return null;
  return (
    <table>
      <caption className="visually-hidden">{u.listTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{u.columns.person}</th>
          <th scope="col">{u.columns.age}</th>
          <th scope="col">{u.columns.commune}</th>
          <th scope="col">{u.columns.channel}</th>
          <th scope="col">{u.columns.stage}</th>
          <th scope="col">{u.columns.daysInStage}</th>
          <th scope="col">{u.columns.referent}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link to={`/parcours/${p.id}`}>{fullName(p)}</Link>
            </th>
            <td>{p.age === null ? '' : u.years(p.age)}</td>
            <td>{p.communeName ?? p.communeInsee}</td>
            <td>{messages.entryChannels[p.channel]}</td>
            <td>{p.stageLabel}</td>
            <td>{u.days(p.daysInStage)}</td>
            <td>{p.referentName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Columns by stage. A card moves with a button to the next stage (keyboard and screen readers
 * included; no drag and drop); a move the rules refuse points to the pathway page to complete it.
 */
function Board({ items, stages, onMoved }: { items: PathwaySummary[]; stages: Stage[]; onMoved: () => void }) {
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string; pathwayId?: string } | null>(null);
  const move = async (p: PathwaySummary, to: Stage) => {
    try {
      await api(`/api/pathways/${p.id}/transitions`, { body: { toStageId: to.id } });
      setNotice({ kind: 'success', text: u.moved(fullName(p), to.label) });
      onMoved();
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues.map((i) => i.message).join(' ') : '';
      setNotice({
        kind: 'error',
        text: `${error instanceof ApiError ? error.message : messages.errors.internal} ${issues}`,
        pathwayId: p.id,
      });
    }
  };
  return (
    <>
      {notice && (
        <Alert kind={notice.kind}>
          {notice.text} {notice.pathwayId && <Link to={`/parcours/${notice.pathwayId}`}>{u.moveNeedsPage}</Link>}
        </Alert>
      )}
      {/* The columns scroll sideways on narrow screens: the region takes the focus so the keyboard can scroll it. */}
      <div className="board" role="region" aria-label={u.boardCaption} tabIndex={0}>
        {stages.map((stage, index) => {
          const cards = items.filter((p) => p.stageId === stage.id);
          const next = stages[index + 1];
          return (
            <section key={stage.id} className="board__column" aria-labelledby={`col-${stage.id}`}>
              <h2 id={`col-${stage.id}`}>
                {stage.label} <span className="board__count">({cards.length})</span>
              </h2>
              {cards.length === 0 ? (
                <p className="board__empty">{u.emptyColumn}</p>
              ) : (
                <ul className="card-list">
                  {cards.map((p) => (
                    <li key={p.id} className="card">
                      <p className="card__title">
                        <Link to={`/parcours/${p.id}`}>{fullName(p)}</Link>
                      </p>
                      <p className="card__meta">
                        {u.days(p.daysInStage)} · {p.referentName}
                      </p>
                      {next && !p.closedOn && (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={u.moveNextFor(fullName(p), next.label)}
                          onClick={() => void move(p, next)}
                        >
                          {u.moveNext(next.label)}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
