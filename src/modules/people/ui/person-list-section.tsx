import { useId, useRef, useState, type FormEvent } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { Alert, formatDate } from '#src/shared/ui/page.tsx';
import { householdRelations, professionalKinds, type PersonFile } from '#src/modules/people/api/person.schema.ts';

const t = messages.people.ui;

type ItemField = {
  name: string;
  kind: 'text' | 'tel' | 'email' | 'date' | 'choice' | 'checkbox';
  required?: boolean;
  values?: readonly string[];
  labels?: Record<string, string>;
};
type ListDef = { name: 'householdMembers' | 'caregivers' | 'professionals'; itemWord: string; fields: ItemField[] };
type Item = Record<string, string | boolean>;

export const listSections: ListDef[] = [
  {
    name: 'householdMembers',
    itemWord: t.householdItem,
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'relation', kind: 'choice', values: householdRelations, labels: messages.people.householdRelations },
      { name: 'birthDate', kind: 'date' },
    ],
  },
  {
    name: 'caregivers',
    itemWord: t.caregiverItem,
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'relation', kind: 'text' },
      { name: 'phone', kind: 'tel' },
      { name: 'email', kind: 'email' },
      { name: 'isMain', kind: 'checkbox' },
    ],
  },
  {
    name: 'professionals',
    itemWord: t.professionalItem,
    fields: [
      { name: 'kind', kind: 'choice', values: professionalKinds, labels: messages.people.professionalKinds },
      { name: 'name', kind: 'text', required: true },
      { name: 'organization', kind: 'text' },
      { name: 'phone', kind: 'tel' },
    ],
  },
];

const itemsOf = (file: PersonFile, def: ListDef): Item[] =>
  (file[def.name] as unknown as Record<string, string | boolean | null>[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? ''])),
  );

const emptyItem = (def: ListDef): Item =>
  Object.fromEntries(def.fields.map((f) => [f.name, f.kind === 'checkbox' ? false : (f.values?.[0] ?? '')]));

function describe(def: ListDef, item: Item): string {
  return def.fields
    .filter((f) => f.name !== 'name' && item[f.name] !== '' && item[f.name] !== false)
    .map((f) => {
      const value = item[f.name]!;
      if (f.kind === 'checkbox') return t.mainCaregiver;
      if (f.kind === 'choice') return f.labels?.[value as string] ?? String(value);
      if (f.kind === 'date') return formatDate(value as string);
      return String(value);
    })
    .join(' · ');
}

