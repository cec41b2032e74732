import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useCan } from '#src/shared/ui/permissions.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { PathwayDetail } from '#src/modules/pathways/api/pathway.schema.ts';
import { JournalPanel } from '#src/modules/pathways/ui/journal-panel.tsx';
import { OptionsPanel } from '#src/modules/pathways/ui/options-panel.tsx';
import { StagePanel } from '#src/modules/pathways/ui/stage-panel.tsx';
import { TasksPanel } from '#src/modules/pathways/ui/tasks-panel.tsx';
import { TeamPanel } from '#src/modules/pathways/ui/team-panel.tsx';

const t = messages.pathways;
const u = t.ui;

/** `/parcours/:id`: the person, the stages and their history, the journal, tasks, solutions and the team. */
export function PathwayPage() {
  const { id } = useParams();
  const { state, reload } = useApi<PathwayDetail>(`/api/pathways/${id}`);
  // The funding projects are linked only for roles that may read them.
  const readsFunding = useCan('funding.read');
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={messages.errors.pageNotFound}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const detail = state.data;
  const p = detail.pathway;
  const name = `${p.firstName} ${p.lastName}`;
  return (
    <Page title={u.pageTitle(name)}>
      <section className="panel" aria-labelledby="pathway-person">
        <h2 id="pathway-person">{u.personHeader}</h2>
        <dl className="facts">
          <dt>{u.age}</dt>
          <dd>{p.age === null ? '—' : u.years(p.age)}</dd>
          <dt>{u.commune}</dt>
          <dd>{p.communeName ?? p.communeInsee ?? '—'}</dd>
          <dt>{u.channel}</dt>
          <dd>{messages.entryChannels[p.channel]}</dd>
          <dt>{u.referent}</dt>
          <dd>{p.referentName}</dd>
          <dt>{u.openedOn}</dt>
          <dd>{formatDate(p.openedOn)}</dd>
          {p.closedOn && (
            <>
              <dt>{u.closedOn}</dt>
              <dd>{formatDate(p.closedOn)}</dd>
            </>
          )}
        </dl>
        <p>
          <Link to={`/personnes/${p.personId}`}>{u.personFile}</Link>
        </p>
        <p>
          <Link to={`/demandes-logement?parcours=${p.id}`}>{messages.applications.ui.listTitle}</Link>
        </p>
        <p>
          <Link to={`/parcours/${p.id}/preconisations`}>{messages.recommendations.ui.linkFromPathway}</Link>
        </p>
        <p>
          <Link to={`/personnes/${p.personId}/essais?${new URLSearchParams({ parcours: p.id })}`}>
            {messages.trials.ui.personLink}
          </Link>
        </p>
        {readsFunding && (
          <p>
            <Link to={`/parcours/${p.id}/financement`}>{messages.funding.pages.linkFromPathway}</Link>
          </p>
        )}
      </section>
      <StagePanel detail={detail} onChanged={reload} />
      <JournalPanel detail={detail} onChanged={reload} />
      <TasksPanel detail={detail} onChanged={reload} />
      <OptionsPanel detail={detail} onChanged={reload} />
      <TeamPanel personId={p.personId} />
    </Page>
  );
}
