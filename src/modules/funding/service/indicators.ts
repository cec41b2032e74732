import type { Actor } from '#src/shared/auth/actor.ts';
import { CSV_BOM, csvLine } from '#src/shared/csv.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { bandOf, outOfPocketBands } from '#src/modules/funding/domain/application.ts';
import type { FundingIndicators, Period } from '#src/modules/funding/api/funding.schema.ts';
import { applicationsByFunder, latestOutOfPocket } from '#src/modules/funding/repo/funding.repo.ts';

/** Amounts requested and obtained by funder, decision delays and the out-of-pocket distribution of a period. */
export async function fundingIndicators(db: Db, actor: Actor, period: Period): Promise<FundingIndicators> {
  const [byFunder, outOfPocket] = await Promise.all([
    applicationsByFunder(db, actor.workspaceId, period.from, period.to),
    latestOutOfPocket(db, actor.workspaceId, period.from, period.to),
  ]);
  const counts = outOfPocketBands.map(() => 0);
  for (const cents of outOfPocket) counts[bandOf(cents)]! += 1;
  return {
    ...period,
    byFunder,
    outOfPocket: outOfPocketBands.map((from, i) => ({
      from,
      to: outOfPocketBands[i + 1] ?? null,
      plans: counts[i]!,
    })),
  };
}

const p = messages.funding.pages;
const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** The same figures as CSV (UTF-8 with BOM, ';' separated, euros with a decimal comma). */
export function fundingIndicatorsCsv(data: FundingIndicators): string {
  return (
    CSV_BOM +
    csvLine([p.funder, p.applicationsCount, p.requested, p.obtained, p.medianDelay]) +
    data.byFunder
      .map((r) =>
        csvLine([r.funder, r.applications, euros(r.requestedCents), euros(r.obtainedCents), r.medianDecisionDays]),
      )
      .join('') +
    csvLine([]) +
    csvLine([p.band, p.plans]) +
    data.outOfPocket.map((b) => csvLine([p.bandLabel(b.from, b.to), b.plans])).join('')
  );
}
