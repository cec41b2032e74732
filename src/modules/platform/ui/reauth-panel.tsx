import { messages } from '#src/shared/i18n/fr.ts';
import { api } from '#src/shared/ui/api.ts';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { signInSchema } from '#src/modules/platform/api/sign-in.schema.ts';

/**
 * Shown over the current page when the session expires mid-task: signing in again here keeps the
 * page, and so every form, exactly as the user left it.
 */
export function ReauthPanel({ email, onDone }: { email: string; onDone: () => void }) {
  const form = useForm({
    initial: { email, password: '' },
    schema: signInSchema,
    submit: async (values) => {
      await api('/api/auth/sign-in/email', { body: values });
      onDone();
    },
  });
  return (
    <section className="reauth" role="alertdialog" aria-labelledby="reauth-title" aria-describedby="reauth-help">
      <h2 id="reauth-title">{messages.reauth.title}</h2>
      <p id="reauth-help">{messages.reauth.help}</p>
      <form onSubmit={form.onSubmit} noValidate className="form form--inline">
        <ErrorSummary form={form} labels={{ email: messages.auth.email, password: messages.auth.password }} />
        <TextField form={form} name="email" label={messages.auth.email} type="email" autoComplete="username" required />
        <TextField
          form={form}
          name="password"
          label={messages.auth.password}
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton submitting={form.submitting}>{messages.auth.signIn}</SubmitButton>
      </form>
    </section>
  );
}
