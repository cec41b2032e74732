const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 24990 → « 249,90 € ». */
export const formatEuros = (cents: number) => euros.format(cents / 100);

/** What a user typed as euros (« 249,90 », « 1 249.9 ») in cents; null when empty, NaN when unreadable. */
export function eurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 100) : NaN;
}

/** Cents as the form shows them: « 249,90 ». */
export const centsToEuros = (cents: number | null) =>
  cents === null ? '' : (cents / 100).toFixed(2).replace('.', ',');
