import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';

export const confidences = ['official', 'official_derived', 'secondary', 'uncertain'] as const;
export type Confidence = (typeof confidences)[number];

/** A parameter's value: a number, a table by household size (list) or named parts (map), or null when unknown. */
export type ParameterValue = number | readonly number[] | { readonly [key: string]: ParameterValue } | null;

export type DatedValue = {
  from: string;
  to: string | null;
  value: ParameterValue;
  confidence: Confidence;
  /** `not_retrieved`: the figure exists but is not known here, so nothing is computed from it. */
  status: 'not_retrieved' | null;
  note: string | null;
  sources: string[];
  /** Where the value was written, for messages. */
  file: string;
  line: number;
};

export type Parameter = { id: string; label: string; unit: string | null; values: DatedValue[] };
export type Source = { id: string; title: string; url: string; kind: string };
export type ParameterSet = { parameters: Map<string, Parameter>; sources: Map<string, Source> };

/** A rules data file that cannot be used; the message names the file and the line. */
export class RulesDataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line} — ${message}`);
    this.name = 'RulesDataError';
  }
}

const isoDate = z.iso.date();
const valueSchema: z.ZodType<ParameterValue> = z.lazy(() =>
  z.union([z.number(), z.array(z.number()), z.record(z.string(), valueSchema), z.null()]),
);
const datedValueSchema = z.object({
  from: isoDate,
  to: isoDate.optional(),
  value: valueSchema,
  confidence: z.enum(confidences),
  status: z.literal('not_retrieved').optional(),
  note: z.string().optional(),
  sources: z.array(z.string()).default([]),
});
const fileSchema = z.object({
  sources: z.record(z.string(), z.object({ title: z.string(), url: z.url(), kind: z.string() })),
  parameters: z.record(
    z.string(),
    z.object({ label: z.string(), unit: z.string().optional(), values: z.array(z.unknown()).min(1) }),
  ),
});

/** An ISO date moved by whole days: a value's end is the day before the next value starts. */
const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayBefore = (date: string) => shiftDays(date, -1);
const dayAfter = (date: string) => shiftDays(date, 1);

/** Two values of one parameter in force on the same day; `value` is the one being added. */
export class ValueOverlapError extends RulesDataError {
  constructor(
    readonly parameterId: string,
    readonly value: DatedValue,
    readonly other: DatedValue,
  ) {
    super(
      value.file,
      value.line,
      `${parameterId} : la valeur du ${value.from} chevauche celle du ${other.from} (${other.file}:${other.line}).`,
    );
    this.name = 'ValueOverlapError';
  }
}

/**
 * Adds dated values to those a parameter already has, in date order. Two values may not overlap nor start the
 * same day; a value without an end stops the day before the next one starts.
 */
function mergeValues(id: string, existing: readonly DatedValue[], added: readonly DatedValue[]): DatedValue[] {
  const merged = [...existing, ...added].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < merged.length; i++) {
    const [previous, next] = [merged[i - 1]!, merged[i]!];
    if (previous.from === next.from || (previous.to !== null && previous.to >= next.from)) {
      const culprit = added.includes(next) ? next : previous;
      throw new ValueOverlapError(id, culprit, culprit === next ? previous : next);
    }
    if (previous.to === null) merged[i - 1] = { ...previous, to: dayBefore(next.from) };
  }
  return merged;
}

/**
 * Reads a parameters file: each value dated, sourced and rated, values of one parameter in date order and never
 * overlapping. Any fault stops the load with the file and line, as the rules must never run on doubtful data.
 */
export function parseParameters(text: string, file: string, base?: ParameterSet): ParameterSet {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: unknown) => {
    const range = (node as YamlNode | undefined)?.range;
    return range ? lines.linePos(range[0]).line : 1;
  };
  if (doc.errors.length > 0)
    throw new RulesDataError(file, lineOf({ range: doc.errors[0]!.pos }), doc.errors[0]!.message);
  const parsed = fileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RulesDataError(
      file,
      lineOf(doc.getIn(issue.path as string[], true)),
      `${issue.path.join('.')} : ${issue.message}`,
    );
  }

  const sources = new Map(base?.sources);
  for (const [id, source] of Object.entries(parsed.data.sources)) sources.set(id, { id, ...source });
  const parameters = new Map(base?.parameters);
  for (const [id, raw] of Object.entries(parsed.data.parameters)) {
    const valueNodes = doc.getIn(['parameters', id, 'values'], true);
    const values = raw.values.map((entry, index) => {
      const node = isSeq(valueNodes) ? valueNodes.items[index] : undefined;
      const at = lineOf(node);
      const checked = datedValueSchema.safeParse(entry);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        const field = isMap(node) ? node.get(issue.path[0], true) : node;
        throw new RulesDataError(file, lineOf(field ?? node), `${id} : ${issue.path.join('.')} : ${issue.message}`);
      }
      const value = checked.data;
      if (value.value === null && value.status !== 'not_retrieved')
        throw new RulesDataError(file, at, `${id} : une valeur inconnue doit porter « status: not_retrieved ».`);
      if (value.to && value.to < value.from)
        throw new RulesDataError(file, at, `${id} : la fin (${value.to}) précède le début (${value.from}).`);
      const unknownSource = value.sources.find((s) => !sources.has(s));
      if (unknownSource) throw new RulesDataError(file, at, `${id} : source inconnue « ${unknownSource} ».`);
      return {
        from: value.from,
        to: value.to ?? null,
        value: value.value,
        confidence: value.confidence,
        status: value.status ?? null,
        note: value.note ?? null,
        sources: value.sources,
        file,
        line: at,
      } satisfies DatedValue;
    });
    const merged = mergeValues(id, parameters.get(id)?.values ?? [], values);
    parameters.set(id, { id, label: raw.label, unit: raw.unit ?? null, values: merged });
  }
  return { parameters, sources };
}

/** The value of a parameter in force on a date, or undefined when none applies then. */
export function valueOn(parameter: Parameter, date: string): DatedValue | undefined {
  return parameter.values.find((v) => v.from <= date && (v.to === null || date <= v.to));
}

/** Where the values a workspace enters are said to come from, in messages about a clash. */
export const WORKSPACE_FILE = 'espace de travail';

/** A value a workspace entered for a parameter (a figure the shipped file lacks), with its source. */
export type WorkspaceParameterValue = {
  id: string;
  parameterId: string;
  from: string;
  to: string | null;
  value: Exclude<ParameterValue, null>;
  confidence: Confidence;
  sourceTitle: string;
  sourceUrl: string;
  note: string | null;
};

/** What a workspace value leaves of a value not retrieved: the days before it starts and after it ends. */
function outside(unknown: DatedValue, entered: DatedValue): DatedValue[] {
  const overlaps =
    (unknown.to === null || entered.from <= unknown.to) && (entered.to === null || unknown.from <= entered.to);
  if (!overlaps) return [unknown];
  return [
    ...(unknown.from < entered.from ? [{ ...unknown, to: dayBefore(entered.from) }] : []),
    ...(entered.to !== null && (unknown.to === null || entered.to < unknown.to)
      ? [{ ...unknown, from: dayAfter(entered.to) }]
      : []),
  ];
}

/**
 * Layers a workspace's values on a parameter set: a value replaces, for its period, the values marked not retrieved;
 * one overlapping a known value (shipped or entered earlier) is left out and returned with the clash, by the same
 * rule as the parameters file. Values of parameters the set does not have are left out too.
 */
export function layerWorkspaceValues(
  base: ParameterSet,
  entries: readonly WorkspaceParameterValue[],
  sourceTitle: (title: string) => string,
): { set: ParameterSet; clashes: { entry: WorkspaceParameterValue; error: ValueOverlapError }[] } {
  const sources = new Map(base.sources);
  const parameters = new Map(base.parameters);
  const clashes: { entry: WorkspaceParameterValue; error: ValueOverlapError }[] = [];
  for (const entry of [...entries].sort((a, b) => a.from.localeCompare(b.from))) {
    const parameter = parameters.get(entry.parameterId);
    if (!parameter) continue;
    const sourceId = `${WORKSPACE_FILE}:${entry.id}`;
    const value: DatedValue = {
      from: entry.from,
      to: entry.to,
      value: entry.value,
      confidence: entry.confidence,
      status: null,
      note: entry.note,
      sources: [sourceId],
      file: WORKSPACE_FILE,
      line: 0,
    };
    const kept = parameter.values.flatMap((v) => (v.status === 'not_retrieved' ? outside(v, value) : [v]));
    try {
      parameters.set(parameter.id, { ...parameter, values: mergeValues(parameter.id, kept, [value]) });
      sources.set(sourceId, {
        id: sourceId,
        title: sourceTitle(entry.sourceTitle),
        url: entry.sourceUrl,
        kind: 'workspace',
      });
    } catch (error) {
      if (!(error instanceof ValueOverlapError)) throw error;
      clashes.push({ entry, error });
    }
  }
  return { set: { parameters, sources }, clashes };
}

/**
 * The shape a new value of a parameter must have: its latest known value (a number when none is known), so that the
 * rules find every part they refer to.
 */
export function shapeOf(parameter: Parameter): Exclude<ParameterValue, null> {
  return parameter.values.findLast((v) => v.value !== null)?.value ?? 0;
}

export type ValueProblem = { path: (string | number)[]; problem: 'number' | 'negative' };
type Known = Exclude<ParameterValue, null>;

/**
 * Reads a value in the shape of `shape`, keeping only the parts the shape has; each part that is not a number, or is
 * negative, is a problem named by its path.
 */
export function readValue(
  value: unknown,
  shape: Known,
  path: (string | number)[] = [],
): { value: Known; problems: ValueProblem[] } {
  if (typeof shape === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return { value: 0, problems: [{ path, problem: 'number' }] };
    return { value, problems: value < 0 ? [{ path, problem: 'negative' }] : [] };
  }
  if (Array.isArray(shape)) {
    const list: unknown[] = Array.isArray(value) ? value : [];
    const parts = (shape as readonly number[]).map((part, i) => readValue(list[i], part, [...path, i]));
    return { value: parts.map((p) => p.value as number), problems: parts.flatMap((p) => p.problems) };
  }
  const map = (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
    string,
    unknown
  >;
  const parts = Object.entries(shape as Record<string, Known>).map(
    ([key, part]) => [key, readValue(map[key], part, [...path, key])] as const,
  );
  return {
    value: Object.fromEntries(parts.map(([key, p]) => [key, p.value])),
    problems: parts.flatMap(([, p]) => p.problems),
  };
}
