import type { Actor } from '#src/shared/auth/actor.ts';
import { csvLine, CSV_BOM } from '#src/shared/csv.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { findProductForActor } from '#src/modules/catalogue/index.ts';
import type { Evidence, KeyedCell, Period, TrialIndicators } from '#src/modules/trials/api/trial.schema.ts';
import { discloseCount, discloseShare, type Cell } from '#src/modules/trials/domain/disclosure.ts';
import {
  countTrials,
  followedUp,
  remarksOfProduct,
  totalTrials,
  trialsFollowedUpIn,
  trialsOfProduct,
  trialsTriedIn,
  type KeyCount,
} from '#src/modules/trials/repo/trials.repo.ts';

/** The latest written remarks shown with a product's evidence. */
const REMARKS_SHOWN = 20;

const keyed = (rows: KeyCount[]): KeyedCell[] =>
  rows.map((r) => ({ key: r.key, ...discloseCount(r.count, r.allSeen) }));
const cellOf = (total: { count: number; allSeen: boolean }): Cell => discloseCount(total.count, total.allSeen);
const cellFor = (cells: KeyedCell[], key: string): Cell => {
  const cell = cells.find((c) => c.key === key);
  return cell
    ? cell.withheld
      ? { count: null, withheld: true }
      : { count: cell.count!, withheld: false }
    : { count: 0, withheld: false };
};

/**
 * What the trials of a product say: counts of trials, outcomes, satisfaction, coded remarks and usage at
 * follow-up, small counts withheld unless the reader may see every trial behind them. Written remarks go
 * only to readers of person files, and only from trials they may see.
 */
export async function productEvidence(db: Db, actor: Actor, productId: string): Promise<Evidence> {
  await findProductForActor(db, actor, productId);
  const filter = trialsOfProduct(actor.workspaceId, productId);
  const reader = actor.userId;
  const [total, outcomes, satisfaction, reasons, followUps, usages, abandonment, remarks] = await Promise.all([
    totalTrials(db, filter, reader),
    countTrials(db, filter, 'outcome', reader),
    countTrials(db, filter, 'satisfaction', reader),
    countTrials(db, filter, 'reason', reader),
    totalTrials(db, filter, reader, followedUp),
    countTrials(db, filter, 'usage', reader),
    countTrials(db, filter, 'abandonmentReason', reader),
    actor.permissions.has('person.read')
      ? remarksOfProduct(db, actor.workspaceId, productId, reader, REMARKS_SHOWN)
      : Promise.resolve([]),
  ]);
  const usageCells = keyed(usages);
  const followUpCell = cellOf(followUps);
  return {
    productId,
    trials: cellOf(total),
    outcomes: keyed(outcomes),
    satisfaction: keyed(satisfaction).sort((a, b) => a.key.localeCompare(b.key)),
    reasons: keyed(reasons),
    followUps: followUpCell,
    usages: usageCells,
    abandonmentReasons: keyed(abandonment),
    abandonmentRate: discloseShare(cellFor(usageCells, 'abandoned'), followUpCell),
    remarks: remarks as Evidence['remarks'],
  };
}

/**
 * The observatory's figures for a period: needs (persons, or professionals' trials) by ISO class and by
 * activity of the products tried, trials by outcome, and usage at the follow-ups recorded in the period.
 */
export async function trialIndicators(db: Db, actor: Actor, period: Period): Promise<TrialIndicators> {
  const tried = trialsTriedIn(actor.workspaceId, period.from, period.to);
  const followed = trialsFollowedUpIn(actor.workspaceId, period.from, period.to);
  const reader = actor.userId;
  const [isoClasses, activities, outcomes, usages, followUps] = await Promise.all([
    countTrials(db, tried, 'isoClass', reader, { distinctBeneficiaries: true }),
    countTrials(db, tried, 'activity', reader, { distinctBeneficiaries: true }),
    countTrials(db, tried, 'outcome', reader),
    countTrials(db, followed, 'usage', reader),
    totalTrials(db, followed, reader),
  ]);
  const usageCells = keyed(usages);
  return {
    period,
    needsByIsoClass: keyed(isoClasses),
    needsByActivity: keyed(activities),
    trialsByOutcome: keyed(outcomes),
    followUps: cellOf(followUps),
    followUpsByUsage: usageCells,
    abandonmentRate: discloseShare(cellFor(usageCells, 'abandoned'), cellOf(followUps)),
  };
}

const c = messages.trials.csv;
const shown = (cell: { count: number | null; withheld: boolean }) => (cell.withheld ? c.withheld : cell.count);

/** The same figures as CSV, one line per value; withheld counts read "< 5" and carry no number. */
export function trialIndicatorsCsv(data: TrialIndicators): string {
  const lines = [csvLine([...c.header])];
  const section = (title: string, cells: KeyedCell[], label: (key: string) => string) => {
    for (const cell of cells) lines.push(csvLine([title, label(cell.key), shown(cell)]));
  };
  section(c.sections.isoClass, data.needsByIsoClass, messages.trials.observatory.otherClass);
  section(c.sections.activity, data.needsByActivity, messages.trials.observatory.otherActivity);
  section(c.sections.outcome, data.trialsByOutcome, (key) => messages.trials.outcomes[key as 'suitable'] ?? key);
  section(c.sections.usage, data.followUpsByUsage, (key) => messages.trials.usages[key as 'in_use'] ?? key);
  lines.push(
    csvLine([
      c.sections.abandonmentRate,
      '',
      data.followUps.count === 0
        ? null
        : data.abandonmentRate === null
          ? c.withheld
          : `${Math.round(data.abandonmentRate * 1000) / 10} %`,
    ]),
  );
  return CSV_BOM + lines.join('');
}
