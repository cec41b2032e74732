import { createContext, useContext, type ReactNode } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { FieldLayout } from '#src/shared/ui/form.tsx';
import { questionTypes, type QuestionType } from '#src/modules/forms/api/form.schema.ts';
import {
  emptyChoice,
  emptyGroup,
  emptyQuestion,
  emptySection,
  isGroup,
  moved,
  questionFeatures,
  suggestName,
  type ChoiceDraft,
  type GroupDraft,
  type ItemDraft,
  type QuestionDraft,
  type SectionDraft,
} from '#src/modules/forms/ui/template-draft.ts';

const b = messages.forms.builder;

/** The DOM id of the control for an issue path such as `definition.sections.0.items.2.relevant`. */
export const domId = (path: string) => `fb-${path.replace(/\./g, '-')}`;

/** What every field of the editor shares: the messages to show, and the page's focus and announcements. */
export type EditorTools = {
  errors: Map<string, string>;
  /**
   * A field was edited: its checks show from then on, as the admin types. Not on leaving it: a
   * message appearing then moves the layout under the pointer and swallows the click that left it.
   */
  touch: (path: string) => void;
  /** Said by the polite live region after an add, remove or move. */
  announce: (message: string) => void;
  /** Focus the first of these element ids that exists once React has painted. */
  focusLater: (...ids: string[]) => void;
  /** The names used elsewhere in the draft, for suggesting a free one. */
  takenNames: (exceptUid: string) => Set<string>;
};

const Tools = createContext<EditorTools | null>(null);
const useTools = () => useContext(Tools)!;

type TextProps = {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  required?: boolean;
  multiline?: boolean;
  code?: boolean;
};

/** One text field of the editor: label, hint and the message of its path next to it. */
function DraftText({ path, label, value, onChange, hint, required, multiline, code }: TextProps) {
  const { errors, touch } = useTools();
  const id = domId(path);
  const error = errors.get(path);
  const edit = (next: string) => {
    touch(path);
    onChange(next);
  };
  return (
    <FieldLayout id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => {
        const props = {
          ...control,
          value,
          spellCheck: code ? false : undefined,
          className: code ? 'builder-code' : undefined,
        };
        return multiline ? (
          <textarea {...props} rows={2} onChange={(e) => edit(e.target.value)} />
        ) : (
          <input {...props} type="text" onChange={(e) => edit(e.target.value)} />
        );
      }}
    </FieldLayout>
  );
}

/** A message about a whole list (no sections, a section without questions…), focusable from the summary. */
function ListError({ path }: { path: string }) {
  const error = useTools().errors.get(path);
  return (
    <p id={domId(path)} tabIndex={-1} className={error ? 'field__error' : 'visually-hidden'}>
      {error}
    </p>
  );
}

type MoveProps = {
  uid: string;
  index: number;
  count: number;
  /** Who the buttons act on, for screen readers: « la question 1.2 ». */
  what: string;
  onMove: (offset: number) => void;
  onRemove: () => void;
};

/** The title of a section, group or question with its move and remove buttons. */
function ItemHead({ id, level, title, ...move }: MoveProps & { id: string; level: 2 | 3 | 4; title: string }) {
  const Heading = `h${level}` as const;
  return (
    <div className="builder-head">
      <Heading id={id} tabIndex={-1}>
        {title}
      </Heading>
      <MoveButtons {...move} />
    </div>
  );
}

/** Move up, move down and remove buttons; focus stays on the moved thing's button. */
function MoveButtons({ uid, index, count, what, onMove, onRemove }: MoveProps) {
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;
  return (
    <div className="builder-tools">
      {index > 0 && (
        <button type="button" className="button builder-small" id={`${uid}-up`} onClick={() => onMove(-1)}>
          {b.moveUp}
          {hidden(what)}
        </button>
      )}
      {index < count - 1 && (
        <button type="button" className="button builder-small" id={`${uid}-down`} onClick={() => onMove(1)}>
          {b.moveDown}
          {hidden(what)}
        </button>
      )}
      <button type="button" className="button builder-small builder-remove" onClick={onRemove}>
        {b.remove}
        {hidden(what)}
      </button>
    </div>
  );
}

