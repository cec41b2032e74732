import ExcelJS from 'exceljs';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { CSV_BOM, csvLine } from '#src/shared/csv.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { housingScopeOf } from '#src/modules/housing/index.ts';
import { communeNameOf, listOrganizations } from '#src/modules/platform/index.ts';
import { protectCount, protectShare } from '#src/modules/offers/domain/anonymity.ts';
import {
  refusalStages,
  wouldAcceptIfAttributes,
  type RefusalStage,
  type WouldAcceptIfAttribute,
} from '#src/modules/offers/domain/offer.ts';
import {
  familyOf,
  isRefusalReasonCode,
  refusalFamilies,
  refusalReasonCodes,
} from '#src/modules/offers/domain/refusal-taxonomy.ts';
import type { OfferReport, ReportTable } from '#src/modules/offers/api/report.schema.ts';
import {
  demandFacts,
  offerCounts,
  refusalFacts,
  type DemandFacts,
  type OfferCounts,
  type RefusalFacts,
} from '#src/modules/offers/repo/reports.repo.ts';

const t = messages.offers.report;
const m = messages.offers;

/** A cell as published: the count from the threshold on, null ("< 5") below it. */
const cell = (n: number) => protectCount(n).count;

function tally<K extends string>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

type TableHead = { key: string; title: string; columns: string[] };

/**
 * One published table: a row per key with at least one count, each count withheld under the threshold.
 * Rows keep the order of `keys`, or go biggest first (by the first column) with ties left in that order.
 */
function breakdown<K extends string>(
  head: TableHead,
  keys: Iterable<K>,
  counts: (k: K) => number[],
  label: (k: K) => string,
  order: 'as_given' | 'biggest_first' = 'as_given',
): ReportTable {
  const rows = [...keys].map((k) => ({ k, n: counts(k) })).filter((r) => r.n.some((n) => n > 0));
  if (order === 'biggest_first') rows.sort((a, b) => b.n[0]! - a.n[0]!);
  return { ...head, rows: rows.map(({ k, n }) => ({ key: k, label: label(k), cells: n.map(cell) })) };
}

/** One column counting how often each key occurs, in the given order. */
const tallyTable = <K extends string>(
  head: TableHead,
  found: Iterable<K>,
  order: readonly K[],
  label: (k: K) => string,
) => {
  const counts = tally(found);
  return breakdown(head, order, (k) => [counts.get(k) ?? 0], label);
};

/** Offers, refusals and allocations grouped by a key, the biggest groups first, ties by label. */
function offersBy(head: TableHead, rows: OfferCounts[], key: (r: OfferCounts) => string, label: (k: string) => string) {
  const groups = new Map<string, [number, number, number]>();
  for (const r of rows) {
    const g = groups.get(key(r)) ?? [0, 0, 0];
    groups.set(key(r), [g[0] + r.offers, g[1] + r.refusals, g[2] + r.allocations]);
  }
  const byLabel = [...groups.keys()].sort((a, b) => label(a).localeCompare(label(b), 'fr'));
  return breakdown(head, byLabel, (k) => groups.get(k)!, label, 'biggest_first');
}

function budgetBand(euros: number | null): keyof typeof t.budgetBands {
  if (euros === null) return 'unknown';
  if (euros < 400) return 'under400';
  if (euros < 500) return 'from400';
  if (euros < 600) return 'from500';
  return 'from600';
}

/**
 * Refusal analytics and the demand profile for a landlord (landlord staff: their own organisation only;
 * others: one landlord chosen, or all). Every count under the threshold is withheld (docs/decisions/023).
 */
