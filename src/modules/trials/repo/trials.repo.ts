import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { outer } from '#src/shared/db/columns.ts';
import { caseTeamIncludes } from '#src/modules/people/index.ts';
import { trials } from '#src/modules/trials/db/schema.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export type TrialInsert = typeof trials.$inferInsert;
export type TrialRow = typeof trials.$inferSelect;

export async function insertTrials(db: Db, rows: TrialInsert[]): Promise<void> {
  if (rows.length > 0) await db.insert(trials).values(rows);
}

export async function findTrial(db: Db, workspaceId: string, id: string): Promise<TrialRow | null> {
  const [row] = await db
    .select()
    .from(trials)
    .where(and(eq(trials.workspaceId, workspaceId), eq(trials.id, id)));
  return row ?? null;
}

export async function updateTrial(db: Db, workspaceId: string, id: string, values: Partial<TrialInsert>) {
  await db
    .update(trials)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(trials.workspaceId, workspaceId), eq(trials.id, id)));
}

/**
 * A trial the reader may see in detail: one with a professional (no person file), or one with a person
 * whose case team the reader is on.
 */
export const trialSeenBy = (userId: string) =>
  sql`(${trials.personId} is null or ${caseTeamIncludes(trials.workspaceId, trials.personId, userId)})`;

// Products, users and persons belong to other modules, reached only through their index: the queries name
// their tables in SQL rather than importing their table objects.
const productName = sql`(select p.name from catalogue_products p where p.workspace_id = ${outer(trials.workspaceId)} and p.id = ${outer(trials.productId)})`;
const productIsoCode = sql`(select p.primary_iso_code from catalogue_products p where p.workspace_id = ${outer(trials.workspaceId)} and p.id = ${outer(trials.productId)})`;
const userName = (column: SQL | typeof trials.therapistUserId) =>
  sql`(select u.name from auth_user u where u.id = ${column})`;
const personName = sql`(select p.first_name || ' ' || p.last_name from persons p where p.workspace_id = ${outer(trials.workspaceId)} and p.id = ${outer(trials.personId)})`;

export type TrialView = {
  id: string;
  personId: string | null;
  professionalName: string | null;
  professionalOrganization: string | null;
  productId: string;
  productName: string;
  productIsoCode: string;
  therapistUserId: string;
  therapistName: string;
  pathwayId: string | null;
  context: string;
  triedOn: string;
  outcome: string;
  reasons: string[];
  reasonNote: string | null;
  satisfaction: number | null;
  opinion: string | null;
  acquiredOn: string | null;
  followUpDueOn: string | null;
  followedUpOn: string | null;
  usage: string | null;
  abandonmentReasons: string[];
  followUpNote: string | null;
};

const viewColumns = {
  id: trials.id,
  personId: trials.personId,
  professionalName: trials.professionalName,
  professionalOrganization: trials.professionalOrganization,
  productId: trials.productId,
  productName: sql<string>`${productName}`,
  productIsoCode: sql<string>`${productIsoCode}`,
  therapistUserId: trials.therapistUserId,
  therapistName: sql<string>`${userName(trials.therapistUserId)}`,
  pathwayId: trials.pathwayId,
  context: trials.context,
  triedOn: trials.triedOn,
  outcome: trials.outcome,
  reasons: trials.reasons,
  reasonNote: trials.reasonNote,
  satisfaction: trials.satisfaction,
  opinion: trials.opinion,
  acquiredOn: trials.acquiredOn,
  followUpDueOn: trials.followUpDueOn,
  followedUpOn: trials.followedUpOn,
  usage: trials.usage,
  abandonmentReasons: trials.abandonmentReasons,
  followUpNote: trials.followUpNote,
};

/** A person's trials, latest first. */
export async function listTrialsOfPerson(db: Db, workspaceId: string, personId: string): Promise<TrialView[]> {
  return db
    .select(viewColumns)
    .from(trials)
    .where(and(eq(trials.workspaceId, workspaceId), eq(trials.personId, personId)))
    .orderBy(sql`${trials.triedOn} desc, ${trials.id} desc`);
}

export type FollowUpDue = TrialView & { personName: string | null };

/**
 * Follow-ups still to record up to a day, for trials the user may see, earliest first: the therapist who led
 * the trial is reminded, but a colleague on the case team may record it.
 */
export async function listFollowUpsDue(
  db: Db,
  workspaceId: string,
  userId: string,
  until: string,
): Promise<FollowUpDue[]> {
  return db
    .select({ ...viewColumns, personName: sql<string | null>`${personName}` })
    .from(trials)
    .where(
      and(
        eq(trials.workspaceId, workspaceId),
        sql`${trials.followUpDueOn} <= ${until} and ${trials.usage} is null`,
        trialSeenBy(userId),
      ),
    )
    .orderBy(sql`${trials.followUpDueOn}, ${trials.id}`);
}

export type ReminderDue = {
  workspaceId: string;
  id: string;
  therapistUserId: string;
  followUpDueOn: string;
  productName: string;
  personName: string | null;
  professionalName: string | null;
};

