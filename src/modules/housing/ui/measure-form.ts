import { messages } from '#src/shared/i18n/fr.ts';

const t = messages.housing;

/** The fields of a measurement form by kind: numbers, yes/no/unknown, and plain strings sent as typed. */
export type FieldKinds<K extends string = string> = { numbers: readonly K[]; tris: readonly K[]; texts: readonly K[] };

export const triOptions = [
  { value: '', label: t.fields.unknown },
  { value: 'true', label: t.unit.yes },
  { value: 'false', label: t.unit.no },
];

const namesOf = <K extends string>(kinds: FieldKinds<K>) => [...kinds.numbers, ...kinds.tris, ...kinds.texts];

/** A stored record as form strings: null ("not measured") is '', lists are joined by commas. */
export function formValuesOf<V extends Record<string, string>>(
  record: Record<string, string | number | boolean | null | readonly string[] | object> | null,
  kinds: FieldKinds,
): V {
  const out: Record<string, string> = {};
  for (const name of namesOf(kinds)) {
    const value = record?.[name];
    if (value === null || value === undefined || typeof value === 'object') {
      out[name] = Array.isArray(value) ? value.join(',') : '';
    } else out[name] = String(value);
  }
  return out as V;
}

/** A number as typed ("3,5" accepted); what is not a number is sent as typed so the API names the field. */
export function numberOf(raw: string): number | string | null {
  const trimmed = raw.trim().replace(',', '.');
  if (trimmed === '') return null;
  return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** The form's strings as the API's types: '' is "not measured" (null). */
export function bodyOf(values: Record<string, string>, kinds: FieldKinds, version: number | undefined) {
  const body: Record<string, unknown> = { version };
  for (const name of kinds.numbers) body[name] = numberOf(values[name] ?? '');
  for (const name of kinds.tris) body[name] = values[name] === '' ? null : values[name] === 'true';
  for (const name of kinds.texts) body[name] = values[name];
  return body;
}

/** The labels of a form's fields, from the catalogue, with a few overrides. */
export function labelsOf<K extends string>(
  kinds: FieldKinds<K>,
  overrides: Partial<Record<K, string>> = {},
): Record<K, string> {
  const fields = t.fields as Record<string, string>;
  return Object.fromEntries(namesOf(kinds).map((name) => [name, overrides[name] ?? fields[name] ?? name])) as Record<
    K,
    string
  >;
}