export async function offerReport(db: Db, actor: Actor, landlordId: string | null): Promise<OfferReport> {
  const scope = housingScopeOf(actor);
  const organizations = (await listOrganizations(db, actor.workspaceId)).filter(
    (o) => o.kind === 'landlord' && (scope.allLandlords || scope.organizationIds.includes(o.id)),
  );
  const landlords = organizations.map((o) => ({ id: o.id, name: o.name }));
  const chosen = landlordId && landlords.some((l) => l.id === landlordId) ? landlordId : null;
  const landlordIds = chosen ? [chosen] : scope.allLandlords ? null : scope.organizationIds;
  const [counts, refusals, demand] = await Promise.all([
    offerCounts(db, actor.workspaceId, landlordIds),
    refusalFacts(db, actor.workspaceId, landlordIds),
    demandFacts(db, actor.workspaceId),
  ]);
  const communeCodes = new Set(demand.flatMap((d) => d.communes));
  const communeNames = new Map(
    await Promise.all([...communeCodes].map(async (c) => [c, (await communeNameOf(c)) ?? c] as const)),
  );
  return buildOfferReport({
    landlords,
    chosen,
    allLandlords: landlordIds === null,
    counts,
    refusals,
    demand,
    communeNames,
  });
}

export type ReportFacts = {
  /** The landlords the user may choose among, and the one chosen (null: all of them). */
  landlords: { id: string; name: string }[];
  chosen: string | null;
  /** Whether the figures cover every landlord, so that a per-landlord table is shown. */
  allLandlords: boolean;
  counts: OfferCounts[];
  refusals: RefusalFacts[];
  demand: DemandFacts[];
  communeNames: Map<string, string>;
};

