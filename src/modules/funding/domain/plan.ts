import type { AidResult, AidStatus, ParameterUse } from './rules-engine.ts';

/**
 * The order in which aids are applied to a project (funding-rules §7): PCH first (the Anah asks for it before
 * MaPrimeAdapt'), then MaPrimeAdapt' on the eligible works before VAT, then pension funds and local aids; the
 * tax credit comes last and only the next year, so it never lowers what the household pays now.
 */
const stepOf = (aid: string): number => {
  if (aid.startsWith('pch')) return 1;
  if (aid === 'mpa') return 2;
  if (aid === TAX_CREDIT) return 4;
  return 3;
};
const TAX_CREDIT = "crédit d'impôt";
/** Aids paid monthly (the APA plan) do not fund a one-off project: shown, never counted in the plan. */
const MONTHLY_AIDS = new Set(['apa']);
const MPA_WORKS_CEILING = 'mpa.works_ceiling_ht';

export type PlanParameter = Pick<ParameterUse, 'id' | 'label' | 'value' | 'from' | 'confidence' | 'status'> & {
  sources: { title: string; url: string }[];
};

export type PlanLine = {
  aid: string;
  title: string;
  funder: string;
  step: number;
  status: AidStatus;
  /** What the rules give, in cents; null when it cannot be computed. */
  amountCents: number | null;
  /** What this aid funds in the plan, after the aids before it: never more than what is left to pay. */
  shareCents: number;
  /** Eligible, computed, and on no parameter left unknown. */
  certain: boolean;
  deferred: boolean;
  monthly: boolean;
  /** Conditions that do not hold, or are not known, by title. */
  failedConditions: string[];
  unknownConditions: string[];
  missingInputs: string[];
  uncertainParameters: PlanParameter[];
  parameters: PlanParameter[];
};

export type PlanFigures = {
  costExclTaxCents: number;
  costInclTaxCents: number;
  eligibleExclTaxCents: number;
  lines: PlanLine[];
  /** Aids counted for sure, and those shown as still to confirm. */
  securedCents: number;
  toConfirmCents: number;
  /** What the household pays, VAT included: counting only the sure aids, and if every aid is confirmed. */
  outOfPocketCents: number;
  outOfPocketIfConfirmedCents: number;
  /** The tax credit, received the year after the expense. */
  deferredCents: number;
  /** MaPrimeAdapt' works ceiling left for a second request within 5 years (before VAT), null if unknown. */
  mpaBalanceExclTaxCents: number | null;
  byFunder: { funder: string; shareCents: number; certain: boolean }[];
};

const cents = (euros: number) => Math.round(euros * 100);
const isUncertain = (p: ParameterUse) => p.confidence === 'uncertain' || p.value === null;
const planParameter = (p: ParameterUse): PlanParameter => ({
  id: p.id,
  label: p.label,
  value: p.value,
  from: p.from,
  confidence: p.confidence,
  status: p.status,
  sources: p.sources,
});

/**
 * Combines the aids of a simulation with a quote: each aid, in order, funds at most what is left of the cost
 * with VAT, so the sum of the aids never exceeds it (caps shared between aids).
 */
export function combinePlan(
  aids: readonly AidResult[],
  cost: { exclTaxCents: number; inclTaxCents: number; eligibleExclTaxCents: number },
  mpaWorksLast5YearsCents = 0,
): PlanFigures {
  const ordered = [...aids].sort((a, b) => stepOf(a.aid) - stepOf(b.aid));
  let left = cost.inclTaxCents;
  const lines = ordered.map((aid): PlanLine => {
    const monthly = MONTHLY_AIDS.has(aid.aid);
    const deferred = aid.aid === TAX_CREDIT;
    const amountCents = aid.amount === null ? null : cents(aid.amount);
    const counted = !monthly && aid.status !== 'not_eligible' && amountCents !== null;
    // The tax credit is computed on what remains paid by the household after the other aids.
    const shareCents = counted ? Math.max(0, Math.min(amountCents, left)) : 0;
    if (!deferred) left -= shareCents;
    const uncertainParameters = aid.parameters.filter(isUncertain).map(planParameter);
    return {
      aid: aid.aid,
      title: aid.title,
      funder: aid.funder,
      step: stepOf(aid.aid),
      status: aid.status,
      amountCents,
      shareCents,
      // Uncertain parameters that do not enter the amount (the MaPrimeAdapt' advance) are shown, not held against it.
      certain:
        aid.status === 'eligible' &&
        amountCents !== null &&
        aid.missingParameters.length === 0 &&
        aid.parameters.every((p) => p.value !== null),
      deferred,
      monthly,
      failedConditions: aid.conditions.filter((c) => c.holds === false).map((c) => c.title),
      unknownConditions: aid.conditions.filter((c) => c.holds === null).map((c) => c.title),
      missingInputs: aid.missingInputs,
      uncertainParameters,
      parameters: aid.parameters.map(planParameter),
    };
  });
  const immediate = lines.filter((l) => !l.deferred);
  const sum = (list: PlanLine[]) => list.reduce((total, l) => total + l.shareCents, 0);
  const securedCents = sum(immediate.filter((l) => l.certain));
  const toConfirmCents = sum(immediate.filter((l) => !l.certain));
  const funders = new Map<string, { shareCents: number; certain: boolean }>();
  for (const line of immediate.filter((l) => l.shareCents > 0)) {
    const entry = funders.get(line.funder) ?? { shareCents: 0, certain: true };
    funders.set(line.funder, {
      shareCents: entry.shareCents + line.shareCents,
      certain: entry.certain && line.certain,
    });
  }
  return {
    costExclTaxCents: cost.exclTaxCents,
    costInclTaxCents: cost.inclTaxCents,
    eligibleExclTaxCents: cost.eligibleExclTaxCents,
    lines,
    securedCents,
    toConfirmCents,
    outOfPocketCents: cost.inclTaxCents - securedCents,
    outOfPocketIfConfirmedCents: cost.inclTaxCents - securedCents - toConfirmCents,
    deferredCents: sum(lines.filter((l) => l.deferred)),
    mpaBalanceExclTaxCents: mpaBalance(lines, cost.eligibleExclTaxCents, mpaWorksLast5YearsCents),
    byFunder: [...funders].map(([funder, entry]) => ({ funder, ...entry })),
  };
}

/** The works ceiling left for a second MaPrimeAdapt' request: ceiling − works already funded − this base. */
function mpaBalance(lines: PlanLine[], eligibleCents: number, usedCents: number): number | null {
  const mpa = lines.find((l) => l.aid === 'mpa');
  const ceiling = mpa?.parameters.find((p) => p.id === MPA_WORKS_CEILING)?.value;
  if (!mpa || typeof ceiling !== 'number') return null;
  const available = Math.max(0, cents(ceiling) - usedCents);
  if (mpa.status === 'not_eligible') return available;
  return Math.max(0, available - Math.min(eligibleCents, available));
}
