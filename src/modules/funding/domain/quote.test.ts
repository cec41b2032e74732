import { describe, expect, it } from 'vitest';
import { quoteProblems, quoteTotals, type QuoteLineInput } from './quote.ts';

// CGI art. 279-0 bis (10 %), art. 278-0 bis A 2° f (5,5 %), standard 20 % — funding-rules §6.
const rates = { renovation: 0.1, specially_designed_equipment: 0.055, standard: 0.2 };
const line = (over: Partial<QuoteLineInput>): QuoteLineInput => ({
  label: 'Douche à l’italienne',
  quantity: 1,
  unitPriceExclTaxCents: 900_000,
  vatRate: 'renovation',
  eligibleWorks: true,
  ...over,
});

describe('quote totals', () => {
  it('computes VAT line by line at each rate, and the eligible works before VAT (funding-rules §7 example)', () => {
    const totals = quoteTotals(
      [
        line({}),
        line({ label: 'Monte-escalier', unitPriceExclTaxCents: 500_000, vatRate: 'specially_designed_equipment' }),
        line({
          label: 'Meuble',
          quantity: 2,
          unitPriceExclTaxCents: 10_050,
          vatRate: 'standard',
          eligibleWorks: false,
        }),
      ],
      rates,
    );
    expect(totals.lines.map((l) => l.vatCents)).toEqual([90_000, 27_500, 4_020]);
    expect(totals.exclTaxCents).toBe(1_420_100);
    expect(totals.vatCents).toBe(121_520);
    expect(totals.inclTaxCents).toBe(1_541_620);
    expect(totals.eligibleExclTaxCents).toBe(1_400_000);
    expect(totals.eligibleInclTaxCents).toBe(1_517_500);
  });

  it('rounds each line to the cent before summing', () => {
    const totals = quoteTotals(
      [line({ quantity: 3, unitPriceExclTaxCents: 333, vatRate: 'specially_designed_equipment' })],
      rates,
    );
    expect(totals.lines[0]).toMatchObject({ exclTaxCents: 999, vatCents: 55, inclTaxCents: 1054 });
  });
});

describe('quote problems', () => {
  it('names a negative price and a zero quantity on their line', () => {
    expect(
      quoteProblems(
        [line({}), line({ unitPriceExclTaxCents: -100, quantity: 0 })],
        { exclTaxCents: null, inclTaxCents: null },
        rates,
      ),
    ).toEqual([
      { path: 'lines.1.quantity', kind: 'negative_quantity' },
      { path: 'lines.1.unitPriceExclTaxCents', kind: 'negative_price' },
    ]);
  });

  it('rejects a stated total the lines do not give (VAT at 20 % instead of 10 %), with the computed amount', () => {
    expect(quoteProblems([line({})], { exclTaxCents: 900_000, inclTaxCents: 1_080_000 }, rates)).toEqual([
      { path: 'statedInclTaxCents', kind: 'total_mismatch', computedCents: 990_000 },
    ]);
  });

  it('accepts a cent of rounding per line', () => {
    expect(quoteProblems([line({}), line({})], { exclTaxCents: 1_800_002, inclTaxCents: 1_979_998 }, rates)).toEqual(
      [],
    );
  });
});
