import { useRef, type ReactNode } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  isRepeat,
  type AnswerValue,
  type Answers,
  type FormDefinition,
  type Question,
  type Repeat,
} from '#src/modules/forms/api/form.schema.ts';
import { AttachmentField } from '#src/modules/forms/ui/attachment-field.tsx';
import { AttachmentIoContext, type AttachmentIo } from '#src/modules/forms/ui/attachment-io.ts';

const t = messages.forms.ui;

export type RepeatDraft = Record<string, AnswerValue>[];
export type Draft = Record<string, AnswerValue | RepeatDraft>;

/** The DOM id of a question's control, from its path (`name` or `repeat.index.name`). */
export const fieldId = (path: string) => `q-${path.replace(/\./g, '-')}`;

type RendererProps = {
  definition: FormDefinition;
  draft: Draft;
  /** The new draft, and the path of the answer that changed (its checks are shown from then on). */
  onChange: (draft: Draft, path: string) => void;
  /** What the engine computed from the draft: shown paths and recomputed values. */
  visible: Set<string>;
  computed: Answers;
  errors: Map<string, string>;
  /** Stores photos, documents and signatures (the API, or the offline queue); without it they cannot be answered. */
  attachments?: AttachmentIo;
};

/** Sections and questions of a version, hiding what is not relevant as the person answers. */
export function FormRenderer({ definition, draft, onChange, visible, computed, errors, attachments }: RendererProps) {
  const set = (name: string, value: AnswerValue | RepeatDraft, path = name) =>
    onChange({ ...draft, [name]: value }, path);
  return (
    <AttachmentIoContext value={attachments ?? null}>
      {definition.sections
        .filter((s) => visible.has(s.name))
        .map((section) => (
          <section key={section.name} aria-labelledby={fieldId(section.name)} className="forms-section">
            <h2 id={fieldId(section.name)}>{section.title}</h2>
            {section.help && <p className="field__hint">{section.help}</p>}
            {section.items.map((item) =>
              isRepeat(item) ? (
                visible.has(item.name) && (
                  <RepeatGroup
                    key={item.name}
                    repeat={item}
                    instances={(draft[item.name] as RepeatDraft | undefined) ?? []}
                    onChange={(instances, path) => set(item.name, instances, path)}
                    visible={visible}
                    computed={(computed[item.name] as RepeatDraft | undefined) ?? []}
                    errors={errors}
                  />
                )
              ) : (
                <QuestionField
                  key={item.name}
                  question={item}
                  path={item.name}
                  shown={visible.has(item.name)}
                  value={
                    ((item.type === 'calculate' ? computed[item.name] : draft[item.name]) as AnswerValue | undefined) ??
                    null
                  }
                  onChange={(value) => set(item.name, value)}
                  error={errors.get(item.name)}
                />
              ),
            )}
          </section>
        ))}
    </AttachmentIoContext>
  );
}

