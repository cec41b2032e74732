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