/** Moves one element of a list and tells the user where it went, keeping focus on the button pressed. */
function useListActions<T extends { uid: string }>(
  list: T[],
  onChange: (list: T[]) => void,
  /** Where focus goes after a removal when no neighbour has a heading to land on. */
  words: { moved: (n: number) => string; removed: string; fallbackId: string },
) {
  const { announce, focusLater } = useTools();
  return {
    move: (index: number, offset: number) => {
      const uid = list[index]!.uid;
      onChange(moved(list, index, offset));
      announce(words.moved(index + offset + 1));
      const [first, second] = offset < 0 ? ['up', 'down'] : ['down', 'up'];
      focusLater(`${uid}-${first}`, `${uid}-${second}`, `${uid}-heading`);
    },
    remove: (index: number) => {
      onChange(list.filter((_, i) => i !== index));
      announce(words.removed);
      // Focus lands on the previous element's heading, else the next one's, else the fallback.
      const neighbours = [list[index - 1], list[index + 1]].filter((x) => x !== undefined);
      focusLater(...neighbours.map((x) => `${x.uid}-heading`), words.fallbackId);
    },
  };
}

/** The sections of the draft, each with its questions and repeat groups. */
export function SectionsEditor({
  sections,
  onChange,
  tools,
}: {
  sections: SectionDraft[];
  onChange: (sections: SectionDraft[]) => void;
  tools: EditorTools;
}) {
  return (
    <Tools value={tools}>
      <SectionList sections={sections} onChange={onChange} />
    </Tools>
  );
}

function SectionList({ sections, onChange }: { sections: SectionDraft[]; onChange: (s: SectionDraft[]) => void }) {
  const { announce, focusLater } = useTools();
  const actions = useListActions(sections, onChange, {
    moved: b.sectionMoved,
    removed: b.sectionRemoved,
    fallbackId: 'fb-add-section',
  });
  const add = () => {
    const section = emptySection();
    onChange([...sections, section]);
    announce(b.sectionAdded(sections.length + 1));
    focusLater(domId(`definition.sections.${sections.length}.title`));
  };
  return (
    <>
      {sections.map((section, index) => (
        <SectionEditor
          key={section.uid}
          section={section}
          index={index}
          count={sections.length}
          onChange={(next) => onChange(sections.map((s) => (s.uid === section.uid ? next : s)))}
          onMove={(offset) => actions.move(index, offset)}
          onRemove={() => {
            // A section holds many questions and nothing restores it but abandoning the whole draft.
            const count = section.items.length;
            if (count === 0 || window.confirm(b.confirmRemoveSection(index + 1, count))) actions.remove(index);
          }}
        />
      ))}
      <ListError path="definition.sections" />
      <button type="button" className="button" id="fb-add-section" onClick={add}>
        {b.addSection}
      </button>
    </>
  );
}

function SectionEditor({
  section,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  section: SectionDraft;
  index: number;
  count: number;
  onChange: (s: SectionDraft) => void;
  onMove: (offset: number) => void;
  onRemove: () => void;
}) {
  const { takenNames } = useTools();
  const path = `definition.sections.${index}`;
  const set = <K extends keyof SectionDraft>(key: K, value: SectionDraft[K]) => onChange({ ...section, [key]: value });
  const setTitle = (title: string) =>
    onChange({
      ...section,
      title,
      name: section.nameEdited ? section.name : suggestName(title, takenNames(section.uid), 'section'),
    });
  const headingId = `${section.uid}-heading`;
  return (
    <section className="builder-section" aria-labelledby={headingId} id={domId(path)} tabIndex={-1}>
      <ItemHead
        id={headingId}
        level={2}
        title={b.sectionHeading(index + 1, section.title)}
        uid={section.uid}
        index={index}
        count={count}
        what={b.theSection(index + 1)}
        onMove={onMove}
        onRemove={onRemove}
      />
      <DraftText path={`${path}.title`} label={b.sectionTitle} value={section.title} onChange={setTitle} required />
      <NameField
        path={path}
        value={section.name}
        onChange={(name) => onChange({ ...section, name, nameEdited: true })}
      />
      <DraftText path={`${path}.help`} label={b.help} value={section.help} onChange={(v) => set('help', v)} multiline />
      <ConditionField path={path} value={section.relevant} onChange={(v) => set('relevant', v)} />
      <ItemList sectionIndex={index} items={section.items} onChange={(items) => set('items', items)} />
    </section>
  );
}

