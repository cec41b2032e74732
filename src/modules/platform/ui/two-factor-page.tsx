import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  parseTotpUri,
  totpCodeSchema,
  twoFactorPasswordSchema,
  twoFactorRequiredFor,
  type AuthSession,
  type TwoFactorEnabled,
} from '#src/modules/platform/api/two-factor.schema.ts';
import type { Me } from '#src/modules/platform/api/me.schema.ts';
import '#src/modules/platform/ui/two-factor.css';

const t = messages.twoFactor;

/** Lets password managers fill the current password of the right account. */
const UsernameHint = ({ email }: { email: string }) => (
  <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
);

function PasswordStep({
  email,
  title,
  help,
  action,
  onDone,
}: {
  email: string;
  title: string;
  help: string;
  action: 'enable' | 'disable';
  onDone: (result: unknown) => void;
}) {
  const form = useForm({
    initial: { password: '' },
    schema: twoFactorPasswordSchema,
    submit: async (values) =>
      onDone(await api(`/api/auth/two-factor/${action}`, { body: { password: values.password } })),
  });
  return (
    <section className="panel" aria-labelledby={`two-factor-${action}-title`}>
      <h2 id={`two-factor-${action}-title`}>{title}</h2>
      <p>{help}</p>
      <form onSubmit={form.onSubmit} noValidate className="form">
        <ErrorSummary form={form} labels={{ password: t.currentPassword }} />
        <UsernameHint email={email} />
        <TextField
          form={form}
          name="password"
          label={t.currentPassword}
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton submitting={form.submitting}>{action === 'enable' ? t.start : t.disable}</SubmitButton>
      </form>
    </section>
  );
}

function BackupCodes({ codes }: { codes: string[] }) {
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const copyCodes = () => {
    navigator.clipboard
      .writeText(codes.join('\n'))
      .then(() => setCopy('done'))
      .catch(() => setCopy('failed'));
  };
  return (
    <>
      <ol className="backup-codes" aria-label={t.backupCodesLabel}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" className="button" onClick={copyCodes}>
        {t.copyCodes}
      </button>
      <p role="status" className="two-factor-copy-status">
        {copy === 'done' ? t.copied : copy === 'failed' ? t.copyFailed : ''}
      </p>
    </>
  );
}

/** The new secret and backup codes, then the first code from the app, which switches the factor on. */
function ConfirmStep({
  setup,
  onDone,
  onRestart,
}: {
  setup: TwoFactorEnabled;
  onDone: () => void;
  onRestart: () => void;
}) {
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => top.current?.focus(), [setup]);
  const { groupedSecret, account, issuer } = parseTotpUri(setup.totpURI);
  const form = useForm({
    initial: { code: '' },
    schema: totpCodeSchema,
    submit: async (values) => {
      await api('/api/auth/two-factor/verify-totp', { body: { code: values.code.replace(/\s/g, '') } });
      onDone();
    },
  });
  return (
    <div className="two-factor-step" tabIndex={-1} ref={top}>
      <section className="panel" aria-labelledby="two-factor-step1">
        <h2 id="two-factor-step1">{t.step1Title}</h2>
        <p>{t.secretHelp}</p>
        <dl className="facts">
          <dt>{t.secretLabel}</dt>
          <dd>
            <code className="totp-secret">{groupedSecret}</code>
          </dd>
          <dt>{t.accountLabel}</dt>
          <dd>
            {issuer} ({account})
          </dd>
          <dt>{t.kindLabel}</dt>
          <dd>{t.kind}</dd>
        </dl>
        <p>
          <a href={setup.totpURI}>{t.openInApp}</a>
        </p>
      </section>
      <section className="panel" aria-labelledby="two-factor-step2">
        <h2 id="two-factor-step2">{t.step2Title}</h2>
        <p>{t.backupHelp}</p>
        <BackupCodes codes={setup.backupCodes} />
      </section>
      <section className="panel" aria-labelledby="two-factor-step3">
        <h2 id="two-factor-step3">{t.step3Title}</h2>
        <p>{t.confirmHelp}</p>
        <form onSubmit={form.onSubmit} noValidate className="form">
          <ErrorSummary form={form} labels={{ code: messages.auth.totpCode }} />
          <TextField
            form={form}
            name="code"
            label={messages.auth.totpCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
          />
          <SubmitButton submitting={form.submitting}>{t.confirm}</SubmitButton>
        </form>
        <p>
          <button type="button" className="button button--link" onClick={onRestart}>
            {t.restart}
          </button>
        </p>
      </section>
    </div>
  );
}

/**
 * Turning TOTP on or off for one's own account. Administrators without it are sent here by the
 * shell and hold no permission until they finish; enabling replaces the session, so the page
 * reloads it to get the permissions back.
 */
export function TwoFactorPage({ me, onSessionChanged }: { me: Me; onSessionChanged: () => void }) {
  const { state: current } = useApi<AuthSession>('/api/auth/get-session');
  const [changed, setChanged] = useState<boolean | null>(null);
  const [setup, setSetup] = useState<TwoFactorEnabled | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const requiredByRole = twoFactorRequiredFor(me.memberships.map((m) => m.role));

  const enabled =
    changed ??
    (me.twoFactorSetupRequired
      ? false
      : current.status === 'ready'
        ? Boolean(current.data?.user.twoFactorEnabled)
        : null);

  const finish = (nowEnabled: boolean) => {
    setSetup(null);
    setChanged(nowEnabled);
    setNotice(nowEnabled ? t.enabled : t.disabled);
    onSessionChanged();
  };

  let body;
  if (enabled === null) {
    body =
      current.status === 'error' ? (
        <Alert kind="error">{current.error.message}</Alert>
      ) : (
        <p role="status">{messages.app.loading}</p>
      );
  } else if (enabled) {
    body = (
      <>
        {!notice && <p>{t.statusOn}</p>}
        {requiredByRole ? (
          <p>{t.requiredByRole}</p>
        ) : (
          <PasswordStep
            email={me.user.email}
            title={t.disableTitle}
            help={t.disableHelp}
            action="disable"
            onDone={() => finish(false)}
          />
        )}
      </>
    );
  } else if (setup) {
    body = <ConfirmStep setup={setup} onDone={() => finish(true)} onRestart={() => setSetup(null)} />;
  } else {
    body = (
      <>
        {!notice && <p>{t.statusOff}</p>}
        <PasswordStep
          email={me.user.email}
          title={t.startTitle}
          help={t.startHelp}
          action="enable"
          onDone={(result) => {
            setNotice(null);
            setSetup(result as TwoFactorEnabled);
          }}
        />
      </>
    );
  }

  return (
    <Page title={t.title} lead={t.lead}>
      {me.twoFactorSetupRequired && <Alert kind="info">{messages.auth.totpRequiredForAdmins}</Alert>}
      {notice && (
        <Alert kind="success">
          {notice}
          {changed && (
            <>
              {' '}
              <Link to="/">{t.goHome}</Link>
            </>
          )}
        </Alert>
      )}
      {body}
    </Page>
  );
}
