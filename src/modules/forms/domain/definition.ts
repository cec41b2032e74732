import { z } from 'zod';
import { messages } from '#src/shared/i18n/fr.ts';
import { ExpressionError, parseExpression, referencesOf, type Ast } from '#src/modules/forms/domain/expression.ts';

/**
 * A form template version: sections of questions and room-by-room repeat groups. Names follow the
 * XLSForm rules (they are what `${name}` refers to); expressions are checked when a version is
 * published, so a response is only ever validated against a definition that compiles.
 */

const t = messages.forms.definition;

export const questionTypes = [
  'text',
  'long_text',
  'number',
  'date',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'scale',
  'calculate',
  // The answer is the id of a stored attachment (a picture, a document, a consent signature drawn on screen).
  'photo',
  'file',
  'signature',
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const templateKinds = ['interview', 'home_visit', 'other'] as const;

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, t.badName);
const label = z.string().trim().min(1, t.labelRequired).max(300);
const optionalText = z.string().trim().max(1000).optional();
const expression = z.string().trim().min(1).max(2000).optional();

const choice = z.object({ value: z.string().regex(/^[A-Za-z0-9_-]+$/, t.badChoiceValue), label });

export const questionSchema = z.object({
  type: z.enum(questionTypes),
  name,
  label,
  help: optionalText,
  required: z.boolean().default(false),
  relevant: expression,
  constraint: expression,
  constraintMessage: optionalText,
  calculation: expression,
  unit: z.string().trim().max(30).optional(),
  choices: z.array(choice).optional(),
  scale: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const repeatSchema = z.object({
  type: z.literal('repeat'),
  name,
  label,
  help: optionalText,
  relevant: expression,
  itemLabel: label,
  questions: z.array(questionSchema).min(1),
});
export type Repeat = z.infer<typeof repeatSchema>;

export const itemSchema = z.discriminatedUnion('type', [repeatSchema, questionSchema]);
export type Item = Question | Repeat;

export const sectionSchema = z.object({
  name,
  title: label,
  help: optionalText,
  relevant: expression,
  items: z.array(itemSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

// "At least one section" is checked by compileDefinition, so a route can look its template up first (404 before 400).
export const definitionSchema = z.object({ sections: z.array(sectionSchema) });
export type FormDefinition = z.infer<typeof definitionSchema>;

export const isRepeat = (item: Item): item is Repeat => item.type === 'repeat';

export type DefinitionIssue = { path: string; message: string };

/** A definition's expressions parsed once, keyed by `<name>.<property>`. */
export type CompiledDefinition = { definition: FormDefinition; expressions: Map<string, Ast> };

type Scope = { names: Set<string>; repeatOf: Map<string, string> };

/**
 * Checks what zod cannot: unique names, choices and scales where needed, and that every expression
 * parses and only refers to questions asked before it (a constraint may also refer to its own
 * question). A question inside a repeat group is only visible to the same group.
 */
export function compileDefinition(definition: FormDefinition): {
  compiled: CompiledDefinition;
  issues: DefinitionIssue[];
} {
  const issues: DefinitionIssue[] = [];
  const expressions = new Map<string, Ast>();
  const scope: Scope = { names: new Set(), repeatOf: new Map() };
  const seen = new Set<string>();
  const allNames = new Set(
    definition.sections.flatMap((s) =>
      s.items.flatMap((item) => [item.name, ...(isRepeat(item) ? item.questions.map((q) => q.name) : [])]),
    ),
  );

  const declare = (path: string, itemName: string) => {
    if (seen.has(itemName)) issues.push({ path: `${path}.name`, message: t.duplicateName(itemName) });
    seen.add(itemName);
  };

  const check = (path: string, key: string, source: string | undefined, repeat: string | null, self: string | null) => {
    if (!source) return;
    let ast: Ast;
    try {
      ast = parseExpression(source);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      issues.push({ path, message: error.message });
      return;
    }
    for (const ref of referencesOf(ast)) {
      if (ref === self) continue;
      if (!scope.names.has(ref)) {
        issues.push({ path, message: allNames.has(ref) ? t.laterReference(ref) : t.unknownReference(ref) });
      } else {
        const refRepeat = scope.repeatOf.get(ref);
        if (refRepeat && refRepeat !== repeat) issues.push({ path, message: t.repeatReference(ref) });
      }
    }
    expressions.set(key, ast);
  };

  const checkQuestion = (q: Question, path: string, repeat: string | null) => {
    declare(path, q.name);
    check(`${path}.relevant`, `${q.name}.relevant`, q.relevant, repeat, null);
    if (q.type === 'calculate') {
      if (!q.calculation) issues.push({ path: `${path}.calculation`, message: t.calculationRequired });
      check(`${path}.calculation`, `${q.name}.calculation`, q.calculation, repeat, null);
    }
    if ((q.type === 'single_choice' || q.type === 'multiple_choice') && !q.choices?.length) {
      issues.push({ path: `${path}.choices`, message: t.choicesRequired });
    }
    if (q.type === 'scale' && (!q.scale || q.scale.min >= q.scale.max)) {
      issues.push({ path: `${path}.scale`, message: t.scaleRequired });
    }
    check(`${path}.constraint`, `${q.name}.constraint`, q.constraint, repeat, q.name);
    scope.names.add(q.name);
    if (repeat) scope.repeatOf.set(q.name, repeat);
  };

  if (definition.sections.length === 0) issues.push({ path: 'sections', message: t.sectionRequired });
  definition.sections.forEach((section, s) => {
    const sectionPath = `sections.${s}`;
    declare(sectionPath, section.name);
    check(`${sectionPath}.relevant`, `${section.name}.relevant`, section.relevant, null, null);
    section.items.forEach((item, i) => {
      const path = `${sectionPath}.items.${i}`;
      if (isRepeat(item)) {
        declare(path, item.name);
        check(`${path}.relevant`, `${item.name}.relevant`, item.relevant, null, null);
        item.questions.forEach((q, j) => checkQuestion(q, `${path}.questions.${j}`, item.name));
      } else {
        checkQuestion(item, path, null);
      }
    });
  });
  return { compiled: { definition, expressions }, issues };
}
