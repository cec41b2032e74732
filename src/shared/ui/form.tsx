import { useCallback, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { ApiError } from '#src/shared/ui/api.ts';

type Values = Record<string, string>;

/**
 * A number as people type it ("22 000,50"), null when empty; a word stays a word, so the server's check names
 * the field instead of the form guessing a value.
 */
export const typedNumber = (text: string): number | string | null => {
  if (text.trim() === '') return null;
  const parsed = Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
  return Number.isNaN(parsed) ? text : parsed;
};

/**
 * A commune picker on the official list. The app hands it to modules as a prop, since a module may
 * not import another module's UI (the picker belongs to the platform module).
 */
export type CommuneFieldComponent = <T extends Values>(props: {
  form: FormState<T>;
  name: keyof T & string;
  label: string;
  initialLabel?: string | null;
}) => ReactNode;

export type FormState<T extends Values> = {
  values: T;
  setValue: (name: keyof T & string, value: string) => void;
  fieldErrors: Partial<Record<keyof T & string, string>>;
  formError: string | null;
  submitting: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  summaryRef: React.RefObject<HTMLDivElement | null>;
  idFor: (name: string) => string;
};

/** The first message for each top-level field, in the order the issues came. */
function toFieldErrors(issues: FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? issue.path;
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * One form behaviour for the whole app: validate with the action's zod schema, send, show the
 * server's per-field issues next to each field, focus the error summary, and never clear what
 * the user typed on failure.
 */
export function useForm<T extends Values>(options: {
  initial: T;
  schema?: z.ZodType;
  submit: (values: T) => Promise<void>;
}): FormState<T> {
  const [values, setValues] = useState<T>(options.initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof T & string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const prefix = useId();

  const setValue = useCallback((name: keyof T & string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
  }, []);

  const fail = (message: string, issues: FieldIssue[]) => {
    setFieldErrors(toFieldErrors(issues) as Partial<Record<keyof T & string, string>>);
    setFormError(message);
    // After React paints the summary, move focus to it so screen readers announce the errors.
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (options.schema) {
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
        fail(messages.app.formHasErrors(issues.length), issues);
        return;
      }
    }
    setSubmitting(true);
    options
      .submit(values)
      .then(() => {
        setFieldErrors({});
        setFormError(null);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError) fail(error.message, error.issues);
        else fail(messages.errors.internal, []);
      })
      .finally(() => setSubmitting(false));
  };

  return {
    values,
    setValue,
    fieldErrors,
    formError,
    submitting,
    onSubmit,
    summaryRef,
    idFor: (name) => `${prefix}-${name}`,
  };
}

export function ErrorSummary<T extends Values>({
  form,
  labels,
}: {
  form: FormState<T>;
  labels: Partial<Record<keyof T, string>>;
}) {
  // Destructured so the React compiler rules do not treat the whole form object as a ref.
  const { fieldErrors, formError, summaryRef, idFor } = form;
  const entries = Object.entries(fieldErrors) as [string, string][];
  if (!formError) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <p className="error-summary__title">{formError}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => (
            <li key={name}>
              <a href={`#${idFor(name)}`}>
                {labels[name as keyof T] ?? name} : {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type FieldProps<T extends Values> = {
  form: FormState<T>;
  name: keyof T & string;
  label: string;
  hint?: string;
  required?: boolean;
};

export type ControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

/**
 * Label, hint and error around one control, wired for assistive technologies; for fields whose
 * value and error do not live in a `useForm` state (the form builder's draft).
 */
export function FieldLayout({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field__required"> ({messages.app.required})</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

/** The same, for a field of a `useForm` state. */
function FieldFrame<T extends Values>({
  form,
  name,
  children,
  ...rest
}: FieldProps<T> & { children: (control: ControlProps) => ReactNode }) {
  return (
    <FieldLayout id={form.idFor(name)} error={form.fieldErrors[name]} {...rest}>
      {children}
    </FieldLayout>
  );
}

export function TextField<T extends Values>(
  props: FieldProps<T> & {
    type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'date' | 'number';
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'email' | 'tel';
    maxLength?: number;
  },
) {
  const { form, name, required, type = 'text', autoComplete, inputMode, maxLength } = props;
  return (
    <FieldFrame {...props}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          value={form.values[name]}
          onChange={(e) => form.setValue(name, e.target.value)}
          required={required}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField<T extends Values>(props: FieldProps<T> & { options: { value: string; label: string }[] }) {
  const { form, name, required, options } = props;
  return (
    <FieldFrame {...props}>
      {(control) => (
        <select
          {...control}
          name={name}
          value={form.values[name]}
          onChange={(e) => form.setValue(name, e.target.value)}
          required={required}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function SubmitButton({
  submitting,
  children,
  busyLabel,
}: {
  submitting: boolean;
  children: ReactNode;
  busyLabel?: string;
}) {
  return (
    <button type="submit" className="button button--primary" aria-disabled={submitting || undefined}>
      {submitting ? (busyLabel ?? messages.app.loading) : children}
    </button>
  );
}

export function TextAreaField<T extends Values>(props: FieldProps<T> & { rows?: number; maxLength?: number }) {
  const { form, name, required, rows = 5, maxLength } = props;
  return (
    <FieldFrame {...props}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          rows={rows}
          value={form.values[name]}
          onChange={(e) => form.setValue(name, e.target.value)}
          required={required}
          maxLength={maxLength}
        />
      )}
    </FieldFrame>
  );
}

/** Several choices as checkboxes in a fieldset; the form value is the checked values joined by commas. */
export function CheckboxGroupField<T extends Values>({
  form,
  name,
  label,
  hint,
  options,
}: Omit<FieldProps<T>, 'required'> & { options: { value: string; label: string }[] }) {
  const id = form.idFor(name);
  const error = form.fieldErrors[name];
  const checked = new Set(form.values[name]!.split(',').filter(Boolean));
  const toggle = (value: string, on: boolean) => {
    if (on) checked.add(value);
    else checked.delete(value);
    form.setValue(name, [...checked].join(','));
  };
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field field--error' : 'field'} id={id} aria-describedby={describedBy} tabIndex={-1}>
      <legend>{label}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {options.map((o) => (
        <div className="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={`${id}-${o.value}`}
            checked={checked.has(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** One yes/no box; the form value is 'true' or ''. */
export function CheckboxField<T extends Values>(props: Omit<FieldProps<T>, 'required'>) {
  const { form, name, label, hint } = props;
  const id = form.idFor(name);
  const error = form.fieldErrors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error checkbox' : 'field checkbox'}>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={form.values[name] === 'true'}
        onChange={(e) => form.setValue(name, e.target.checked ? 'true' : '')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