/** The published report from the facts read: counts under the threshold withheld, nothing about a person. */
export function buildOfferReport(facts: ReportFacts): OfferReport {
  const { landlords, chosen, counts, refusals, demand } = facts;

  const total = (k: 'offers' | 'refusals' | 'allocations') => counts.reduce((n, r) => n + r[k], 0);
  const [offers, refused, allocations] = [total('offers'), total('refusals'), total('allocations')];
  const stages = tally(refusals.map((r) => r.stage as RefusalStage));
  const beforeVisit = stages.get('before_visit') ?? 0;
  const share = (v: number | null) => (v === null ? null : t.percent(v));

  const primary = tally(refusals.map((r) => r.primaryReason).filter(isRefusalReasonCode));
  const mentions = tally(
    refusals.flatMap((r) => [...new Set([r.primaryReason, ...r.secondaryReasons])]).filter(isRefusalReasonCode),
  );
  const familyPrimary = tally([...primary].flatMap(([code, n]) => Array<string>(n).fill(familyOf(code))));
  const names = new Map(landlords.map((l) => [l.id, l.name]));
  const programmeNames = new Map(counts.map((r) => [r.programmeId, r.programmeName]));

  const communes = tally(demand.flatMap((d) => d.communes));
  const capacityKeys = (d: (typeof demand)[number]) =>
    [
      d.needsStepFreeShower && 'stepFreeShower',
      d.needsLift && 'lift',
      (d.walkingAid === 'manual_wheelchair' || d.walkingAid === 'electric_wheelchair') && 'wheelchair',
      d.maxStepsClimbable === 0 && 'noSteps',
    ].filter((k): k is keyof typeof t.capacities => Boolean(k));

  const offerColumns = [t.columns.offers, t.columns.refusals, t.columns.allocations];
  const reasonColumns = [t.columns.primary, t.columns.mentions];
  const head = (key: keyof typeof t.tables, columns: string[]) => ({ key, title: t.tables[key], columns });
  const mentioning = (prefix: string) =>
    refusals.filter((r) => [r.primaryReason, ...r.secondaryReasons].some((c) => c.startsWith(prefix))).length;

  const tables: ReportTable[] = [
    breakdown(
      head('families', reasonColumns),
      refusalFamilies,
      (f) => [familyPrimary.get(f) ?? 0, mentioning(`${f}.`)],
      (f) => m.families[f],
    ),
    breakdown(
      head('reasons', reasonColumns),
      refusalReasonCodes,
      (c) => [primary.get(c) ?? 0, mentions.get(c) ?? 0],
      (c) => `${c} — ${m.reasons[c]}`,
    ),
    tallyTable(
      head('stages', [t.columns.refusals]),
      refusals.map((r) => r.stage as RefusalStage),
      refusalStages,
      (s) => m.stages[s],
    ),
    tallyTable(
      head('wouldAcceptIf', [t.columns.refusals]),
      refusals.flatMap((r) => r.attributes as WouldAcceptIfAttribute[]),
      wouldAcceptIfAttributes,
      (a) => m.attributes[a],
    ),
    offersBy(
      head('programmes', offerColumns),
      counts,
      (r) => r.programmeId,
      (k) => programmeNames.get(k) ?? k,
    ),
    offersBy(
      head('typologies', offerColumns),
      counts,
      (r) => r.typology,
      (k) => k,
    ),
    ...(facts.allLandlords
      ? [
          offersBy(
            head('landlords', offerColumns),
            counts,
            (r) => r.landlordId,
            (k) => names.get(k) ?? k,
          ),
        ]
      : []),
    tallyTable(
      head('demandTypologies', [t.columns.applications]),
      demand.flatMap((d) => d.typologies),
      ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
      (k) => k,
    ),
    breakdown(
      head('demandCommunes', [t.columns.applications]),
      communes.keys(),
      (c) => [communes.get(c)!],
      (c) => facts.communeNames.get(c) ?? c,
      'biggest_first',
    ),
    tallyTable(
      head('demandCapacities', [t.columns.applications]),
      demand.flatMap(capacityKeys),
      Object.keys(t.capacities) as (keyof typeof t.capacities)[],
      (k) => t.capacities[k],
    ),
    tallyTable(
      head('demandBudgets', [t.columns.applications]),
      demand.map((d) => budgetBand(d.maxBudgetEur)),
      Object.keys(t.budgetBands) as (keyof typeof t.budgetBands)[],
      (k) => t.budgetBands[k],
    ),
  ];

  return {
    landlords,
    landlordId: chosen,
    threshold: 5,
    indicators: [
      { key: 'offers', label: t.indicators.offers, value: cell(offers)?.toLocaleString('fr-FR') ?? null },
      { key: 'refusals', label: t.indicators.refusals, value: cell(refused)?.toLocaleString('fr-FR') ?? null },
      { key: 'refusalRate', label: t.indicators.refusalRate, value: share(protectShare(refused, offers)) },
      {
        key: 'offersPerAllocation',
        label: t.indicators.offersPerAllocation,
        value:
          allocations >= 5 && offers >= 5
            ? (offers / allocations).toLocaleString('fr-FR', { maximumFractionDigits: 1 })
            : null,
      },
      {
        key: 'beforeVisit',
        label: t.indicators.beforeVisit,
        value: share(protectShare(beforeVisit, refusals.length)),
      },
      {
        key: 'afterVisit',
        label: t.indicators.afterVisit,
        value: share(protectShare(refusals.length - beforeVisit, refusals.length)),
      },
      { key: 'qualified', label: t.indicators.qualified, value: cell(demand.length)?.toLocaleString('fr-FR') ?? null },
    ],
    tables,
  };
}

const shown = (v: number | string | null) => v ?? m.suppressed;

/** The report as one CSV: the indicators, then each table under its title. */
export function reportCsv(report: OfferReport): string {
  let csv = CSV_BOM + csvLine([t.title]);
  for (const i of report.indicators) csv += csvLine([i.label, shown(i.value)]);
  for (const table of report.tables) {
    csv += csvLine([]) + csvLine([table.title]) + csvLine([t.columns.label, ...table.columns]);
    for (const row of table.rows) csv += csvLine([row.label, ...row.cells.map(shown)]);
  }
  return csv;
}

/** The report as a workbook: the indicators on a first sheet, then one sheet per table. */
export async function reportXlsx(report: OfferReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet(t.sheetSummary);
  summary.addRow([t.title]).font = { bold: true };
  for (const i of report.indicators) summary.addRow([i.label, shown(i.value)]);
  summary.getColumn(1).width = 50;
  for (const table of report.tables) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = book.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, '-').slice(0, 31));
    sheet.addRow([t.columns.label, ...table.columns]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([row.label, ...row.cells.map(shown)]);
    sheet.getColumn(1).width = 60;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
