/** Quotes from contractors or distributors: amounts in cents, VAT computed line by line as the law reads it. */

/** The VAT rates of adaptation works, by their key in the `vat.rates` parameter (funding-rules §6). */
export const vatRateKeys = ['renovation', 'specially_designed_equipment', 'standard'] as const;
export type VatRateKey = (typeof vatRateKeys)[number];
export type VatRates = Record<VatRateKey, number>;

export type QuoteLineInput = {
  label: string;
  quantity: number;
  unitPriceExclTaxCents: number;
  vatRate: VatRateKey;
  /** Works eligible to MaPrimeAdapt' (per the autonomy diagnostic): the aid's base before VAT. */
  eligibleWorks: boolean;
};

export type QuoteLine = QuoteLineInput & { exclTaxCents: number; vatCents: number; inclTaxCents: number };

export type QuoteTotals = {
  lines: QuoteLine[];
  exclTaxCents: number;
  vatCents: number;
  inclTaxCents: number;
  /** Eligible works before VAT (MaPrimeAdapt' base) and with VAT. */
  eligibleExclTaxCents: number;
  eligibleInclTaxCents: number;
};

export type StatedTotals = { exclTaxCents: number | null; inclTaxCents: number | null };

/** Totals of a quote: each line rounded to the cent, then summed (as on the contractor's paper). */
export function quoteTotals(lines: readonly QuoteLineInput[], rates: VatRates): QuoteTotals {
  const computed = lines.map((line) => {
    const exclTaxCents = Math.round(line.quantity * line.unitPriceExclTaxCents);
    const vatCents = Math.round(exclTaxCents * rates[line.vatRate]);
    return { ...line, exclTaxCents, vatCents, inclTaxCents: exclTaxCents + vatCents };
  });
  const sum = (pick: (l: QuoteLine) => number, only = (_: QuoteLine) => true) =>
    computed.filter(only).reduce((total, l) => total + pick(l), 0);
  return {
    lines: computed,
    exclTaxCents: sum((l) => l.exclTaxCents),
    vatCents: sum((l) => l.vatCents),
    inclTaxCents: sum((l) => l.inclTaxCents),
    eligibleExclTaxCents: sum(
      (l) => l.exclTaxCents,
      (l) => l.eligibleWorks,
    ),
    eligibleInclTaxCents: sum(
      (l) => l.inclTaxCents,
      (l) => l.eligibleWorks,
    ),
  };
}

export type QuoteProblem =
  | { path: string; kind: 'negative_quantity' | 'negative_price' }
  | { path: 'statedExclTaxCents' | 'statedInclTaxCents'; kind: 'total_mismatch'; computedCents: number };

/**
 * What is wrong with a quote: a negative line, or a stated total that the lines do not give. Contractors
 * may round VAT on the total rather than per line, so a difference of one cent per line is accepted.
 */
export function quoteProblems(lines: readonly QuoteLineInput[], stated: StatedTotals, rates: VatRates): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  lines.forEach((line, index) => {
    if (line.quantity <= 0) problems.push({ path: `lines.${index}.quantity`, kind: 'negative_quantity' });
    if (line.unitPriceExclTaxCents < 0)
      problems.push({ path: `lines.${index}.unitPriceExclTaxCents`, kind: 'negative_price' });
  });
  if (problems.length > 0) return problems;
  const totals = quoteTotals(lines, rates);
  const tolerance = lines.length;
  if (stated.exclTaxCents !== null && Math.abs(stated.exclTaxCents - totals.exclTaxCents) > tolerance)
    problems.push({ path: 'statedExclTaxCents', kind: 'total_mismatch', computedCents: totals.exclTaxCents });
  if (stated.inclTaxCents !== null && Math.abs(stated.inclTaxCents - totals.inclTaxCents) > tolerance)
    problems.push({ path: 'statedInclTaxCents', kind: 'total_mismatch', computedCents: totals.inclTaxCents });
  return problems;
}
