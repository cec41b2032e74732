import { useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate } from '#src/shared/ui/page.tsx';
import { parisDay } from '#src/shared/time/paris.ts';
import { consentPurposes, type Consent, type PersonFile } from '#src/modules/people/api/person.schema.ts';

const t = messages.people.ui;
const purposeLabel = (p: string) => messages.people.consentPurposes[p] ?? p;

function WithdrawForm({
  personId,
  consent,
  onDone,
  onCancel,
}: {
  personId: string;
  consent: Consent;
  onDone: (n: number) => void;
  onCancel: () => void;
}) {
  const form = useForm({
    initial: { reason: '' },
    submit: async ({ reason }) => {
      const result = await api<{ removedMembers: number }>(`/api/people/${personId}/consents/${consent.id}/withdraw`, {
        body: { reason },
      });
      onDone(result.removedMembers);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="person-confirm">
      <ErrorSummary form={form} labels={{ reason: t.fields.reason }} />
      {consent.purpose === 'case_team_sharing' && <p>{t.withdrawWarning}</p>}
      <TextField form={form} name="reason" label={t.fields.reason!} required maxLength={1000} />
      <div className="person-actions">
        <SubmitButton submitting={form.submitting}>{t.withdrawConfirm}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function RecordForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const form = useForm({
    initial: { purpose: consentPurposes[0], givenOn: parisDay(new Date()), scope: '' },
    submit: async (values) => {
      await api(`/api/people/${personId}/consents`, { body: values });
      onDone();
    },
  });
  const labels = { purpose: t.fields.purpose, givenOn: t.fields.givenOn, scope: t.fields.scope };
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <h3>{t.recordConsent}</h3>
      <ErrorSummary form={form} labels={labels} />
      <SelectField
        form={form}
        name="purpose"
        label={labels.purpose!}
        options={consentPurposes.map((p) => ({ value: p, label: purposeLabel(p) }))}
      />
      <TextField form={form} name="givenOn" label={labels.givenOn!} type="date" required />
      <TextField form={form} name="scope" label={labels.scope!} maxLength={1000} />
      <SubmitButton submitting={form.submitting}>{t.recordConsent}</SubmitButton>
    </form>
  );
}

/** The person's consents per purpose; withdrawing asks for a reason and a confirmation. */
export function PersonConsents({ file, onChange }: { file: PersonFile; onChange: () => void }) {
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="section-consents" className="panel person-section">
      <h2 id="section-consents">{t.sections.consents}</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      {file.consents.length === 0 ? (
        <p>{t.listEmpty}</p>
      ) : (
        <table>
          <caption>{t.consentsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.fields.purpose}</th>
              <th scope="col">{t.fields.givenOn}</th>
              <th scope="col">{t.fields.scope}</th>
              <th scope="col">{t.fields.recordedBy}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {file.consents.map((c) => (
              <tr key={c.id}>
                <th scope="row">{purposeLabel(c.purpose)}</th>
                <td>{formatDate(c.givenOn)}</td>
                <td>{c.scope}</td>
                <td>{c.recordedBy.name}</td>
                <td>
                  {c.withdrawnOn ? (
                    t.consentWithdrawn(formatDate(c.withdrawnOn), c.withdrawalReason ?? '')
                  ) : withdrawing === c.id ? (
                    <WithdrawForm
                      personId={file.id}
                      consent={c}
                      onCancel={() => setWithdrawing(null)}
                      onDone={(n) => {
                        setWithdrawing(null);
                        setNotice(t.withdrawn(n));
                        onChange();
                      }}
                    />
                  ) : (
                    <>
                      {t.consentActive}{' '}
                      {file.canWrite && (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t.withdrawNamed(purposeLabel(c.purpose))}
                          onClick={() => {
                            setNotice(null);
                            setWithdrawing(c.id);
                          }}
                        >
                          {t.withdraw}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {file.canWrite && <RecordForm key={file.consents.length} personId={file.id} onDone={onChange} />}
    </section>
  );
}