/** The name `${…}` refers to, suggested from the label until the user edits it. */
function NameField({ path, value, onChange }: { path: string; value: string; onChange: (name: string) => void }) {
  return (
    <DraftText path={`${path}.name`} label={b.name} hint={b.nameHint} value={value} onChange={onChange} code required />
  );
}

/** When a section, group or question is shown. */
function ConditionField({ path, value, onChange }: { path: string; value: string; onChange: (v: string) => void }) {
  return (
    <DraftText
      path={`${path}.relevant`}
      label={b.relevant}
      hint={b.relevantHint}
      value={value}
      onChange={onChange}
      code
    />
  );
}

function ItemList({
  sectionIndex,
  items,
  onChange,
}: {
  sectionIndex: number;
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
}) {
  const { announce, focusLater } = useTools();
  const path = `definition.sections.${sectionIndex}.items`;
  const addId = `fb-add-item-${sectionIndex}`;
  const actions = useListActions(items, onChange, {
    moved: b.itemMoved,
    removed: b.itemRemoved,
    fallbackId: addId,
  });
  const add = (item: ItemDraft) => {
    onChange([...items, item]);
    announce(isGroup(item) ? b.groupAdded(items.length + 1) : b.itemAdded(items.length + 1));
    focusLater(domId(`${path}.${items.length}.label`));
  };
  return (
    <>
      {items.map((item, index) => {
        const number = `${sectionIndex + 1}.${index + 1}`;
        const common = {
          path: `${path}.${index}`,
          number,
          index,
          count: items.length,
          onMove: (offset: number) => actions.move(index, offset),
          onRemove: () => {
            const count = isGroup(item) ? item.questions.length : 0;
            if (count === 0 || window.confirm(b.confirmRemoveGroup(number, count))) {
              actions.remove(index);
            }
          },
        };
        const replace = (next: ItemDraft) => onChange(items.map((x) => (x.uid === item.uid ? next : x)));
        return isGroup(item) ? (
          <GroupEditor key={item.uid} group={item} onChange={replace} {...common} />
        ) : (
          <QuestionEditor key={item.uid} question={item} onChange={replace} headingLevel={3} {...common} />
        );
      })}
      <ListError path={path} />
      <div className="builder-add">
        <button type="button" className="button" id={addId} onClick={() => add(emptyQuestion())}>
          {b.addQuestion}
          <span className="visually-hidden"> {b.toTheSection(sectionIndex + 1)}</span>
        </button>
        <button type="button" className="button" onClick={() => add(emptyGroup())}>
          {b.addGroup}
          <span className="visually-hidden"> {b.toTheSection(sectionIndex + 1)}</span>
        </button>
      </div>
    </>
  );
}

type NodeProps = {
  path: string;
  number: string;
  index: number;
  count: number;
  onMove: (offset: number) => void;
  onRemove: () => void;
};

function GroupEditor({
  group,
  onChange,
  path,
  number,
  index,
  count,
  onMove,
  onRemove,
}: NodeProps & { group: GroupDraft; onChange: (g: GroupDraft) => void }) {
  const { takenNames, announce, focusLater } = useTools();
  const set = <K extends keyof GroupDraft>(key: K, value: GroupDraft[K]) => onChange({ ...group, [key]: value });
  const questions = group.questions;
  const addId = `${group.uid}-add`;
  const actions = useListActions(questions, (next) => set('questions', next), {
    moved: b.itemMoved,
    removed: b.itemRemoved,
    fallbackId: addId,
  });
  const add = () => {
    set('questions', [...questions, emptyQuestion()]);
    announce(b.itemAdded(questions.length + 1));
    focusLater(domId(`${path}.questions.${questions.length}.label`));
  };
  const headingId = `${group.uid}-heading`;
  return (
    <div className="builder-item builder-group" role="group" aria-labelledby={headingId} id={domId(path)} tabIndex={-1}>
      <ItemHead
        id={headingId}
        level={3}
        title={b.groupHeading(number, group.label)}
        uid={group.uid}
        index={index}
        count={count}
        what={b.theGroup(number)}
        onMove={onMove}
        onRemove={onRemove}
      />
      <DraftText
        path={`${path}.label`}
        label={b.groupLabel}
        hint={b.groupLabelHint}
        value={group.label}
        onChange={(label) =>
          onChange({
            ...group,
            label,
            name: group.nameEdited ? group.name : suggestName(label, takenNames(group.uid), 'groupe'),
          })
        }
        required
      />
      <DraftText
        path={`${path}.itemLabel`}
        label={b.itemLabel}
        hint={b.itemLabelHint}
        value={group.itemLabel}
        onChange={(v) => set('itemLabel', v)}
        required
      />
      <NameField path={path} value={group.name} onChange={(name) => onChange({ ...group, name, nameEdited: true })} />
      <DraftText path={`${path}.help`} label={b.help} value={group.help} onChange={(v) => set('help', v)} multiline />
      <ConditionField path={path} value={group.relevant} onChange={(v) => set('relevant', v)} />
      {questions.map((q, i) => {
        const replace = (next: QuestionDraft) =>
          set(
            'questions',
            questions.map((x) => (x.uid === q.uid ? next : x)),
          );
        return (
          <QuestionEditor
            key={q.uid}
            question={q}
            onChange={replace}
            headingLevel={4}
            path={`${path}.questions.${i}`}
            number={`${number}.${i + 1}`}
            index={i}
            count={questions.length}
            onMove={(offset) => actions.move(i, offset)}
            onRemove={() => actions.remove(i)}
          />
        );
      })}
      <ListError path={`${path}.questions`} />
      <button type="button" className="button" id={addId} onClick={add}>
        {b.addQuestion}
        <span className="visually-hidden"> {b.toTheGroup(number)}</span>
      </button>
    </div>
  );
}

