import { messages } from '#src/shared/i18n/fr.ts';

const t = messages.housing;

/** A measurement as shown: "Non mesuré" when unknown, Oui/Non for a yes-no item, a number with its unit. */
export function shown(value: number | string | boolean | null | undefined, unit = ''): string {
  if (value === null || value === undefined || value === '') return t.unit.notMeasured;
  if (typeof value === 'boolean') return value ? t.unit.yes : t.unit.no;
  if (typeof value === 'number') return `${value.toLocaleString('fr-FR')}${unit ? ` ${unit}` : ''}`;
  return value;
}

export const euros = (value: number | null) =>
  value === null
    ? '—'
    : value.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export const rentWithCharges = (rent: number | null, charges: number | null) =>
  rent === null ? '—' : euros(rent + (charges ?? 0));

export const options = <K extends string>(labels: Record<K, string>, empty?: string) => [
  ...(empty !== undefined ? [{ value: '', label: empty }] : []),
  ...(Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label })),
];

/** Codes that are their own label (T1…T6, PLAI…), as a label map for `options`. */
export const codeLabels = <K extends string>(codes: readonly K[]) =>
  Object.fromEntries(codes.map((code): [K, string] => [code, code])) as Record<K, string>;

/** Financings by their usual acronym; "other" in words. */
export const financingLabels = { PLAI: 'PLAI', PLUS: 'PLUS', PLS: 'PLS', PLI: 'PLI', other: t.financingOther };
