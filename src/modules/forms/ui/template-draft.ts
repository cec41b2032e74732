import {
  compileDefinition,
  isRepeat,
  templateCreateSchema,
  versionCreateSchema,
  type FormDefinition,
  type Question,
  type QuestionType,
  type Repeat,
} from '#src/modules/forms/api/form.schema.ts';
import { messages } from '#src/shared/i18n/fr.ts';

const b = messages.forms.builder;

/**
 * What the template builder edits: a definition with every text field as typed (empty strings
 * included) and a stable id per node, so React keeps each editor across moves and nothing the admin
 * typed is lost when a question's type changes. `toDefinition` turns it into what the API accepts.
 */

export type ChoiceDraft = { uid: string; value: string; valueEdited: boolean; label: string };

export type QuestionDraft = {
  uid: string;
  type: QuestionType;
  name: string;
  /** Once the admin edits a name (or it was published), it no longer follows the label. */
  nameEdited: boolean;
  label: string;
  help: string;
  required: boolean;
  unit: string;
  choices: ChoiceDraft[];
  scaleMin: string;
  scaleMax: string;
  relevant: string;
  constraint: string;
  constraintMessage: string;
  calculation: string;
};

export type GroupDraft = {
  uid: string;
  type: 'repeat';
  name: string;
  nameEdited: boolean;
  label: string;
  itemLabel: string;
  help: string;
  relevant: string;
  questions: QuestionDraft[];
};

export type ItemDraft = QuestionDraft | GroupDraft;

export type SectionDraft = {
  uid: string;
  name: string;
  nameEdited: boolean;
  title: string;
  help: string;
  relevant: string;
  items: ItemDraft[];
};

export type TemplateDraft = {
  key: string;
  keyEdited: boolean;
  title: string;
  kind: string;
  sections: SectionDraft[];
};

export const isGroup = (item: ItemDraft): item is GroupDraft => item.type === 'repeat';

export const newUid = () => crypto.randomUUID();

/** Lowercase ASCII words joined by `_`: what XLSForm names and template keys accept. */
export function slug(text: string, max = 40): string {
  return text
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, max)
    .replace(/_+$/, '');
}