function QuestionEditor({
  question: q,
  onChange,
  headingLevel,
  path,
  number,
  index,
  count,
  onMove,
  onRemove,
}: NodeProps & { question: QuestionDraft; onChange: (q: QuestionDraft) => void; headingLevel: 3 | 4 }) {
  const { takenNames, errors, touch } = useTools();
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) => onChange({ ...q, [key]: value });
  const features = questionFeatures(q.type);
  const setType = (type: QuestionType) =>
    onChange({
      ...q,
      type,
      // A choice question starts with one row to fill rather than an error.
      choices: questionFeatures(type).choices && q.choices.length === 0 ? [emptyChoice()] : q.choices,
    });
  const headingId = `${q.uid}-heading`;
  const typeId = domId(`${path}.type`);
  const scalePath = `${path}.scale`;
  const scaleError = errors.get(scalePath);
  return (
    <div className="builder-item" role="group" aria-labelledby={headingId} id={domId(path)} tabIndex={-1}>
      <ItemHead
        id={headingId}
        level={headingLevel}
        title={b.questionHeading(number, q.label)}
        uid={q.uid}
        index={index}
        count={count}
        what={b.theQuestion(number)}
        onMove={onMove}
        onRemove={onRemove}
      />
      <div className="field">
        <label htmlFor={typeId}>{b.type}</label>
        <select id={typeId} value={q.type} onChange={(e) => setType(e.target.value as QuestionType)}>
          {questionTypes.map((type) => (
            <option key={type} value={type}>
              {b.types[type]}
            </option>
          ))}
        </select>
      </div>
      <DraftText
        path={`${path}.label`}
        label={b.label}
        value={q.label}
        onChange={(label) =>
          onChange({
            ...q,
            label,
            name: q.nameEdited ? q.name : suggestName(label, takenNames(q.uid), 'question'),
          })
        }
        required
      />
      <NameField path={path} value={q.name} onChange={(name) => onChange({ ...q, name, nameEdited: true })} />
      <DraftText path={`${path}.help`} label={b.help} value={q.help} onChange={(v) => set('help', v)} multiline />
      {features.answered && (
        <div className="checkbox">
          <input
            type="checkbox"
            id={domId(`${path}.required`)}
            checked={q.required}
            onChange={(e) => set('required', e.target.checked)}
          />
          <label htmlFor={domId(`${path}.required`)}>{b.required}</label>
        </div>
      )}
      {features.unit && (
        <DraftText
          path={`${path}.unit`}
          label={b.unit}
          hint={b.unitHint}
          value={q.unit}
          onChange={(v) => set('unit', v)}
        />
      )}
      {features.scale && (
        <fieldset
          className={scaleError ? 'field field--error builder-scale' : 'field builder-scale'}
          id={domId(scalePath)}
          tabIndex={-1}
          aria-describedby={scaleError ? `${domId(scalePath)}-error` : undefined}
        >
          <legend>{b.scale}</legend>
          {scaleError && (
            <p className="field__error" id={`${domId(scalePath)}-error`}>
              {scaleError}
            </p>
          )}
          {(['scaleMin', 'scaleMax'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={domId(`${scalePath}.${key}`)}>{key === 'scaleMin' ? b.scaleMin : b.scaleMax}</label>
              <input
                id={domId(`${scalePath}.${key}`)}
                type="text"
                inputMode="numeric"
                value={q[key]}
                onChange={(e) => {
                  touch(scalePath);
                  set(key, e.target.value);
                }}
              />
            </div>
          ))}
        </fieldset>
      )}
      {features.choices && (
        <ChoicesEditor
          path={`${path}.choices`}
          number={number}
          choices={q.choices}
          onChange={(c) => set('choices', c)}
        />
      )}
      <ConditionField path={path} value={q.relevant} onChange={(v) => set('relevant', v)} />
      {features.calculation && (
        <DraftText
          path={`${path}.calculation`}
          label={b.calculation}
          hint={b.calculationHint}
          value={q.calculation}
          onChange={(v) => set('calculation', v)}
          code
          required
        />
      )}
      {features.answered && (
        <>
          <DraftText
            path={`${path}.constraint`}
            label={b.constraint}
            hint={b.constraintHint}
            value={q.constraint}
            onChange={(v) => set('constraint', v)}
            code
          />
          <DraftText
            path={`${path}.constraintMessage`}
            label={b.constraintMessage}
            value={q.constraintMessage}
            onChange={(v) => set('constraintMessage', v)}
          />
        </>
      )}
    </div>
  );
}

