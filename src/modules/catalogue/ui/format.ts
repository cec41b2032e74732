export { eurosToCents } from '#src/modules/catalogue/api/catalogue.schema.ts';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 24990 → « 249,90 € ». */
export const formatEuros = (cents: number) => euros.format(cents / 100);

/** Cents as the form shows them: « 249,90 ». */
export const centsToEuros = (cents: number | null) =>
  cents === null ? '' : (cents / 100).toFixed(2).replace('.', ',');
