import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/shared/db/client.ts';
import { referrals } from '#src/modules/referrals/db/schema.ts';
import { referralUrgencies, type ReferralStatus } from '#src/modules/referrals/domain/referral.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type NewReferralRow = Omit<typeof referrals.$inferInsert, 'searchText'>;

/** Triage users see the whole workspace; a signaller sees only what they raised. */
export type ReferralScope = { workspaceId: string; raisedByUserId: string | null };

export type ReferralFilters = {
  channel?: string | undefined;
  urgency?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
};

function inScope(scope: ReferralScope): SQL {
  return and(
    eq(referrals.workspaceId, scope.workspaceId),
    scope.raisedByUserId ? eq(referrals.raisedByUserId, scope.raisedByUserId) : undefined,
  )!;
}

export async function insertReferral(db: Db, row: NewReferralRow): Promise<ReferralRow> {
  const [inserted] = await db.insert(referrals).values(row).returning();
  return inserted!;
}

export async function listReferrals(
  db: Db,
  scope: ReferralScope,
  filters: ReferralFilters,
): Promise<{ rows: ReferralRow[]; total: number }> {
  const needle = filters.q ? sql`immutable_unaccent(lower(${filters.q}))` : null;
  const where = and(
    inScope(scope),
    filters.channel ? eq(referrals.channel, filters.channel) : undefined,
    filters.urgency ? eq(referrals.urgency, filters.urgency) : undefined,
    filters.status ? eq(referrals.status, filters.status) : undefined,
    needle ? sql`${referrals.searchText} like '%' || ${needle} || '%'` : undefined,
  );
  // Most urgent first (the position in the ordered list of urgencies), then the newest.
  const urgencyOrder = sql`array_position(array[${sql.join(
    referralUrgencies.map((u) => sql`${u}`),
    sql`, `,
  )}]::text[], ${referrals.urgency})`;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(referrals)
      .where(where)
      .orderBy(desc(urgencyOrder), desc(referrals.createdAt), asc(referrals.id))
      .limit(filters.limit)
      .offset(filters.offset),
    db.select({ n: count() }).from(referrals).where(where),
  ]);
  return { rows, total: totals?.n ?? 0 };
}

export async function findReferral(db: Db, scope: ReferralScope, id: string): Promise<ReferralRow | null> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(inScope(scope), eq(referrals.id, id)));
  return row ?? null;
}

/** Locks the referral until the transaction ends, so two triage decisions cannot both pass the "still new" check. */
export async function findReferralForUpdate(db: Db, workspaceId: string, id: string): Promise<ReferralRow | null> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.workspaceId, workspaceId), eq(referrals.id, id)))
    .for('update');
  return row ?? null;
}

export type ReferralDecision = {
  status: ReferralStatus;
  decidedByUserId: string;
  decidedByName: string;
  consent?: string;
  personId?: string;
  pathwayId?: string;
  redirectedToOrganizationId?: string | null;
  redirectedToName?: string;
  redirectReason?: string;
  closureReason?: string;
  closureComment?: string | null;
};

export async function recordDecision(
  db: Db,
  workspaceId: string,
  id: string,
  decision: ReferralDecision,
): Promise<ReferralRow> {
  const [row] = await db
    .update(referrals)
    .set({ ...decision, decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(referrals.workspaceId, workspaceId), eq(referrals.id, id)))
    .returning();
  return row!;
}

export type ReferralCountDimension = 'channel' | 'status' | 'closureReason';

/**
 * Referrals received in [from, to), counted by one dimension: entries by channel, triage outcomes,
 * closures by reason. For the observatory's indicators.
 */
export async function referralCounts(
  db: Db,
  workspaceId: string,
  period: { from: Date; to: Date; by: ReferralCountDimension },
): Promise<{ key: string; count: number }[]> {
  const column = { channel: referrals.channel, status: referrals.status, closureReason: referrals.closureReason }[
    period.by
  ];
  const rows = await db
    .select({ key: column, count: count() })
    .from(referrals)
    .where(
      and(
        eq(referrals.workspaceId, workspaceId),
        gte(referrals.createdAt, period.from),
        lt(referrals.createdAt, period.to),
        period.by === 'closureReason' ? eq(referrals.status, 'closed') : undefined,
      ),
    )
    .groupBy(column)
    .orderBy(column);
  return rows.map((r) => ({ key: r.key ?? '', count: r.count }));
}
