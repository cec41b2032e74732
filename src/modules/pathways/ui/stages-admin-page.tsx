import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { CheckboxGroupField, ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { requiredFields, type AdminStage } from '#src/modules/pathways/api/pathway.schema.ts';

const u = messages.pathways.ui;
const fieldOptions = requiredFields.map((f) => ({ value: f, label: u.requiredFieldTitles[f] }));

/** `/admin/etapes-parcours`: rename, reorder, add, deactivate or remove the workspace's stages. */
export function StagesAdminPage() {
  const { state, reload } = useApi<{ items: AdminStage[] }>('/api/admin/pathway-stages');
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  if (state.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (state.status === 'error')
    return (
      <Page title={u.stagesAdminTitle}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const stages = state.data.items;
  const run = async (call: Promise<unknown>) => {
    try {
      await call;
      setNotice({ kind: 'success', text: u.saved });
      reload();
    } catch (error) {
      const text =
        error instanceof ApiError ? [error.message, ...error.issues.map((i) => i.message)].join(' ') : String(error);
      setNotice({ kind: 'error', text });
    }
  };
  const swap = (index: number, offset: number) => {
    const ids = stages.map((s) => s.id);
    [ids[index], ids[index + offset]] = [ids[index + offset]!, ids[index]!];
    void run(api('/api/admin/pathway-stages/order', { method: 'PUT', body: { stageIds: ids } }));
  };
  return (
    <Page title={u.stagesAdminTitle} lead={u.stagesAdminLead}>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <table>
        <caption className="visually-hidden">{u.stagesAdminTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{u.stagesColumns.position}</th>
            <th scope="col">{u.stagesColumns.label}</th>
            <th scope="col">{u.stagesColumns.required}</th>
            <th scope="col">{u.stagesColumns.now}</th>
            <th scope="col">{u.stagesColumns.active}</th>
            <th scope="col">{u.stagesColumns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s, i) => (
            <tr key={s.id}>
              <td>{i + 1}</td>
              <th scope="row">
                {renaming === s.id ? (
                  <RenameForm
                    stage={s}
                    onDone={() => {
                      setRenaming(null);
                      reload();
                    }}
                  />
                ) : (
                  s.label
                )}
              </th>
              <td>{s.requiredFields.map((f) => u.requiredFieldTitles[f]).join(', ') || u.none}</td>
              <td>{s.pathwaysNow}</td>
              <td>{s.active ? u.yes : u.no}</td>
              <td className="actions">
                <button type="button" className="button button--link" onClick={() => setRenaming(s.id)}>
                  {u.rename(s.label)}
                </button>
                {i > 0 && (
                  <button type="button" className="button button--link" onClick={() => swap(i, -1)}>
                    {u.moveUp(s.label)}
                  </button>
                )}
                {i < stages.length - 1 && (
                  <button type="button" className="button button--link" onClick={() => swap(i, 1)}>
                    {u.moveDown(s.label)}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--link"
                  onClick={() =>
                    void run(api(`/api/admin/pathway-stages/${s.id}`, { method: 'PATCH', body: { active: !s.active } }))
                  }
                >
                  {s.active ? u.deactivate(s.label) : u.activate(s.label)}
                </button>
                {!s.everUsed && s.pathwaysNow === 0 && (
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => void run(api(`/api/admin/pathway-stages/${s.id}`, { method: 'DELETE' }))}
                  >
                    {u.remove(s.label)}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddStageForm onDone={reload} />
    </Page>
  );
}

function RenameForm({ stage, onDone }: { stage: AdminStage; onDone: () => void }) {
  const form = useForm({
    initial: { label: stage.label, requiredFields: stage.requiredFields.join(',') },
    submit: async (values) => {
      await api(`/api/admin/pathway-stages/${stage.id}`, {
        method: 'PATCH',
        body: { label: values.label, requiredFields: values.requiredFields.split(',').filter(Boolean) },
      });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form" aria-label={u.rename(stage.label)}>
      <ErrorSummary form={form} labels={{ label: u.newLabel, requiredFields: u.requiredFieldsLabel }} />
      <TextField form={form} name="label" label={u.newLabel} required maxLength={80} />
      <CheckboxGroupField form={form} name="requiredFields" label={u.requiredFieldsLabel} options={fieldOptions} />
      <SubmitButton submitting={form.submitting}>{u.renameSave}</SubmitButton>
    </form>
  );
}

function AddStageForm({ onDone }: { onDone: () => void }) {
  const form = useForm({
    initial: { label: '', requiredFields: '' },
    submit: async (values) => {
      await api('/api/admin/pathway-stages', {
        body: { label: values.label, requiredFields: values.requiredFields.split(',').filter(Boolean) },
      });
      form.setValue('label', '');
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form panel" aria-labelledby="stage-add">
      <h2 id="stage-add">{u.addStage}</h2>
      <ErrorSummary form={form} labels={{ label: u.stageLabel, requiredFields: u.requiredFieldsLabel }} />
      <TextField form={form} name="label" label={u.stageLabel} required maxLength={80} />
      <CheckboxGroupField form={form} name="requiredFields" label={u.requiredFieldsLabel} options={fieldOptions} />
      <SubmitButton submitting={form.submitting}>{u.addStage}</SubmitButton>
    </form>
  );
}
