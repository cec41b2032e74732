import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { NewPasswordFields } from '#src/modules/platform/ui/new-password-fields.tsx';
import { Alert, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  newAccountSchema,
  type InvitationAccepted,
  type InvitationPublic,
} from '#src/modules/platform/api/invitation.schema.ts';

const t = messages.invitations;

function NewAccountForm({
  token,
  invitation,
  onDone,
}: {
  token: string;
  invitation: InvitationPublic;
  onDone: (r: InvitationAccepted) => void;
}) {
  const form = useForm({
    initial: { name: invitation.name, password: '', passwordConfirm: '' },
    schema: newAccountSchema,
    submit: async (values) =>
      onDone(await api<InvitationAccepted>(`/api/invitations/${encodeURIComponent(token)}/accept`, { body: values })),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{ name: t.name, password: t.password, passwordConfirm: t.passwordConfirm }} />
      {/* Lets password managers file the new password under the right address. */}
      <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
      <TextField form={form} name="name" label={t.name} autoComplete="name" maxLength={200} required />
      <NewPasswordFields
        form={form}
        labels={{ password: t.password, passwordHint: t.passwordHint, passwordConfirm: t.passwordConfirm }}
      />
      <SubmitButton submitting={form.submitting} busyLabel={t.creating}>
        {t.createAccount}
      </SubmitButton>
    </form>
  );
}

function ExistingAccountForm({ token, onDone }: { token: string; onDone: (r: InvitationAccepted) => void }) {
  const form = useForm({
    initial: {},
    submit: async () =>
      onDone(await api<InvitationAccepted>(`/api/invitations/${encodeURIComponent(token)}/accept`, { body: {} })),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{}} />
      <Alert kind="info">{t.existingAccount}</Alert>
      <SubmitButton submitting={form.submitting}>{t.acceptExisting}</SubmitButton>
    </form>
  );
}

/** The page an invitation e-mail links to, outside the signed-in shell: create the account, then sign in. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { state: result } = useApi<InvitationPublic>(`/api/invitations/${encodeURIComponent(token)}`);
  const [accepted, setAccepted] = useState<InvitationAccepted | null>(null);

  let content;
  if (accepted) {
    content = (
      <Page title={t.doneTitle}>
        <Alert kind="success">{accepted.existingAccount ? t.membershipAdded : t.accountCreated}</Alert>
        <p>
          <Link to="/connexion" className="button button--primary">
            {t.goToSignIn}
          </Link>
        </p>
      </Page>
    );
  } else if (result.status === 'loading') {
    content = <p role="status">{messages.app.loading}</p>;
  } else if (result.status === 'error') {
    content = (
      <Page title={result.error.status === 404 ? t.invalidTitle : messages.errors.unexpected}>
        <Alert kind="error">{result.error.message}</Alert>
        <p>
          <Link to="/connexion">{messages.auth.backToSignIn}</Link>
        </p>
      </Page>
    );
  } else {
    const invitation = result.data;
    content = (
      <Page
        title={t.acceptTitle}
        lead={t.acceptLead(invitation.organizationName, messages.roles[invitation.role] ?? invitation.role)}
      >
        <p>
          {t.yourEmail} <strong>{invitation.email}</strong>
        </p>
        <p>{t.validUntil(formatDateTime(invitation.expiresAt))}</p>
        {invitation.existingAccount ? (
          <ExistingAccountForm token={token} onDone={setAccepted} />
        ) : (
          <NewAccountForm token={token} invitation={invitation} onDone={setAccepted} />
        )}
      </Page>
    );
  }
  return (
    <main id="contenu" className="auth-page">
      <p className="auth-page__brand">{messages.app.name}</p>
      {content}
    </main>
  );
}
