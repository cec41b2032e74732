import { TextField, type FormState } from '#src/shared/ui/form.tsx';

type PasswordValues = { password: string; passwordConfirm: string } & Record<string, string>;

/** A new password typed twice, as account creation and password reset both ask for it. */
export function NewPasswordFields<T extends PasswordValues>({
  form,
  labels,
}: {
  form: FormState<T>;
  labels: { password: string; passwordHint: string; passwordConfirm: string };
}) {
  return (
    <>
      <TextField
        form={form}
        name="password"
        label={labels.password}
        hint={labels.passwordHint}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField
        form={form}
        name="passwordConfirm"
        label={labels.passwordConfirm}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
