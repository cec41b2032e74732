import { sql } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { pathwayStages, pathways, pathwayTransitions } from '#src/modules/pathways/db/schema.ts';

/** A period of calendar dates, both ends included (ISO YYYY-MM-DD). */
export type Period = { from: string; to: string };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Pathways in each stage now, every stage listed in order (closed pathways sit in the closing stage). */
export async function countPathwaysByStage(db: Db, workspaceId: string) {
  return rowsOf<{ stageId: string; label: string; position: number; count: number }>(
    await db.execute(sql`
      select s.id as "stageId", s.label, s.position, count(p.id)::int as count
      from ${pathwayStages} s
      left join ${pathways} p on p.workspace_id = s.workspace_id and p.stage_id = s.id
      where s.workspace_id = ${workspaceId} and (s.active or p.id is not null)
      group by s.id, s.label, s.position
      order by s.position`),
  );
}

/**
 * Median days spent per stage visit, from the transition history: a visit runs from the transition into
 * the stage to the next one; visits that ended within the period count (the closing stage has none).
 */
export async function medianDaysPerStage(db: Db, workspaceId: string, period: Period) {
  return rowsOf<{ stageId: string; label: string; visits: number; medianDays: number }>(
    await db.execute(sql`
      with visits as (
        select t.to_stage_id as stage_id, t.effective_on as entered_on,
               lead(t.effective_on) over (partition by t.pathway_id order by t.effective_on, t.created_at, t.id) as left_on
        from ${pathwayTransitions} t
        where t.workspace_id = ${workspaceId}
      )
      select s.id as "stageId", s.label, count(*)::int as visits,
             round(percentile_cont(0.5) within group (order by (v.left_on - v.entered_on)))::int as "medianDays"
      from visits v
      join ${pathwayStages} s on s.workspace_id = ${workspaceId} and s.id = v.stage_id
      where v.left_on between ${period.from}::date and ${period.to}::date
      group by s.id, s.label, s.position
      order by s.position`),
  );
}

/** Closures per month of the period, by outcome and closure reason (kept on the transition, so reopening does not erase them). */
export async function countClosures(db: Db, workspaceId: string, period: Period) {
  return rowsOf<{ month: string; outcome: string; closureReason: string; count: number }>(
    await db.execute(sql`
      select to_char(t.effective_on, 'YYYY-MM') as month, t.outcome, t.closure_reason as "closureReason",
             count(*)::int as count
      from ${pathwayTransitions} t
      where t.workspace_id = ${workspaceId} and t.outcome is not null
        and t.effective_on between ${period.from}::date and ${period.to}::date
      group by 1, 2, 3
      order by 1, 2, 3`),
  );
}

/** Pathways opened per month of the period, by entry channel. */
export async function countEntriesByChannel(db: Db, workspaceId: string, period: Period) {
  return rowsOf<{ month: string; channel: string; count: number }>(
    await db.execute(sql`
      select to_char(p.opened_on, 'YYYY-MM') as month, p.channel, count(*)::int as count
      from ${pathways} p
      where p.workspace_id = ${workspaceId} and p.opened_on between ${period.from}::date and ${period.to}::date
      group by 1, 2
      order by 1, 2`),
  );
}