function ChoicesEditor({
  path,
  number,
  choices,
  onChange,
}: {
  path: string;
  number: string;
  choices: ChoiceDraft[];
  onChange: (choices: ChoiceDraft[]) => void;
}) {
  const { errors, announce, focusLater } = useTools();
  const addId = `${domId(path)}-add`;
  const actions = useListActions(choices, onChange, {
    moved: b.choiceMoved,
    removed: b.choiceRemoved,
    fallbackId: addId,
  });
  const error = errors.get(path);
  const setLabel = (choice: ChoiceDraft, label: string) => {
    const taken = new Set(choices.filter((c) => c.uid !== choice.uid).map((c) => c.value));
    const value = choice.valueEdited ? choice.value : suggestName(label, taken, 'choix');
    onChange(choices.map((c) => (c.uid === choice.uid ? { ...c, label, value } : c)));
  };
  const setValue = (choice: ChoiceDraft, value: string) =>
    onChange(choices.map((c) => (c.uid === choice.uid ? { ...c, value, valueEdited: true } : c)));
  const add = () => {
    onChange([...choices, emptyChoice()]);
    announce(b.choiceAdded(choices.length + 1));
    focusLater(domId(`${path}.${choices.length}.label`));
  };
  return (
    <fieldset
      className={error ? 'field field--error builder-choices' : 'field builder-choices'}
      id={domId(path)}
      tabIndex={-1}
      aria-describedby={error ? `${domId(path)}-error` : `${domId(path)}-hint`}
    >
      <legend>{b.choices}</legend>
      <p className="field__hint" id={`${domId(path)}-hint`}>
        {b.choicesHint}
      </p>
      {error && (
        <p className="field__error" id={`${domId(path)}-error`}>
          {error}
        </p>
      )}
      <ol className="builder-choice-list">
        {choices.map((choice, i) => (
          <li key={choice.uid} className="builder-choice">
            <DraftText
              path={`${path}.${i}.label`}
              label={b.choiceLabel(i + 1)}
              value={choice.label}
              onChange={(label) => setLabel(choice, label)}
            />
            <DraftText
              path={`${path}.${i}.value`}
              label={b.choiceValue(i + 1)}
              value={choice.value}
              onChange={(value) => setValue(choice, value)}
              code
            />
            <MoveButtons
              uid={choice.uid}
              index={i}
              count={choices.length}
              what={b.theChoice(i + 1, number)}
              onMove={(offset) => actions.move(i, offset)}
              onRemove={() => actions.remove(i)}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="button builder-small" id={addId} onClick={add}>
        {b.addChoice}
        <span className="visually-hidden"> {b.toTheQuestion(number)}</span>
      </button>
    </fieldset>
  );
}
