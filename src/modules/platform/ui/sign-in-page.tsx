import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Page } from '#src/shared/ui/page.tsx';
import { signInSchema, totpSchema, type SignInResult } from '#src/modules/platform/api/sign-in.schema.ts';
import { TwoFactorBackupCodeForm } from '#src/modules/platform/ui/two-factor-backup-code-form.tsx';

const t = messages.auth;

/** Only same-site paths are followed after sign-in, never an absolute URL from the query string. */
export const safeReturnPath = (value: string | null) =>
  value && value.startsWith('/') && !value.startsWith('//') ? value : '/';

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [step, setStep] = useState<'password' | 'totp' | 'backup'>('password');
  const done = () => navigate(safeReturnPath(params.get('retour')), { replace: true });

  const credentials = useForm({
    initial: { email: '', password: '' },
    schema: signInSchema,
    submit: async (values) => {
      const result = await api<SignInResult>('/api/auth/sign-in/email', { body: values });
      if (result.twoFactorRedirect) setStep('totp');
      else await done();
    },
  });
  const totp = useForm({
    initial: { code: '' },
    schema: totpSchema,
    submit: async (values) => {
      await api('/api/auth/two-factor/verify-totp', { body: values });
      await done();
    },
  });

  return (
    <main id="contenu" className="auth-page">
      <p className="auth-page__brand">{messages.app.name}</p>
      {step === 'password' ? (
        <Page title={t.signInTitle} lead={messages.app.tagline}>
          <form onSubmit={credentials.onSubmit} noValidate className="form">
            <ErrorSummary form={credentials} labels={{ email: t.email, password: t.password }} />
            <TextField form={credentials} name="email" label={t.email} type="email" autoComplete="username" required />
            <TextField
              form={credentials}
              name="password"
              label={t.password}
              type="password"
              autoComplete="current-password"
              required
            />
            <SubmitButton submitting={credentials.submitting} busyLabel={t.signingIn}>
              {t.signIn}
            </SubmitButton>
          </form>
          <p>
            <Link to="/mot-de-passe-oublie">{t.forgotPassword}</Link>
          </p>
        </Page>
      ) : (
        <Page title={t.totpTitle}>
          {step === 'totp' ? (
            <form onSubmit={totp.onSubmit} noValidate className="form">
              <ErrorSummary form={totp} labels={{ code: t.totpCode }} />
              <TextField
                form={totp}
                name="code"
                label={t.totpCode}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
              />
              <SubmitButton submitting={totp.submitting}>{t.totpVerify}</SubmitButton>
            </form>
          ) : (
            <TwoFactorBackupCodeForm onDone={done} />
          )}
          <p>
            <button
              type="button"
              className="button button--link"
              onClick={() => setStep(step === 'totp' ? 'backup' : 'totp')}
            >
              {step === 'totp' ? messages.twoFactor.useBackupCode : messages.twoFactor.useApp}
            </button>
          </p>
          <p>
            <button type="button" className="button button--link" onClick={() => setStep('password')}>
              {t.backToSignIn}
            </button>
          </p>
        </Page>
      )}
    </main>
  );
}
