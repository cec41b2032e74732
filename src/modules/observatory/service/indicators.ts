import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { CSV_BOM, csvLine } from '#src/shared/csv.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDayRange } from '#src/shared/time/paris.ts';
import {
  countClosures,
  countEntriesByChannel,
  countPathwaysByStage,
  medianDaysPerStage,
} from '#src/modules/pathways/index.ts';
import { referralCounts } from '#src/modules/referrals/index.ts';
import { countHomeVisitDifficulties } from '#src/modules/forms/index.ts';
import type { Indicators } from '#src/modules/observatory/api/indicators.schema.ts';
import { monthsOf, type Period } from '#src/modules/observatory/domain/periods.ts';
import { monthlyTotals, totalsBy } from '#src/modules/observatory/domain/series.ts';

/**
 * The indicators of the actor's workspace over a period. Only counts and durations leave here,
 * never a person: the figures describe the territory's activity as a whole.
 */
export async function getIndicators(db: Db, actor: Actor, period: Period): Promise<Indicators> {
  const workspaceId = actor.workspaceId;
  const range = parisDayRange(period.from, period.to);
  const received = { from: new Date(range.fromInstant!), to: new Date(range.untilInstant!) };
  const [referrals, decisions, referralClosures, entries, stages, medians, closures, homeVisits] = await Promise.all([
    referralCounts(db, workspaceId, { ...received, by: 'channel' }),
    referralCounts(db, workspaceId, { ...received, by: 'status' }),
    referralCounts(db, workspaceId, { ...received, by: 'closureReason' }),
    countEntriesByChannel(db, workspaceId, period),
    countPathwaysByStage(db, workspaceId),
    medianDaysPerStage(db, workspaceId, period),
    countClosures(db, workspaceId, period),
    countHomeVisitDifficulties(db, workspaceId, period),
  ]);
  return {
    period,
    referralsByChannel: totalsBy(referrals, (r) => r.key),
    referralDecisions: totalsBy(decisions, (r) => r.key),
    referralClosureReasons: totalsBy(referralClosures, (r) => r.key),
    entriesByChannel: totalsBy(entries, (r) => r.channel),
    entriesByMonth: monthlyTotals(entries, monthsOf(period)),
    pathwaysByStage: stages.map(({ stageId, label, count }) => ({ stageId, label, count })),
    medianDaysPerStage: medians,
    // A closure recorded before the field was required has no value: it still counts, as "not recorded".
    outcomes: totalsBy(closures, (r) => r.outcome ?? ''),
    closureReasons: totalsBy(closures, (r) => r.closureReason ?? ''),
    homeVisitDifficulties: homeVisits,
  };
}

/** Persons by difficulty then by room, for a spreadsheet; like the page, counts only. */
export async function homeVisitDifficultiesCsv(db: Db, actor: Actor, period: Period): Promise<string> {
  const { byDifficulty, byRoom } = await countHomeVisitDifficulties(db, actor.workspaceId, period);
  const t = messages.indicators.homeVisits.csv;
  const lines = [
    ...byDifficulty.map((d) => csvLine([t.dimensions.difficulty, d.label, d.key, d.persons])),
    ...byRoom.map((r) => csvLine([t.dimensions.room, r.label, r.key, r.persons])),
  ];
  return CSV_BOM + csvLine(t.header) + lines.join('');
}