function RepeatGroup({
  repeat,
  instances,
  onChange,
  visible,
  computed,
  errors,
}: {
  repeat: Repeat;
  instances: RepeatDraft;
  onChange: (instances: RepeatDraft, path: string) => void;
  visible: Set<string>;
  computed: RepeatDraft;
  errors: Map<string, string>;
}) {
  const addButton = useRef<HTMLButtonElement>(null);
  const remove = (index: number) => {
    onChange(
      instances.filter((_, i) => i !== index),
      repeat.name,
    );
    // The removed instance took the focused button with it: keyboard users continue from the add button.
    addButton.current?.focus();
  };
  const add = () => {
    onChange([...instances, {}], repeat.name);
    // Focus the new instance's first control once it is painted, so keyboard users continue there.
    requestAnimationFrame(() =>
      document.getElementById(fieldId(`${repeat.name}.${instances.length}.${repeat.questions[0]!.name}`))?.focus(),
    );
  };
  return (
    <fieldset className="forms-repeat">
      <legend>{repeat.label}</legend>
      {repeat.help && <p className="field__hint">{repeat.help}</p>}
      {instances.length === 0 && <p>{t.noInstance}</p>}
      {instances.map((instance, index) => (
        <fieldset key={index} className="forms-repeat__instance">
          <legend>{t.instanceTitle(repeat.itemLabel, index + 1)}</legend>
          {repeat.questions.map((q) => {
            const path = `${repeat.name}.${index}.${q.name}`;
            return (
              <QuestionField
                key={q.name}
                question={q}
                path={path}
                shown={visible.has(path)}
                value={(q.type === 'calculate' ? computed[index]?.[q.name] : instance[q.name]) ?? null}
                onChange={(value) =>
                  onChange(
                    instances.map((x, i) => (i === index ? { ...x, [q.name]: value } : x)),
                    path,
                  )
                }
                error={errors.get(path)}
              />
            );
          })}
          <button type="button" className="button" onClick={() => remove(index)}>
            {t.removeInstance(repeat.itemLabel, index + 1)}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={add} ref={addButton}>
        {t.addInstance(repeat.itemLabel)}
      </button>
    </fieldset>
  );
}

const asText = (value: AnswerValue) => (value === null || Array.isArray(value) ? '' : String(value));

/** One question: its control, label, help and error, wired for assistive technologies. */
function QuestionField({
  question: q,
  path,
  shown,
  value,
  onChange,
  error,
}: {
  question: Question;
  path: string;
  shown: boolean;
  value: AnswerValue;
  onChange: (value: AnswerValue) => void;
  error: string | undefined;
}) {
  if (!shown) return null;
  const id = fieldId(path);
  const notes = [
    q.help ? { id: `${id}-hint`, text: q.help } : null,
    q.unit && q.type !== 'calculate' ? { id: `${id}-unit`, text: t.unit(q.unit) } : null,
    q.type === 'scale' && q.scale ? { id: `${id}-scale`, text: t.scaleHint(q.scale.min, q.scale.max) } : null,
  ].filter((n) => n !== null);
  const describedBy = [...notes.map((n) => n.id), error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const label = (
    <>
      {q.label}
      {q.required && <span className="field__required"> ({messages.app.required})</span>}
    </>
  );
  const extra: ReactNode = (
    <>
      {notes.map((n) => (
        <p key={n.id} className="field__hint" id={n.id}>
          {n.text}
        </p>
      ))}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
  const control = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const className = error ? 'field field--error' : 'field';

  if (q.type === 'photo' || q.type === 'file' || q.type === 'signature') {
    return (
      <AttachmentField
        question={q}
        id={id}
        label={label}
        extra={extra}
        describedBy={describedBy}
        invalid={Boolean(error)}
        value={typeof value === 'string' ? value : null}
        onChange={onChange}
      />
    );
  }

  if (q.type === 'calculate') {
    return (
      <div className={className}>
        <p className="forms-computed__label" id={`${id}-label`}>
          {q.label}
        </p>
        <output id={id} aria-labelledby={`${id}-label`} className="forms-computed">
          {value === null ? t.notComputed : `${asText(value)}${q.unit ? ` ${q.unit}` : ''}`}
        </output>
        <p className="field__hint">{t.computed}</p>
      </div>
    );
  }

  const choices =
    q.type === 'yes_no'
      ? [
          { value: 'yes', label: t.yes },
          { value: 'no', label: t.no },
        ]
      : q.type === 'scale' && q.scale
        ? Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, i) => ({
            value: String(q.scale!.min + i),
            label: String(q.scale!.min + i),
          }))
        : (q.choices ?? []);

  if (q.type === 'single_choice' || q.type === 'yes_no' || q.type === 'scale' || q.type === 'multiple_choice') {
    const multiple = q.type === 'multiple_choice';
    const selected = new Set(Array.isArray(value) ? value : value === null ? [] : [String(value)]);
    const toggle = (choice: string, on: boolean) => {
      if (!multiple) return onChange(choice);
      const next = choices.map((c) => c.value).filter((c) => (c === choice ? on : selected.has(c)));
      onChange(next);
    };
    return (
      <fieldset
        className={`${className} forms-choices${q.type === 'scale' ? ' forms-choices--inline' : ''}`}
        id={id}

        tabIndex={-1}
        aria-describedby={describedBy}
      >
        <legend>{label}</legend>
        {extra}
        {choices.map((c) => (
          <div className="checkbox" key={c.value}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={`${id}-${c.value}`}
              name={id}
              checked={selected.has(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
            />
            <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }

  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {extra}
      {q.type === 'long_text' ? (
        <textarea {...control} rows={4} value={asText(value)} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...control}
          type={q.type === 'date' ? 'date' : 'text'}
          inputMode={q.type === 'number' ? 'decimal' : undefined}
          value={asText(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
