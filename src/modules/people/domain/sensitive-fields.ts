/**
 * The one registry of sensitive fields of a person's file: health and income data (RGPD art. 9
 * and the CCAS's professional secrecy). API responses, exports and the UI read it; a field added
 * here disappears from every answer to a user without `person.read_sensitive`.
 */
export const sensitivePersonFields = [
  'resourcesBand',
  'gir',
  'girAssessedOn',
  'girSource',
  'legalProtectionKind',
  'protectorName',
  'protectorContact',
  'healthNote',
] as const;

export type SensitivePersonField = (typeof sensitivePersonFields)[number];

const registry: ReadonlySet<string> = new Set(sensitivePersonFields);

export const isSensitivePersonField = (field: string): field is SensitivePersonField => registry.has(field);

/** The record without its sensitive fields, unless the reader may see them. */
export function withoutSensitiveFields<T extends Record<string, unknown>>(
  record: T,
  maySeeSensitive: boolean,
): T | Omit<T, SensitivePersonField> {
  if (maySeeSensitive) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !registry.has(key))) as Omit<
    T,
    SensitivePersonField
  >;
}
