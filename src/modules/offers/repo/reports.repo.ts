import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import { offerRefusals, offers } from '#src/modules/offers/db/schema.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Offers of the given landlords (every landlord of the workspace when null). */
const offersOf = (workspaceId: string, landlordIds: string[] | null): SQL =>
  landlordIds
    ? sql`${offers.workspaceId} = ${workspaceId} and ${offers.landlordOrganizationId} in (${sql.join(
        landlordIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`${offers.workspaceId} = ${workspaceId}`;

export type OfferCounts = {
  landlordId: string;
  programmeId: string;
  programmeName: string;
  typology: string;
  offers: number;
  refusals: number;
  allocations: number;
};

/** Offers, refusals (refused or unanswered) and allocations (accepted or moved in) per landlord, programme, typology. */
export async function offerCounts(db: Db, workspaceId: string, landlordIds: string[] | null) {
  if (landlordIds?.length === 0) return [];
  return rowsOf<OfferCounts>(
    await db.execute(sql`
      select ${offers.landlordOrganizationId}::text as "landlordId", ${offers.programmeId}::text as "programmeId",
        (select p.name from housing_programmes p where p.workspace_id = ${outer(offers.workspaceId)} and p.id = ${outer(offers.programmeId)}) as "programmeName",
        ${offers.typology} as typology, count(*)::int as offers,
        count(*) filter (where ${offers.status} in ('refused', 'no_answer'))::int as refusals,
        count(*) filter (where ${offers.status} in ('accepted', 'moved_in'))::int as allocations
      from ${offers}
      where ${offersOf(workspaceId, landlordIds)}
      group by 1, 2, 3, 4`),
  );
}

export type RefusalFacts = {
  primaryReason: string;
  secondaryReasons: string[];
  stage: string;
  attributes: string[];
  fixableByLandlord: string;
};

/** The coded facts of each refusal (never the person's words nor who they are). */
export async function refusalFacts(db: Db, workspaceId: string, landlordIds: string[] | null) {
  if (landlordIds?.length === 0) return [];
  return rowsOf<RefusalFacts>(
    await db.execute(sql`
      select r.primary_reason as "primaryReason", r.secondary_reasons as "secondaryReasons", r.stage,
        r.fixable_by_landlord as "fixableByLandlord",
        coalesce((select array_agg(distinct w->>'attribute') from jsonb_array_elements(r.would_accept_if) w), '{}') as attributes
      from ${offerRefusals} r
      join ${offers} on ${offers.workspaceId} = r.workspace_id and ${offers.id} = r.offer_id
      where ${offersOf(workspaceId, landlordIds)}`),
  );
}

export type DemandFacts = {
  typologies: string[];
  communes: string[];
  maxBudgetEur: number | null;
  needsStepFreeShower: boolean;
  needsLift: boolean;
  walkingAid: string;
  maxStepsClimbable: number;
};

/**
 * The capacities and wishes of qualified applications: still live (active or to renew) with their
 * capacities recorded — the applications module's own definition of "qualified". No person is read.
 */
export async function demandFacts(db: Db, workspaceId: string) {
  return rowsOf<DemandFacts>(
    await db.execute(sql`
      select wished_typologies as typologies, wished_communes as communes, max_budget_eur as "maxBudgetEur",
        needs_step_free_shower as "needsStepFreeShower", needs_lift as "needsLift", walking_aid as "walkingAid",
        max_steps_climbable as "maxStepsClimbable"
      from housing_applications
      where workspace_id = ${workspaceId} and status in ('active', 'to_renew')
        and max_steps_climbable is not null and walking_aid is not null
        and needs_step_free_shower is not null and needs_lift is not null`),
  );
}
