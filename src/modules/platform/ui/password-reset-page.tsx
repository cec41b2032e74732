import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { passwordResetSchema, type PasswordReset } from '#src/modules/platform/api/password-reset.schema.ts';
import { NewPasswordFields } from '#src/modules/platform/ui/new-password-fields.tsx';

const t = messages.auth;

function InvalidLink() {
  return (
    <Page title={t.resetInvalidTitle}>
      <Alert kind="error">{t.resetInvalid}</Alert>
      <p>
        <Link to="/mot-de-passe-oublie" className="button button--primary">
          {t.resetAskAgain}
        </Link>
      </p>
    </Page>
  );
}

function NewPasswordForm({ token, onDone, onInvalid }: { token: string; onDone: () => void; onInvalid: () => void }) {
  const form = useForm({
    initial: { password: '', passwordConfirm: '' },
    schema: passwordResetSchema,
    submit: async (values) => {
      const body: PasswordReset = { newPassword: values.password, token };
      try {
        await api('/api/auth/reset-password', { body });
      } catch (error) {
        // A token used, expired or replaced meanwhile: the form can no longer succeed.
        if (error instanceof ApiError && error.code === 'bad_request') return onInvalid();
        throw error;
      }
      onDone();
    },
  });
  return (
    <Page title={t.resetTitle}>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <ErrorSummary form={form} labels={{ password: t.newPassword, passwordConfirm: t.confirmPassword }} />
        <NewPasswordFields
          form={form}
          labels={{ password: t.newPassword, passwordHint: t.newPasswordHint, passwordConfirm: t.confirmPassword }}
        />
        <SubmitButton submitting={form.submitting} busyLabel={t.resetSaving}>
          {t.resetSave}
        </SubmitButton>
      </form>
    </Page>
  );
}

/**
 * Where the e-mailed link ends: better-auth checks the token at `/api/auth/reset-password/<token>`
 * and redirects here with `?token=…`, or with `?error=INVALID_TOKEN` when it is unknown or expired.
 */
export function PasswordResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [state, setState] = useState<'form' | 'invalid' | 'done'>(token && !params.get('error') ? 'form' : 'invalid');

  let content;
  if (state === 'done') {
    content = (
      <Page title={t.resetDoneTitle}>
        <Alert kind="success">{t.resetDone}</Alert>
        <p>
          <Link to="/connexion" className="button button--primary">
            {t.goToSignIn}
          </Link>
        </p>
      </Page>
    );
  } else if (state === 'invalid' || !token) {
    content = <InvalidLink />;
  } else {
    content = <NewPasswordForm token={token} onDone={() => setState('done')} onInvalid={() => setState('invalid')} />;
  }
  return (
    <main id="contenu" className="auth-page">
      <p className="auth-page__brand">{messages.app.name}</p>
      {content}
    </main>
  );
}
