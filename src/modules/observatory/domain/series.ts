/** Small reshapings of counted rows for charts and tables. */

export type Count = { key: string; count: number };

/** Sums counts per key, largest first (ties by key, so the order is stable). */
export function totalsBy<T extends { count: number }>(rows: readonly T[], keyOf: (row: T) => string): Count[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(keyOf(row), (totals.get(keyOf(row)) ?? 0) + row.count);
  return [...totals]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** One total per month of `months`, zero where nothing was counted. */
export function monthlyTotals(rows: readonly { month: string; count: number }[], months: readonly string[]) {
  const totals = new Map(totalsBy(rows, (r) => r.month).map((t) => [t.key, t.count]));
  return months.map((month) => ({ month, count: totals.get(month) ?? 0 }));
}

export const sumOf = (rows: readonly { count: number }[]) => rows.reduce((sum, r) => sum + r.count, 0);