/** Follow-ups due by `today` whose therapist has not been reminded yet, across workspaces. */
export async function dueFollowUpReminders(db: Db, today: string, limit: number): Promise<ReminderDue[]> {
  return db
    .select({
      workspaceId: trials.workspaceId,
      id: trials.id,
      therapistUserId: trials.therapistUserId,
      followUpDueOn: sql<string>`${trials.followUpDueOn}`,
      productName: sql<string>`${productName}`,
      personName: sql<string | null>`${personName}`,
      professionalName: trials.professionalName,
    })
    .from(trials)
    .where(
      sql`${trials.followUpDueOn} <= ${today} and ${trials.usage} is null and ${trials.followUpRemindedAt} is null`,
    )
    .orderBy(trials.followUpDueOn)
    .limit(limit);
}

/** Marks the reminder sent unless another run did first; true when this run claimed it. */
export async function claimFollowUpReminder(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const claimed = await db
    .update(trials)
    .set({ followUpRemindedAt: new Date() })
    .where(and(eq(trials.workspaceId, workspaceId), eq(trials.id, id), sql`${trials.followUpRemindedAt} is null`))
    .returning({ id: trials.id });
  return claimed.length > 0;
}

/** A count by key, and whether the reader may see every trial behind it. */
export type KeyCount = { key: string; count: number; allSeen: boolean };

/** Which trials a count covers. */
export type TrialFilter = SQL;

export const trialsOfProduct = (workspaceId: string, productId: string): TrialFilter =>
  sql`${trials.workspaceId} = ${workspaceId} and ${trials.productId} = ${productId}`;

export const trialsTriedIn = (workspaceId: string, from: string, to: string): TrialFilter =>
  sql`${trials.workspaceId} = ${workspaceId} and ${trials.triedOn} between ${from} and ${to}`;

export const trialsFollowedUpIn = (workspaceId: string, from: string, to: string): TrialFilter =>
  sql`${trials.workspaceId} = ${workspaceId} and ${trials.followedUpOn} between ${from} and ${to}`;

/** What a count groups trials by; `unnest` keys count a trial once per code it carries. */
export const trialKeys = {
  outcome: { key: sql`${trials.outcome}` },
  satisfaction: { key: sql`${trials.satisfaction}::text`, where: sql`${trials.satisfaction} is not null` },
  reason: { key: sql`k.key`, from: sql`cross join lateral unnest(${trials.reasons}) as k(key)` },
  usage: { key: sql`${trials.usage}`, where: sql`${trials.usage} is not null` },
  abandonmentReason: {
    key: sql`k.key`,
    from: sql`cross join lateral unnest(${trials.abandonmentReasons}) as k(key)`,
  },
  isoClass: { key: sql`left(${productIsoCode}, 2)` },
  activity: {
    key: sql`k.key`,
    from: sql`cross join lateral unnest((select p.activities from catalogue_products p where p.workspace_id = ${outer(trials.workspaceId)} and p.id = ${outer(trials.productId)})) as k(key)`,
  },
} satisfies Record<string, { key: SQL; from?: SQL; where?: SQL }>;
export type TrialKey = keyof typeof trialKeys;

/**
 * Trials counted by a key for a reader. `distinctBeneficiaries` counts each person (or professional trial)
 * once per key: a need, rather than the number of products tried for it.
 */
export async function countTrials(
  db: Db,
  filter: TrialFilter,
  by: TrialKey,
  readerId: string,
  options: { distinctBeneficiaries?: boolean } = {},
): Promise<KeyCount[]> {
  const { key, from, where } = trialKeys[by] as { key: SQL; from?: SQL; where?: SQL };
  const counted = options.distinctBeneficiaries
    ? sql`count(distinct coalesce(${trials.personId}, ${trials.id}))`
    : sql`count(*)`;
  return rowsOf<KeyCount>(
    await db.execute(sql`
      select ${key} as key, ${counted}::int as count, bool_and(${trialSeenBy(readerId)}) as "allSeen"
      from ${trials} ${from ?? sql``}
      where ${filter} ${where ? sql`and ${where}` : sql``}
      group by 1
      order by 2 desc, 1`),
  );
}

/** The total of trials a filter covers, and whether the reader may see all of them. */
export async function totalTrials(db: Db, filter: TrialFilter, readerId: string, where?: SQL) {
  const [row] = rowsOf<{ count: number; allSeen: boolean | null }>(
    await db.execute(sql`
      select count(*)::int as count, bool_and(${trialSeenBy(readerId)}) as "allSeen"
      from ${trials} where ${filter} ${where ? sql`and ${where}` : sql``}`),
  );
  return { count: row?.count ?? 0, allSeen: row?.allSeen ?? true };
}

export const followedUp = sql`${trials.usage} is not null`;

export type TrialRemark = { triedOn: string; outcome: string; reasonNote: string | null; opinion: string | null };

/** The written remarks of the trials a reader may see, latest first. */
export async function remarksOfProduct(
  db: Db,
  workspaceId: string,
  productId: string,
  readerId: string,
  limit: number,
): Promise<TrialRemark[]> {
  return db
    .select({
      triedOn: trials.triedOn,
      outcome: trials.outcome,
      reasonNote: trials.reasonNote,
      opinion: trials.opinion,
    })
    .from(trials)
    .where(
      and(
        sql`${trialsOfProduct(workspaceId, productId)}`,
        trialSeenBy(readerId),
        sql`(${trials.reasonNote} is not null or ${trials.opinion} is not null)`,
      ),
    )
    .orderBy(sql`${trials.triedOn} desc, ${trials.id} desc`)
    .limit(limit);
}
