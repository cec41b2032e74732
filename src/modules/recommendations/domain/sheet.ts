import type { ProductSummary } from '#src/modules/catalogue/index.ts';

/**
 * The recommendation sheet (fiche de préconisations): what the therapist edits, what a handed-over
 * version freezes, and the amounts printed on it. Pure: no IO.
 */

/** Daily activities a group may be about: the catalogue's ICF activity codes, plus "other". */
export const activityKeys = [
  'd410', // changing body position
  'd420', // transferring oneself
  'd450', // walking
  'd4551', // climbing (stairs)
  'd510', // washing oneself
  'd530', // toileting
  'd540', // dressing
  'd550', // eating
  'd570', // looking after one's health (medicines)
  'd630', // preparing meals
  'd640', // doing housework
  'd360', // using communication devices (alarm, phone)
  'other',
] as const;

/** The catalogue's rooms, plus the whole dwelling for what is not about one room. */
export const roomKeys = [
  'bathroom',
  'toilet',
  'bedroom',
  'kitchen',
  'living_room',
  'stairs',
  'entrance',
  'outdoors',
  'whole_home',
] as const;

export const groupingKinds = ['activity', 'room'] as const;
export type GroupingKind = (typeof groupingKinds)[number];

export type SheetItem = { productId: string; note: string };
export type SheetGroup = { key: string; items: SheetItem[] };
export type RoomKey = (typeof roomKeys)[number];
export type WorksItem = { room: RoomKey; what: string; why: string };

