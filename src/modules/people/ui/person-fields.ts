import { messages } from '#src/shared/i18n/fr.ts';
import {
  bathroomTypes,
  civilities,
  contactChannels,
  dwellingTypes,
  girSources,
  legalProtectionKinds,
  resourcesBands,
  sensitivePersonFields,
  tenures,
  type PersonFile,
} from '#src/modules/people/api/person.schema.ts';

const t = messages.people;

export type FieldKind = 'text' | 'tel' | 'email' | 'date' | 'number' | 'choice' | 'yesNo' | 'commune' | 'landlord';
export type FieldDef = { name: string; kind: FieldKind; labels?: Record<string, string>; values?: readonly string[] };
export type SectionDef = { name: string; fields: FieldDef[] };

const choice = (name: string, values: readonly string[], labels: Record<string, string>): FieldDef => ({
  name,
  kind: 'choice',
  values,
  labels,
});

/** The field sections of the file, in page order; each is edited and saved on its own. */
export const fieldSections: SectionDef[] = [
  {
    name: 'identity',
    fields: [
      choice('civility', civilities, t.civilities),
      { name: 'firstName', kind: 'text' },
      { name: 'lastName', kind: 'text' },
      { name: 'birthName', kind: 'text' },
      { name: 'birthDate', kind: 'date' },
    ],
  },
  {
    name: 'contact',
    fields: [
      { name: 'phone', kind: 'tel' },
      { name: 'mobilePhone', kind: 'tel' },
      { name: 'email', kind: 'email' },
      choice('preferredChannel', contactChannels, t.channels),
    ],
  },
  {
    name: 'address',
    fields: [
      { name: 'addressLine', kind: 'text' },
      { name: 'postalCode', kind: 'text' },
      { name: 'communeInsee', kind: 'commune' },
    ],
  },
  {
    name: 'housing',
    fields: [
      choice('tenure', tenures, t.tenures),
      { name: 'landlordOrganizationId', kind: 'landlord' },
      choice('dwellingType', dwellingTypes, t.dwellingTypes),
      { name: 'floor', kind: 'number' },
      { name: 'hasLift', kind: 'yesNo' },
      choice('bathroomType', bathroomTypes, t.bathroomTypes),
      { name: 'stairsInside', kind: 'yesNo' },
    ],
  },
  {
    name: 'situation',
    fields: [
      choice('resourcesBand', resourcesBands, t.resourcesBands),
      { name: 'gir', kind: 'number' },
      { name: 'girAssessedOn', kind: 'date' },
      choice('girSource', girSources, t.girSources),
      choice('legalProtectionKind', legalProtectionKinds, t.legalProtectionKinds),
      { name: 'protectorName', kind: 'text' },
      { name: 'protectorContact', kind: 'text' },
      { name: 'healthNote', kind: 'text' },
    ],
  },
];

const sensitive: ReadonlySet<string> = new Set(sensitivePersonFields);
export const isSensitive = (field: string) => sensitive.has(field);

// The landlord and commune fields are read from their own properties; the others are scalars.
type Raw = string | number | boolean | null | undefined;

/** A stored value as the form edits it: always a string ('' for none). */
export function toFormValue(file: PersonFile, field: FieldDef): string {
  const value = (file as unknown as Record<string, Raw>)[field.name];
  if (field.kind === 'landlord') return file.landlordOrganization?.id ?? '';
  if (field.kind === 'commune') return file.historicCommuneInsee ?? file.communeInsee ?? '';
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** A form value as the API takes it. */
export function toApiValue(field: FieldDef, value: string): string | number | boolean | null {
  if (field.kind === 'yesNo') return value === '' ? null : value === 'yes';
  if (field.kind === 'number') return value.trim() === '' ? null : Number(value);
  return value.trim() === '' ? null : value;
}

/** A stored value as the page shows it. */
export function displayValue(file: PersonFile, field: FieldDef, formatDate: (iso: string) => string): string | null {
  const value = (file as unknown as Record<string, Raw>)[field.name];
  switch (field.kind) {
    case 'landlord':
      return file.landlordOrganization?.name ?? null;
    case 'commune':
      if (!file.communeInsee) return null;
      return file.historicCommuneName
        ? `${file.historicCommuneName} (${file.historicCommuneInsee}) — ${file.communeName ?? ''} (${file.communeInsee})`
        : `${file.communeName ?? ''} (${file.communeInsee})`;
    case 'yesNo':
      return value === null || value === undefined ? null : value ? t.yes : t.no;
    case 'choice':
      return typeof value === 'string' ? (field.labels?.[value] ?? value) : null;
    case 'date':
      return typeof value === 'string' ? formatDate(value) : null;
    default:
      return value === null || value === undefined ? null : String(value);
  }
}
