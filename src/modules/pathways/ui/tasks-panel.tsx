import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { formatDate } from '#src/shared/ui/page.tsx';
import type { PathwayDetail, PathwayTask } from '#src/modules/pathways/api/pathway.schema.ts';
import { withIssuesOn } from '#src/modules/pathways/ui/remap-issues.ts';

const t = messages.pathways;
const u = t.ui;

/** The pathway's tasks: done or not, overdue flagged, and a form to add one for a team member. */
export function TasksPanel({ detail, onChanged }: { detail: PathwayDetail; onChanged: () => void }) {
  const toggle = async (task: PathwayTask) => {
    await api(`/api/pathway-tasks/${task.id}`, {
      method: 'PATCH',
      body: { status: task.status === 'open' ? 'done' : 'open' },
    });
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="pathway-tasks">
      <h2 id="pathway-tasks">{u.tasksTitle}</h2>
      {detail.tasks.length === 0 ? (
        <p>{u.tasksEmpty}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{u.tasksTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{u.taskColumns.title}</th>
              <th scope="col">{u.taskColumns.dueDate}</th>
              <th scope="col">{u.taskColumns.assignee}</th>
              <th scope="col">{u.taskColumns.status}</th>
              {detail.canWrite && <th scope="col">{u.taskColumns.action}</th>}
            </tr>
          </thead>
          <tbody>
            {detail.tasks.map((task) => (
              <tr key={task.id}>
                <th scope="row">{task.title}</th>
                <td>
                  {formatDate(task.dueDate)}
                  {task.overdue && <span className="tag tag--warning"> {u.overdue}</span>}
                </td>
                <td>{task.assigneeName}</td>
                <td>{t.taskStatuses[task.status]}</td>
                {detail.canWrite && (
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={task.status === 'open' ? u.markDone(task.title) : u.markOpen(task.title)}
                      onClick={() => void toggle(task)}
                    >
                      {task.status === 'open' ? u.done : u.reopenTask}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.canWrite && <TaskForm detail={detail} onChanged={onChanged} />}
    </section>
  );
}

function TaskForm({ detail, onChanged }: { detail: PathwayDetail; onChanged: () => void }) {
  const form = useForm({
    initial: { title: '', dueDate: '', assigneeUserId: detail.viewerUserId, remindDate: '', remindTime: '' },
    submit: async (values) => {
      const remindAt = values.remindDate ? new Date(`${values.remindDate}T${values.remindTime || '08:00'}`) : null;
      await withIssuesOn(
        api(`/api/pathways/${detail.pathway.id}/tasks`, {
          body: {
            title: values.title,
            dueDate: values.dueDate,
            assigneeUserId: values.assigneeUserId,
            remindAt: remindAt && !Number.isNaN(remindAt.getTime()) ? remindAt.toISOString() : null,
          },
        }),
        (path) => (path === 'remindAt' ? 'remindDate' : path),
      );
      form.setValue('title', '');
      onChanged();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="task-add">
      <h3 id="task-add">{u.addTask}</h3>
      <ErrorSummary
        form={form}
        labels={{
          title: u.taskTitle,
          dueDate: u.dueDate,
          assigneeUserId: u.assignee,
          remindDate: u.remindAt,
          remindTime: u.timeLabel,
        }}
      />
      <TextField form={form} name="title" label={u.taskTitle} required maxLength={200} />
      <TextField form={form} name="dueDate" label={u.dueDate} type="date" required />
      <SelectField
        form={form}
        name="assigneeUserId"
        label={u.assignee}
        required
        options={detail.team.map((m) => ({ value: m.userId, label: m.name }))}
      />
      <TextField form={form} name="remindDate" label={u.remindAt} hint={u.remindAtHint} type="date" />
      <TextField
        form={form}
        name="remindTime"
        label={u.timeLabel}
        hint={u.timeHint}
        inputMode="numeric"
        maxLength={5}
      />
      <SubmitButton submitting={form.submitting}>{u.addTask}</SubmitButton>
    </form>
  );
}
