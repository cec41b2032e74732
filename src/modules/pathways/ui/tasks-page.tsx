import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { PathwayTaskWithPerson } from '#src/modules/pathways/api/pathway.schema.ts';

const u = messages.pathways.ui;
const views = ['mine', 'overdue_mine', 'overdue_team'] as const;

/** `/taches`: my open tasks, my overdue ones, my team's overdue ones. */
export function TasksPage() {
  const [params] = useSearchParams();
  const view = views.find((v) => v === params.get('vue')) ?? 'mine';
  const { state } = useApi<{ items: PathwayTaskWithPerson[] }>(`/api/pathway-tasks?view=${view}`);
  return (
    <Page title={u.tasksPageTitle} lead={u.tasksPageLead}>
      <nav aria-label={u.tasksViewNav} className="tabs">
        {views.map((v) => (
          <Link
            key={v}
            to={v === 'mine' ? '/taches' : `/taches?vue=${v}`}
            aria-current={v === view ? 'page' : undefined}
          >
            {u.tasksViews[v]}
          </Link>
        ))}
      </nav>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p role="status">{u.tasksEmpty}</p>
        ) : (
          <table>
            <caption>{u.tasksViews[view]}</caption>
            <thead>
              <tr>
                <th scope="col">{u.tasksColumns.title}</th>
                <th scope="col">{u.tasksColumns.person}</th>
                <th scope="col">{u.tasksColumns.dueDate}</th>
                <th scope="col">{u.tasksColumns.assignee}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((task) => (
                <tr key={task.id}>
                  <th scope="row">{task.title}</th>
                  <td>
                    <Link to={`/parcours/${task.pathwayId}`}>
                      {task.firstName} {task.lastName}
                    </Link>
                  </td>
                  <td>
                    {formatDate(task.dueDate)}
                    {task.overdue && <span className="tag tag--warning"> {u.overdue}</span>}
                  </td>
                  <td>{task.assigneeName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Page>
  );
}
