import { describe, expect, it } from 'vitest';
import {
  amountsOf,
  contentIssues,
  emptyContent,
  formatCents,
  isStaleRevision,
  moved,
  nextVersionNumber,
  productIdsOf,
  resolvedGroups,
  totalsOf,
  type ProductSnapshot,
  type SheetContent,
} from '#src/modules/recommendations/domain/sheet.ts';

const product = (id: string, overrides: Partial<ProductSnapshot> = {}): ProductSnapshot => ({
  id,
  name: `Produit ${id}`,
  isoCode: '093303',
  isoCodeDisplay: '09 33 03',
  isoEdition: '2022',
  isoClassLabel: null,
  averagePrice: { cents: 10_000, date: '2026-01-01', source: null },
  lpp: null,
  localDistributors: [],
  trial: null,
  ...overrides,
});

const priced = (cents: number | null, lpp: ProductSnapshot['lpp'] = null): Partial<ProductSnapshot> => ({
  averagePrice: cents === null ? null : { cents, date: '2026-01-01', source: null },
  lpp,
});
const lpp = (base: number, ceiling: number | null = null) => ({
  code: '1234567',
  reimbursementBaseCents: base,
  priceCeilingCents: ceiling,
});

const content = (groups: SheetContent['groups'], extra: Partial<SheetContent> = {}): SheetContent => ({
  ...emptyContent(),
  groups,
  ...extra,
});

describe('amounts', () => {
  it('leaves the whole price to pay for a product outside the LPP', () => {
    expect(amountsOf(product('a'))).toMatchObject({ outOfPocketCents: 10_000, aboveCeiling: false });
  });

  it('takes the LPP base off the price, never below zero, and flags a price above the ceiling', () => {
    expect(amountsOf(product('a', priced(2_500, lpp(1_220, 2_200))))).toEqual({
      priceCents: 2_500,
      reimbursementBaseCents: 1_220,
      priceCeilingCents: 2_200,
      outOfPocketCents: 1_280,
      aboveCeiling: true,
    });
    expect(amountsOf(product('a', priced(900, lpp(1_220)))).outOfPocketCents).toBe(0);
  });

  it('knows nothing left to pay when the price is unknown', () => {
    expect(amountsOf(product('a', priced(null))).outOfPocketCents).toBeNull();
  });

  it('totals every line, the base capped at the price, and counts the unpriced ones apart', () => {
    const products = new Map([
      ['a', product('a', priced(4_590))],
      ['b', product('b', priced(900, lpp(1_220)))],
      ['c', product('c', priced(null))],
    ]);
    const sheet = content([
      { key: 'd510', items: [{ productId: 'a', note: '' }] },
      {
        key: 'd450',
        items: [
          { productId: 'b', note: '' },
          { productId: 'c', note: '' },
          { productId: 'gone', note: '' },
        ],
      },
    ]);
    expect(totalsOf(sheet, products)).toEqual({
      priceCents: 5_490,
      reimbursementBaseCents: 900,
      outOfPocketCents: 4_590,
      unpriced: 1,
    });
  });

  it('formats euros the French way', () => {
    expect(formatCents(123_450)).toBe('1\u202f234,50\u00a0€');
  });
});

describe('grouping', () => {
  it('keeps the therapist’s order, drops empty groups and products no longer known', () => {
    const products = new Map([
      ['a', product('a')],
      ['b', product('b')],
    ]);
    const groups = resolvedGroups(
      content([
        { key: 'd450', items: [{ productId: 'b', note: 'n' }] },
        { key: 'd530', items: [{ productId: 'gone', note: '' }] },
        { key: 'd510', items: [] },
        { key: 'd420', items: [{ productId: 'a', note: '' }] },
      ]),
      products,
    );
    expect(groups.map((g) => [g.key, g.items.map((i) => i.product.id)])).toEqual([
      ['d450', ['b']],
      ['d420', ['a']],
    ]);
    expect(groups[0]!.items[0]!.note).toBe('n');
  });

  it('lists each product once', () => {
    expect(
      productIdsOf(
        content([
          { key: 'd510', items: [{ productId: 'a', note: '' }] },
          {
            key: 'd420',
            items: [
              { productId: 'a', note: '' },
              { productId: 'b', note: '' },
            ],
          },
        ]),
      ),
    ).toEqual(['a', 'b']);
  });

  it('refuses a group key of the other grouping and a group listed twice', () => {
    expect(
      contentIssues(
        content(
          [
            { key: 'bathroom', items: [] },
            { key: 'd510', items: [] },
            { key: 'bathroom', items: [] },
          ],
          { groupBy: 'room' },
        ),
        false,
      ),
    ).toEqual([
      { path: 'groups.1.key', problem: 'unknownGroup' },
      { path: 'groups.2.key', problem: 'duplicateGroup' },
    ]);
  });

  it('moves an element up or down and ignores a move past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('versioning', () => {
  it('hands over only a sheet that recommends something; a draft may be empty', () => {
    expect(contentIssues(emptyContent(), false)).toEqual([]);
    expect(contentIssues(content([{ key: 'd510', items: [] }]), true)).toEqual([
      { path: 'groups', problem: 'emptySheet' },
    ]);
    expect(contentIssues(content([], { works: [{ room: 'bathroom', what: 'Douche', why: '' }] }), true)).toEqual([]);
  });

  it('numbers versions from 1 and treats any other revision than the current one as stale', () => {
    expect(nextVersionNumber(null)).toBe(1);
    expect(nextVersionNumber(3)).toBe(4);
    expect(isStaleRevision(4, 4)).toBe(false);
    expect(isStaleRevision(4, 3)).toBe(true);
  });
});