/** The form of one list, mounted when editing starts; the server's errors are shown next to each field. */
function ListForm({
  file,
  def,
  onSaved,
  onConflict,
  onCancel,
}: {
  file: PersonFile;
  def: ListDef;
  onSaved: (file: PersonFile) => void;
  onConflict: (file: PersonFile) => void;
  onCancel: () => void;
}) {
  const prefix = useId();
  const [items, setItems] = useState<Item[]>(() => itemsOf(file, def));
  const [errors, setErrors] = useState<{ message: string; byPath: Record<string, string> } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const idOf = (index: number, field: string) => `${prefix}-${index}-${field}`;
  const update = (index: number, field: string, value: string | boolean) =>
    setItems((all) => all.map((item, i) => (i === index ? { ...item, [field]: value } : item)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    const body = {
      section: def.name,
      version: file.version,
      items: items.map((item) =>
        Object.fromEntries(
          Object.entries(item)
            .filter(([k, v]) => !(k === 'id' && v === ''))
            .map(([k, v]) => [k, v === '' ? null : v]),
        ),
      ),
    };
    api<PersonFile>(`/api/people/${file.id}`, { method: 'PATCH', body })
      .then(onSaved)
      .catch((error: unknown) => {
        const apiError = error instanceof ApiError ? error : null;
        if (apiError?.code === 'conflict' && apiError.details.current)
          onConflict(apiError.details.current as PersonFile);
        setErrors({
          message: apiError?.message ?? messages.errors.internal,
          byPath: Object.fromEntries((apiError?.issues ?? []).map((i) => [i.path, i.message])),
        });
        requestAnimationFrame(() => summary.current?.focus());
      })
      .finally(() => setSubmitting(false));
  };

  return (
    <form onSubmit={submit} noValidate>
      {errors && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p className="error-summary__title">{errors.message}</p>
          {errors.byPath.items && <p>{errors.byPath.items}</p>}
        </div>
      )}
      {items.map((item, index) => (
        <fieldset key={index} className="person-item">
          <legend>{t.itemLegend(def.itemWord, index + 1)}</legend>
          {def.fields.map((f) => {
            const id = idOf(index, f.name);
            const error = errors?.byPath[`items.${index}.${f.name}`];
            const common = {
              id,
              'aria-invalid': error ? (true as const) : undefined,
              'aria-describedby': error ? `${id}-error` : undefined,
            };
            return (
              <div
                key={f.name}
                className={`field${f.kind === 'checkbox' ? ' field--checkbox' : ''}${error ? ' field--error' : ''}`}
              >
                {f.kind === 'checkbox' ? (
                  <>
                    <input
                      {...common}
                      type="checkbox"
                      checked={item[f.name] === true}
                      onChange={(e) => update(index, f.name, e.target.checked)}
                    />
                    <label htmlFor={id}>{t.fields[f.name]}</label>
                  </>
                ) : (
                  <>
                    <label htmlFor={id}>
                      {t.fields[f.name]}
                      {f.required && <span className="field__required"> ({messages.app.required})</span>}
                    </label>
                    {error && (
                      <p className="field__error" id={`${id}-error`}>
                        {error}
                      </p>
                    )}
                    {f.kind === 'choice' ? (
                      <select
                        {...common}
                        value={item[f.name] as string}
                        onChange={(e) => update(index, f.name, e.target.value)}
                      >
                        {(f.values ?? []).map((v) => (
                          <option key={v} value={v}>
                            {f.labels?.[v] ?? v}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        {...common}
                        type={f.kind}
                        value={item[f.name] as string}
                        required={f.required}
                        onChange={(e) => update(index, f.name, e.target.value)}
                      />
                    )}
                  </>
                )}
              </div>
            );
          })}
          <button
            type="button"
            className="button button--link"
            onClick={() => setItems((all) => all.filter((_, i) => i !== index))}
          >
            {t.removeItem(`${def.itemWord} n° ${index + 1}`)}
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setItems((all) => [...all, emptyItem(def)])}
        >
          {t.addItem(def.itemWord)}
        </button>
      </p>
      <div className="person-actions">
        <button type="submit" className="button button--primary" aria-disabled={submitting || undefined}>
          {submitting ? messages.app.loading : messages.app.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/** Household members, caregivers or professionals: a list edited as a whole, with the version read. */
export function PersonListSection({
  file,
  def,
  onChange,
}: {
  file: PersonFile;
  def: ListDef;
  onChange: (file: PersonFile) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const title = t.sections[def.name]!;
  const headingId = `section-${def.name}`;
  const items = itemsOf(file, def);
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <section aria-labelledby={headingId} className="panel person-section">
      <div className="person-section__head">
        <h2 id={headingId}>{title}</h2>
        {file.canWrite && !editing && (
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
      {editing ? (
        <ListForm
          file={file}
          def={def}
          onSaved={(updated) => {
            onChange(updated);
            setSaved(true);
            close();
          }}
          onConflict={onChange}
          onCancel={close}
        />
      ) : items.length === 0 ? (
        <p>{t.listEmpty}</p>
      ) : (
        <ul className="person-items">
          {items.map((item) => (
            <li key={item.id as string}>
              <strong>{item.name as string}</strong> {describe(def, item) && `— ${describe(def, item)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
