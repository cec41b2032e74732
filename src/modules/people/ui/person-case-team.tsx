import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { CaseTeam, PersonFile } from '#src/modules/people/api/person.schema.ts';

const t = messages.people.ui;

function AddMemberForm({ file, team, onDone }: { file: PersonFile; team: CaseTeam; onDone: () => void }) {
  const sharing = file.consents.filter((c) => c.purpose === 'case_team_sharing' && !c.withdrawnOn);
  const form = useForm({
    // One choice names the user and the organisation they act for ("userId|organizationId").
    initial: { userId: '', roleLabel: '', consentId: '' },
    submit: async ({ userId: choice, roleLabel, consentId }) => {
      const [userId = '', organizationId = ''] = choice.split('|');
      await api(`/api/people/${file.id}/case-team`, {
        body: { userId, organizationId, roleLabel: roleLabel || null, consentId: consentId || null },
      });
      onDone();
    },
  });
  const labels = {
    userId: t.fields.userId,
    organizationId: t.fields.organizationId,
    roleLabel: t.fields.roleLabel,
    consentId: t.fields.consentId,
  };
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <h3>{t.addMember}</h3>
      <ErrorSummary form={form} labels={labels} />
      <SelectField
        form={form}
        name="userId"
        label={labels.userId!}
        required
        options={[
          { value: '', label: t.choose },
          ...team.candidates.map((c) => ({
            value: `${c.userId}|${c.organization.id}`,
            label: `${c.name} — ${c.organization.name}`,
          })),
        ]}
      />
      <TextField form={form} name="roleLabel" label={labels.roleLabel!} maxLength={100} />
      <SelectField
        form={form}
        name="consentId"
        label={labels.consentId!}
        hint={t.consentHint}
        options={[
          { value: '', label: t.consentAuto },
          ...sharing.map((c) => ({ value: c.id, label: `${formatDate(c.givenOn)}${c.scope ? ` — ${c.scope}` : ''}` })),
        ]}
      />
      <SubmitButton submitting={form.submitting}>{t.addMember}</SubmitButton>
    </form>
  );
}

/** The case team: who may open the file beyond the owning organisation's wide roles. */
export function PersonCaseTeam({ file }: { file: PersonFile }) {
  const { state, reload } = useApi<CaseTeam>(`/api/people/${file.id}/case-team`);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = (memberId: string) => {
    api(`/api/people/${file.id}/case-team/${memberId}`, { method: 'DELETE' })
      .then(() => {
        setConfirming(null);
        reload();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : messages.errors.internal));
  };
  return (
    <section aria-labelledby="section-case-team" className="panel person-section">
      <h2 id="section-case-team">{t.sections.caseTeam}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <>
          {state.data.items.length === 0 ? (
            <p>{t.caseTeamEmpty}</p>
          ) : (
            <table>
              <caption>{t.caseTeamCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.fields.userId}</th>
                  <th scope="col">{t.fields.organizationId}</th>
                  <th scope="col">{t.fields.roleLabel}</th>
                  <th scope="col">{t.memberSince}</th>
                  {state.data.canWrite && <th scope="col">{t.actions}</th>}
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.user.name}</th>
                    <td>{m.organization.name}</td>
                    <td>{m.roleLabel}</td>
                    <td>{formatDate(m.since)}</td>
                    {state.data.canWrite && (
                      <td>
                        {confirming === m.id ? (
                          <>
                            <button type="button" className="button button--primary" onClick={() => remove(m.id)}>
                              {t.removeMemberConfirm(m.user.name)}
                            </button>{' '}
                            <button
                              type="button"
                              className="button button--secondary"
                              onClick={() => setConfirming(null)}
                            >
                              {t.cancel}
                            </button>
                          </>
                        ) : (
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => setConfirming(m.id)}
                          >
                            {t.removeMember(m.user.name)}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {state.data.canWrite && (
            <AddMemberForm key={state.data.items.length} file={file} team={state.data} onDone={reload} />
          )}
        </>
      )}
    </section>
  );
}
