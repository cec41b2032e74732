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

/** The day before an ISO date, so that a value's end can be compared with the next value's start. */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

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
    const merged = [...(parameters.get(id)?.values ?? []), ...values].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < merged.length; i++) {
      const [previous, next] = [merged[i - 1]!, merged[i]!];
      if (previous.from === next.from || (previous.to !== null && previous.to >= next.from)) {
        const culprit = values.includes(next) ? next : previous;
        const other = culprit === next ? previous : next;
        throw new RulesDataError(
          file,
          culprit.line,
          `${id} : la valeur du ${culprit.from} chevauche celle du ${other.from} (${other.file}:${other.line}).`,
        );
      }
      // A value without an end stops the day before the next one starts.
      if (previous.to === null) merged[i - 1] = { ...previous, to: dayBefore(next.from) };
    }
    parameters.set(id, { id, label: raw.label, unit: raw.unit ?? null, values: merged });
  }
  return { parameters, sources };
}

/** The value of a parameter in force on a date, or undefined when none applies then. */
export function valueOn(parameter: Parameter, date: string): DatedValue | undefined {
  return parameter.values.find((v) => v.from <= date && (v.to === null || date <= v.to));
}
