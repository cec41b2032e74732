import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { backupCodeSchema } from '#src/modules/platform/api/two-factor.schema.ts';

const t = messages.twoFactor;

/**
 * The second step of sign-in with a backup code instead of the app's code, for someone without
 * their phone. Each code works once; the server refuses a used one in French.
 */
export function TwoFactorBackupCodeForm({ onDone }: { onDone: () => void | Promise<void> }) {
  const form = useForm({
    initial: { code: '' },
    schema: backupCodeSchema,
    submit: async (values) => {
      await api('/api/auth/two-factor/verify-backup-code', { body: { code: values.code.trim() } });
      await onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="form">
      <ErrorSummary form={form} labels={{ code: t.backupCode }} />
      <TextField
        form={form}
        name="code"
        label={t.backupCode}
        hint={t.backupCodeHint}
        autoComplete="off"
        maxLength={64}
        required
      />
      <SubmitButton submitting={form.submitting}>{messages.auth.totpVerify}</SubmitButton>
    </form>
  );
}
