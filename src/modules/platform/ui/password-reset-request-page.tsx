import { useState } from 'react';
import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import {
  PASSWORD_RESET_PATH,
  passwordResetRequestSchema,
  type PasswordResetRequest,
} from '#src/modules/platform/api/password-reset.schema.ts';

const t = messages.auth;

/**
 * "Mot de passe oublié" (outside the signed-in shell). The answer is the same whether or not an
 * account exists, so the page never reveals which addresses have one.
 */
export function PasswordResetRequestPage() {
  const [sent, setSent] = useState(false);
  const form = useForm({
    initial: { email: '' },
    schema: passwordResetRequestSchema,
    submit: async (values) => {
      const body: PasswordResetRequest = { email: values.email.trim(), redirectTo: PASSWORD_RESET_PATH };
      await api('/api/auth/request-password-reset', { body });
      setSent(true);
    },
  });

  return (
    <main id="contenu" className="auth-page">
      <p className="auth-page__brand">{messages.app.name}</p>
      <Page title={t.forgotTitle} lead={sent ? undefined : t.resetHelp}>
        {sent ? (
          <Alert kind="success">{t.resetSent}</Alert>
        ) : (
          <form onSubmit={form.onSubmit} noValidate className="form">
            <ErrorSummary form={form} labels={{ email: t.email }} />
            <TextField form={form} name="email" label={t.email} type="email" autoComplete="username" required />
            <SubmitButton submitting={form.submitting}>{t.resetSend}</SubmitButton>
          </form>
        )}
        <p>
          <Link to="/connexion">{t.backToSignIn}</Link>
        </p>
      </Page>
    </main>
  );
}