/** A lead the sheet may hold: the funding module says the aid is sure, or that something is still to check. */
export const leadStatuses = ['eligible', 'to_check'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/**
 * A funding lead that names an aid of the funding module, with the figures it gave when the draft was last
 * saved or handed over: from the latest saved plan of a funding project of the pathway, or from a simulation on
 * the person's file. A version keeps them as they were; the therapist's note says what the aid is for.
 */
export type AidLead = {
  /** The aid's rule name in the funding module (`mpa`, `apa`, `aides locales . a…`). */
  aid: string;
  /** The funding project whose plan gave the figures; null when they come from a simulation on the file. */
  projectId: string | null;
  projectTitle: string | null;
  /** The day of the plan or of the simulation. */
  basisOn: string;
  title: string;
  funder: string;
  status: LeadStatus;
  /** Estimated amount in cents (per month when `monthly`), null when not computed. */
  amountCents: number | null;
  monthly: boolean;
  note: string;
};

/** What the therapist writes; the draft holds it and each handed-over version keeps a copy. */
export type SheetContent = {
  situation: string;
  groupBy: GroupingKind;
  groups: SheetGroup[];
  works: WorksItem[];
  aidLeads: AidLead[];
  /** Free text: every lead before aid leads existed, and what no aid of the funding module covers. */
  fundingLeads: string;
  notes: string;
};

/** Content as stored: sheets and versions written before aid leads existed have none. */
export type StoredSheetContent = Omit<SheetContent, 'aidLeads'> & { aidLeads?: AidLead[] };
/**
 * A lead's amount as it may be shown: none when unknown (a "to check" aid at 0 € is unknown, not nothing), firm
 * only when the aid is eligible; an uncertain amount is never an estimate, only indicative.
 */
export function leadAmount(lead: { status: string; amountCents: number | null; monthly: boolean }) {
  if (lead.amountCents === null || (lead.status === 'to_check' && lead.amountCents === 0)) return null;
  return { cents: lead.amountCents, monthly: lead.monthly, firm: lead.status === 'eligible' };
}

export const withAidLeads = (stored: StoredSheetContent): SheetContent => ({
  ...stored,
  aidLeads: stored.aidLeads ?? [],
});

export const emptyContent = (situation = ''): SheetContent => ({
  situation,
  groupBy: 'activity',
  groups: [],
  works: [],
  aidLeads: [],
  fundingLeads: '',
  notes: '',
});

export const groupKeysOf = (kind: GroupingKind): readonly string[] => (kind === 'activity' ? activityKeys : roomKeys);

export const trialOutcomes = ['suitable', 'needs_adjustment', 'unsuitable'] as const;
export type TrialOutcome = (typeof trialOutcomes)[number];

/**
 * A catalogue product as printed on a version (the catalogue's product summary and the person's trial),
 * copied at hand-over so that a later catalogue change never alters what was handed over.
 */
export type ProductSnapshot = Omit<ProductSummary, 'photoId' | 'localDistributors'> & {
  localDistributors: Omit<ProductSummary['localDistributors'][number], 'id'>[];
  /** The person's latest trial of this product, if any. */
  trial: { outcome: TrialOutcome; triedOn: string; remark: string | null } | null;
};

/** Everything a version freezes besides the content: who it is for, by whom, and the products as they were. */
export type SheetSnapshot = {
  workspaceName: string;
  organizationName: string | null;
  therapistName: string;
  person: { firstName: string; lastName: string; age: number | null; gir: number | null };
  products: ProductSnapshot[];
};

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
/** 123450 → "1 234,50 €" (fr-FR, narrow no-break spaces). */
export const formatCents = (cents: number) => euros.format(cents / 100);

export type Amounts = {
  priceCents: number | null;
  reimbursementBaseCents: number | null;
  priceCeilingCents: number | null;
  /** Price minus the LPP base (never below zero); the whole price when the product is not on the LPP. */
  outOfPocketCents: number | null;
  /** The observed average price is above the LPP price ceiling: a seller may not charge it. */
  aboveCeiling: boolean;
};

/**
 * The estimated amount left to pay for one product. The LPP base is what Assurance Maladie's
 * reimbursement is computed on; the actual refund applies a rate and the complementary insurance
 * may pay more, so the figure is an estimate and printed as one.
 */
export function amountsOf(p: Pick<ProductSnapshot, 'averagePrice' | 'lpp'>): Amounts {
  const price = p.averagePrice?.cents ?? null;
  const base = p.lpp?.reimbursementBaseCents ?? null;
  const ceiling = p.lpp?.priceCeilingCents ?? null;
  return {
    priceCents: price,
    reimbursementBaseCents: base,
    priceCeilingCents: ceiling,
    outOfPocketCents: price === null ? null : Math.max(0, price - (base ?? 0)),
    aboveCeiling: price !== null && ceiling !== null && price > ceiling,
  };
}

export type SheetTotals = {
  priceCents: number;
  reimbursementBaseCents: number;
  outOfPocketCents: number;
  /** Products without a known price: the totals leave them out and the sheet says how many. */
  unpriced: number;
};

/** Totals over every product line of the sheet (a product listed twice counts twice). */
export function totalsOf(content: SheetContent, products: ReadonlyMap<string, ProductSnapshot>): SheetTotals {
  const totals: SheetTotals = { priceCents: 0, reimbursementBaseCents: 0, outOfPocketCents: 0, unpriced: 0 };
  for (const item of content.groups.flatMap((g) => g.items)) {
    const product = products.get(item.productId);
    if (!product) continue;
    const a = amountsOf(product);
    if (a.priceCents === null || a.outOfPocketCents === null) {
      totals.unpriced += 1;
      continue;
    }
    totals.priceCents += a.priceCents;
    totals.reimbursementBaseCents += Math.min(a.reimbursementBaseCents ?? 0, a.priceCents);
    totals.outOfPocketCents += a.outOfPocketCents;
  }
  return totals;
}

export type ResolvedGroup = {
  key: string;
  items: { product: ProductSnapshot; note: string; amounts: Amounts }[];
};

/** The groups as printed: in the therapist's order, products resolved, empty groups left out. */
export function resolvedGroups(content: SheetContent, products: ReadonlyMap<string, ProductSnapshot>): ResolvedGroup[] {
  return content.groups
    .map((g) => ({
      key: g.key,
      items: g.items.flatMap((item) => {
        const product = products.get(item.productId);
        return product ? [{ product, note: item.note, amounts: amountsOf(product) }] : [];
      }),
    }))
    .filter((g) => g.items.length > 0);
}

export const productIdsOf = (content: Pick<SheetContent, 'groups'>) => [
  ...new Set(content.groups.flatMap((g) => g.items.map((i) => i.productId))),
];

export type ContentIssue = {
  path: string;
  problem: 'duplicateGroup' | 'unknownGroup' | 'emptySheet' | 'duplicateLead';
};

/** The same aid from the same source (a project's plan, or the simulation) is one lead. */
const leadKey = (lead: Pick<AidLead, 'aid' | 'projectId'>) => `${lead.projectId ?? ''}|${lead.aid}`;

/**
 * Rules the schema cannot express: a group key belongs to the chosen grouping and appears once; an aid
 * appears once per source; a sheet handed over recommends something (a product or works).
 */
export function contentIssues(
  content: Pick<SheetContent, 'groupBy' | 'groups' | 'works'> & { aidLeads: Pick<AidLead, 'aid' | 'projectId'>[] },
  handingOver: boolean,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const allowed = groupKeysOf(content.groupBy);
  const seen = new Set<string>();
  content.groups.forEach((g, i) => {
    if (!allowed.includes(g.key)) issues.push({ path: `groups.${i}.key`, problem: 'unknownGroup' });
    else if (seen.has(g.key)) issues.push({ path: `groups.${i}.key`, problem: 'duplicateGroup' });
    seen.add(g.key);
  });
  const leads = new Set<string>();
  content.aidLeads.forEach((lead, i) => {
    if (leads.has(leadKey(lead))) issues.push({ path: `aidLeads.${i}.aid`, problem: 'duplicateLead' });
    leads.add(leadKey(lead));
  });
  const recommends = content.groups.some((g) => g.items.length > 0) || content.works.length > 0;
  if (handingOver && !recommends) issues.push({ path: 'groups', problem: 'emptySheet' });
  return issues;
}

/**
 * Versioning: a draft is written only by whoever read its latest revision, and each hand-over
 * appends the next version number. A handed-over version is never rewritten.
 */
export const isStaleRevision = (current: number, sent: number) => current !== sent;
export const nextVersionNumber = (latest: number | null) => (latest ?? 0) + 1;

/** Moves an element of a list one place up or down (keyboard reordering); out of range leaves it as is. */
export function moved<T>(list: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}
