import { useRef, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
  useForm,
  type CommuneFieldComponent,
  type FormState,
} from '#src/shared/ui/form.tsx';
import { Alert, formatDate } from '#src/shared/ui/page.tsx';
import type { PersonFile } from '#src/modules/people/api/person.schema.ts';
import {
  displayValue,
  isSensitive,
  toApiValue,
  toFormValue,
  type FieldDef,
  type SectionDef,
} from '#src/modules/people/ui/person-fields.ts';

const t = messages.people.ui;

type Values = Record<string, string>;

export type SectionContext = {
  CommuneField: CommuneFieldComponent;
  landlords: { id: string; name: string }[];
};

export function SensitiveTag() {
  return <span className="person-sensitive">{t.sensitive}</span>;
}

function FactList({ file, fields }: { file: PersonFile; fields: FieldDef[] }) {
  return (
    <dl className="facts">
      {fields.map((f) => (
        <div key={f.name} className="person-fact">
          <dt>
            {t.fields[f.name]} {isSensitive(f.name) && <SensitiveTag />}
          </dt>
          <dd>
            {displayValue(file, f, formatDate) ?? <span className="person-missing">{t.notProvided}</span>}
            {f.name === 'birthDate' && file.age !== null && ` (${t.today(file.age)})`}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Field({
  form,
  field,
  context,
  file,
}: {
  form: FormState<Values>;
  field: FieldDef;
  context: SectionContext;
  file: PersonFile;
}) {
  const label = isSensitive(field.name) ? `${t.fields[field.name]} (${t.sensitive})` : t.fields[field.name]!;
  const props = { form, name: field.name, label };
  switch (field.kind) {
    case 'choice':
      return (
        <SelectField
          {...props}
          options={[
            { value: '', label: t.notProvided },
            ...(field.values ?? []).map((v) => ({ value: v, label: field.labels?.[v] ?? v })),
          ]}
        />
      );
    case 'yesNo':
      return (
        <SelectField {...props} options={Object.entries(t.yesNoUnknown).map(([value, l]) => ({ value, label: l }))} />
      );
    case 'landlord':
      return (
        <SelectField
          {...props}
          options={[
            { value: '', label: t.notProvided },
            ...context.landlords.map((l) => ({ value: l.id, label: l.name })),
          ]}
        />
      );
    case 'commune':
      return (
        <context.CommuneField
          form={form}
          name={field.name}
          label={label}
          initialLabel={displayValue(file, field, formatDate)}
        />
      );
    case 'number':
      return <TextField {...props} type="text" inputMode="numeric" />;
    default:
      return (
        <TextField
          {...props}
          type={field.kind}
          required={field.name === 'firstName' || field.name === 'lastName'}
          maxLength={field.name === 'healthNote' ? 2000 : 300}
        />
      );
  }
}

/** The form of one section, mounted when editing starts so it opens with the values stored then. */
function SectionForm({
  file,
  section,
  context,
  onSaved,
  onConflict,
  onCancel,
}: {
  file: PersonFile;
  section: SectionDef;
  context: SectionContext;
  onSaved: (file: PersonFile) => void;
  onConflict: (current: PersonFile) => void;
  onCancel: () => void;
}) {
  const form = useForm<Values>({
    initial: Object.fromEntries(section.fields.map((f) => [f.name, toFormValue(file, f)])),
    submit: async (values) => {
      // The version of the file as last received, which after a conflict is the newer one.
      const body: Record<string, unknown> = { section: section.name, version: file.version };
      for (const f of section.fields) body[f.name] = toApiValue(f, values[f.name] ?? '');
      try {
        onSaved(await api<PersonFile>(`/api/people/${file.id}`, { method: 'PATCH', body }));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'conflict' && error.details.current)
          onConflict(error.details.current as PersonFile);
        throw error;
      }
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <ErrorSummary form={form} labels={t.fields} />
      {section.fields.map((f) => (
        <Field key={f.name} form={form} field={f} context={context} file={file} />
      ))}
      <div className="person-actions">
        <SubmitButton submitting={form.submitting}>{messages.app.save}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/**
 * One field section of the file: read view, and an in-place form that sends the version read.
 * When someone else saved in between, the newer values are shown and what the user typed stays.
 */
export function PersonSection({
  file,
  section,
  context,
  onChange,
}: {
  file: PersonFile;
  section: SectionDef;
  context: SectionContext;
  onChange: (file: PersonFile) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [newer, setNewer] = useState<PersonFile | null>(null);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const title = t.sections[section.name]!;
  const headingId = `section-${section.name}`;
  const close = () => {
    setEditing(false);
    setNewer(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const hidden = section.name === 'situation' && !file.sensitiveIncluded;
  return (
    <section aria-labelledby={headingId} className="panel person-section">
      <div className="person-section__head">
        <h2 id={headingId}>
          {title} {section.name === 'situation' && <SensitiveTag />}
        </h2>
        {file.canWrite && !hidden && !editing && (
          <button
            ref={editButton}
            type="button"
            className="button button--secondary"
            aria-label={t.editSection(title)}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t.edit}
          </button>
        )}
      </div>
      {saved && <Alert kind="success">{t.saved}</Alert>}
      {hidden ? (
        <p>{t.sensitiveHidden}</p>
      ) : editing ? (
        <>
          {newer && (
            <div className="person-newer">
              <h3>{t.newerValues}</h3>
              <FactList file={newer} fields={section.fields} />
            </div>
          )}
          <SectionForm
            file={file}
            section={section}
            context={context}
            onSaved={(updated) => {
              onChange(updated);
              setSaved(true);
              close();
            }}
            onConflict={(current) => {
              setNewer(current);
              onChange(current);
            }}
            onCancel={close}
          />
        </>
      ) : (
        <FactList file={file} fields={section.fields} />
      )}
    </section>
  );
}