/** A name suggested from a label: a slug that starts with a letter and is not taken yet. */
export function suggestName(label: string, taken: Set<string>, fallback: string): string {
  let base = slug(label) || fallback;
  if (/^[0-9]/.test(base)) base = `${fallback}_${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** Every section, group and question name of the draft, except the node being renamed. */
export function namesOf(sections: SectionDraft[], except: string): Set<string> {
  const names = new Set<string>();
  const add = (node: { uid: string; name: string }) => {
    if (node.uid !== except && node.name) names.add(node.name);
  };
  for (const section of sections) {
    add(section);
    for (const item of section.items) {
      add(item);
      if (isGroup(item)) item.questions.forEach(add);
    }
  }
  return names;
}

export const emptyQuestion = (): QuestionDraft => ({
  uid: newUid(),
  type: 'text',
  name: '',
  nameEdited: false,
  label: '',
  help: '',
  required: false,
  unit: '',
  choices: [],
  scaleMin: '1',
  scaleMax: '5',
  relevant: '',
  constraint: '',
  constraintMessage: '',
  calculation: '',
});

export const emptyChoice = (): ChoiceDraft => ({ uid: newUid(), value: '', valueEdited: false, label: '' });

export const emptyGroup = (): GroupDraft => ({
  uid: newUid(),
  type: 'repeat',
  name: '',
  nameEdited: false,
  label: '',
  itemLabel: '',
  help: '',
  relevant: '',
  questions: [emptyQuestion()],
});

export const emptySection = (): SectionDraft => ({
  uid: newUid(),
  name: '',
  nameEdited: false,
  title: '',
  help: '',
  relevant: '',
  items: [emptyQuestion()],
});

const questionDraft = (q: Question): QuestionDraft => ({
  ...emptyQuestion(),
  type: q.type,
  name: q.name,
  nameEdited: true,
  label: q.label,
  help: q.help ?? '',
  required: q.required,
  unit: q.unit ?? '',
  choices: (q.choices ?? []).map((c) => ({ uid: newUid(), value: c.value, valueEdited: true, label: c.label })),
  scaleMin: q.scale ? String(q.scale.min) : '1',
  scaleMax: q.scale ? String(q.scale.max) : '5',
  relevant: q.relevant ?? '',
  constraint: q.constraint ?? '',
  constraintMessage: q.constraintMessage ?? '',
  calculation: q.calculation ?? '',
});

const groupDraft = (r: Repeat): GroupDraft => ({
  uid: newUid(),
  type: 'repeat',
  name: r.name,
  nameEdited: true,
  label: r.label,
  itemLabel: r.itemLabel,
  help: r.help ?? '',
  relevant: r.relevant ?? '',
  questions: r.questions.map(questionDraft),
});

/** A published definition as a draft to start the next version from; its names stay as published. */
export function fromDefinition(definition: FormDefinition): SectionDraft[] {
  return definition.sections.map((s) => ({
    uid: newUid(),
    name: s.name,
    nameEdited: true,
    title: s.title,
    help: s.help ?? '',
    relevant: s.relevant ?? '',
    items: s.items.map((item) => (isRepeat(item) ? groupDraft(item) : questionDraft(item))),
  }));
}

/** Empty optional texts are left out, as the API wants them absent rather than blank. */
const optional = (text: string) => (text.trim() === '' ? undefined : text);

/** An integer typed in a field, or undefined when it is blank or not one (the checks then name the field). */
const integer = (text: string) => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : undefined);

const hasChoices = (type: QuestionType) => type === 'single_choice' || type === 'multiple_choice';
export const questionFeatures = (type: QuestionType) => ({
  unit: type === 'number' || type === 'calculate',
  choices: hasChoices(type),
  scale: type === 'scale',
  calculation: type === 'calculate',
  // A computed value is never typed: it cannot be required nor break a rule.
  answered: type !== 'calculate',
});

function toQuestion(q: QuestionDraft) {
  const features = questionFeatures(q.type);
  const min = integer(q.scaleMin);
  const max = integer(q.scaleMax);
  return {
    type: q.type,
    name: q.name,
    label: q.label,
    help: optional(q.help),
    required: features.answered && q.required,
    relevant: optional(q.relevant),
    constraint: features.answered ? optional(q.constraint) : undefined,
    constraintMessage: features.answered ? optional(q.constraintMessage) : undefined,
    calculation: features.calculation ? optional(q.calculation) : undefined,
    unit: features.unit ? optional(q.unit) : undefined,
    choices: features.choices ? q.choices.map((c) => ({ value: c.value, label: c.label })) : undefined,
    scale: features.scale && min !== undefined && max !== undefined ? { min, max } : undefined,
  };
}

/** The definition as the API receives it (not yet checked: see `checkDraft`). */
export function toDefinition(sections: SectionDraft[]): FormDefinition {
  return {
    sections: sections.map((s) => ({
      name: s.name,
      title: s.title,
      help: optional(s.help),
      relevant: optional(s.relevant),
      items: s.items.map((item) =>
        isGroup(item)
          ? {
              type: 'repeat' as const,
              name: item.name,
              label: item.label,
              itemLabel: item.itemLabel,
              help: optional(item.help),
              relevant: optional(item.relevant),
              questions: item.questions.map(toQuestion),
            }
          : toQuestion(item),
      ),
    })),
  };
}

/** What a publish request sends: key, title and kind only when the template is new. */
export const publishBody = (draft: TemplateDraft, isNew: boolean) => {
  const definition = toDefinition(draft.sections);
  return isNew ? { key: draft.key, title: draft.title, kind: draft.kind, definition } : { definition };
};

/** The schema's generic "too small" for an empty section or group, said in the builder's words. */
const emptyListMessage = (path: string) =>
  path.endsWith('.items') ? b.sectionNeedsItem : path.endsWith('.questions') ? b.groupNeedsQuestion : undefined;

/**
 * Every problem the server would report on publishing, keyed by the same paths
 * (`definition.sections.0.items.2.relevant`): the request schema's, then the compiler's. The
 * compiler runs even when the schema complains, so a broken reference shows while a label is empty.
 */
export function checkDraft(draft: TemplateDraft, isNew: boolean): Map<string, string> {
  const body = publishBody(draft, isNew);
  const issues = new Map<string, string>();
  const parsed = (isNew ? templateCreateSchema : versionCreateSchema).safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!issues.has(path)) issues.set(path, emptyListMessage(path) ?? issue.message);
    }
  }
  for (const issue of compileDefinition(body.definition).issues) {
    const path = `definition.${issue.path}`;
    if (!issues.has(path)) issues.set(path, issue.message);
  }
  return issues;
}

/** The list with one element moved by `offset` places (the caller keeps it within bounds). */
export function moved<T>(list: T[], index: number, offset: number): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + offset, 0, item!);
  return next;
}

const fieldWords: Record<string, string> = b.fields;

/** Where an issue path points, in words for the error summary: « Question 1.3 — Condition d’affichage ». */
export function describePath(path: string, draft: TemplateDraft): string {
  let rest = path.split('.');
  if (rest[0] !== 'definition') return fieldWords[path] ?? path;
  rest = rest.slice(1);
  const where: string[] = [];
  if (rest[0] === 'sections' && rest[1] !== undefined) {
    const s = Number(rest[1]);
    where.push(b.sectionNumber(s + 1));
    rest = rest.slice(2);
    if (rest[0] === 'items' && rest[1] !== undefined) {
      const i = Number(rest[1]);
      let number = `${s + 1}.${i + 1}`;
      let group = draft.sections[s]?.items[i]?.type === 'repeat';
      rest = rest.slice(2);
      if (rest[0] === 'questions' && rest[1] !== undefined) {
        number += `.${Number(rest[1]) + 1}`;
        group = false;
        rest = rest.slice(2);
      }
      where[0] = group ? b.groupNumber(number) : b.questionNumber(number);
    }
  }
  if (rest[0] === 'choices' && rest[1] !== undefined) {
    where.push(b.choiceNumber(Number(rest[1]) + 1));
    rest = rest.slice(2);
  }
  if (rest.length > 0) where.push(fieldWords[rest[0]!] ?? rest.join('.'));
  return where.join(' — ');
}
