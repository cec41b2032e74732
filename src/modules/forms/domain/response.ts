import { messages } from '#src/shared/i18n/fr.ts';
import {
  isRepeat,
  type CompiledDefinition,
  type DefinitionIssue,
  type Question,
} from '#src/modules/forms/domain/definition.ts';
import { asBoolean, evaluate, isEmpty, type Value } from '#src/modules/forms/domain/expression.ts';

/**
 * Checks a response against the version it was filled with, the same way in the browser (live) and
 * on the server (authoritative): what is irrelevant is dropped, calculations are recomputed, and
 * every problem becomes a French message keyed by the question's path (`name`, or
 * `repeat.index.name` inside a repeat group).
 */

const t = messages.forms.validation;

export type AnswerValue = string | number | string[] | null;
export type RepeatInstance = Record<string, AnswerValue>;
export type Answers = Record<string, AnswerValue | RepeatInstance[]>;

export type ResponseCheck = {
  /** The answers to store: relevant, well-typed, with calculations recomputed. */
  answers: Answers;
  issues: DefinitionIssue[];
  /** Paths of the questions, groups and sections shown to the person filling the form. */
  visible: Set<string>;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const attachmentId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer in its stored shape, or an error message when it has the wrong type. */
function coerce(q: Question, raw: unknown): { value: AnswerValue } | { error: string } {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
    return { value: null };
  }
  const allowed = new Set((q.choices ?? []).map((c) => c.value));
  switch (q.type) {
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string') return { error: t.notText };
      const max = q.type === 'text' ? 300 : 5000;
      if (raw.length > max) return { error: t.tooLong(max) };
      return { value: raw };
    }
    case 'number':
    case 'scale': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace(',', '.').trim()) : NaN;
      if (!Number.isFinite(n)) return { error: t.notNumber };
      if (q.type === 'scale' && q.scale) {
        if (!Number.isInteger(n) || n < q.scale.min || n > q.scale.max) {
          return { error: t.outOfScale(q.scale.min, q.scale.max) };
        }
      }
      return { value: n };
    }
    case 'date':
      if (typeof raw !== 'string' || !isoDate.test(raw) || Number.isNaN(Date.parse(raw))) return { error: t.notDate };
      return { value: raw };
    case 'yes_no':
      return raw === 'yes' || raw === 'no' ? { value: raw } : { error: t.notChoice };
    case 'single_choice':
      return typeof raw === 'string' && allowed.has(raw) ? { value: raw } : { error: t.notChoice };
    case 'multiple_choice':
      if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string' && allowed.has(v))) {
        return { error: t.notChoice };
      }
      return { value: [...new Set(raw as string[])] };
    case 'calculate':
      return { value: null };
    case 'photo':
    case 'file':
    case 'signature':
      return typeof raw === 'string' && attachmentId.test(raw) ? { value: raw } : { error: t.notAttachment };
  }
}

const calculated = (v: Value): AnswerValue => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
};

export function checkResponse(
  compiled: CompiledDefinition,
  raw: Record<string, unknown>,
  options: { today: string; submitting: boolean },
): ResponseCheck {
  const { definition, expressions } = compiled;
  const answers: Answers = {};
  const issues: DefinitionIssue[] = [];
  const visible = new Set<string>();
  const top: Record<string, AnswerValue> = {};

  const test = (key: string, lookup: (name: string) => Value, current: Value = null) => {
    const ast = expressions.get(key);
    return ast ? asBoolean(evaluate(ast, { valueOf: lookup, current, today: options.today })) : true;
  };
  const topLookup = (name: string): Value => top[name] ?? null;

  /** One question in a scope (the whole form, or one repeat instance); returns its stored value. */
  const answer = (
    q: Question,
    path: string,
    input: Record<string, unknown>,
    lookup: (name: string) => Value,
  ): AnswerValue => {
    if (!test(`${q.name}.relevant`, lookup)) return null;
    visible.add(path);
    if (q.type === 'calculate') {
      const ast = expressions.get(`${q.name}.calculation`);
      return ast ? calculated(evaluate(ast, { valueOf: lookup, current: null, today: options.today })) : null;
    }
    const coerced = coerce(q, input[q.name]);
    if ('error' in coerced) {
      issues.push({ path, message: coerced.error });
      return null;
    }
    if (isEmpty(coerced.value)) {
      if (q.required && options.submitting) issues.push({ path, message: t.required });
      return null;
    }
    if (!test(`${q.name}.constraint`, lookup, coerced.value)) {
      issues.push({ path, message: q.constraintMessage ?? t.constraintFailed });
    }
    return coerced.value;
  };

  for (const section of definition.sections) {
    if (!test(`${section.name}.relevant`, topLookup)) continue;
    visible.add(section.name);
    for (const item of section.items) {
      if (!isRepeat(item)) {
        const value = answer(item, item.name, raw, topLookup);
        if (value !== null) answers[item.name] = top[item.name] = value;
        continue;
      }
      if (!test(`${item.name}.relevant`, topLookup)) continue;
      visible.add(item.name);
      const instances = Array.isArray(raw[item.name]) ? (raw[item.name] as unknown[]) : [];
      answers[item.name] = instances.map((entry, index) => {
        const input = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
        const local: RepeatInstance = {};
        const lookup = (name: string): Value => (name in local ? local[name]! : (top[name] ?? null));
        for (const q of item.questions) {
          const value = answer(q, `${item.name}.${index}.${q.name}`, input, lookup);
          if (value !== null) local[q.name] = value;
        }
        return local;
      });
    }
  }
  return { answers, issues, visible };
}
