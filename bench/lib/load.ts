/**
 * A bounded closed-loop load runner: N virtual clients, each doing one iteration after another
 * with no think time, until a deadline or an iteration cap, whichever comes first.
 *
 * Hand-written rather than autocannon: each virtual client holds its own state (its session cookie,
 * its own search terms), latency is wanted per request type, and the very same loop must drive the
 * bare-SQL baseline so that both sides are measured with identical concurrency and timing.
 */

export type Sample = { label: string; ms: number };

export class Recorder {
  private readonly samples = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  readonly errorExamples: string[] = [];

  /** Times one call with the high-resolution clock; a throw counts as an error, not a sample. */
  async time<T>(label: string, call: () => Promise<T>): Promise<T | undefined> {
    const start = performance.now();
    try {
      const result = await call();
      this.add(label, performance.now() - start);
      return result;
    } catch (error) {
      this.fail(label, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  add(label: string, ms: number) {
    (this.samples.get(label) ?? this.samples.set(label, []).get(label)!).push(ms);
  }

  fail(label: string, reason: string) {
    this.errors.set(label, (this.errors.get(label) ?? 0) + 1);
    if (!this.samples.has(label)) this.samples.set(label, []);
    if (this.errorExamples.length < 5) this.errorExamples.push(`${label}: ${reason}`);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((s, n) => s + n, 0);
  }

  summary(label: string, seconds: number): Summary {
    return summarize(label, this.samples.get(label) ?? [], this.errors.get(label) ?? 0, seconds);
  }

  labels(): string[] {
    return [...this.samples.keys()];
  }
}

export type Summary = {
  label: string;
  count: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(label: string, values: number[], errors: number, seconds: number): Summary {
  const sorted = Float64Array.from(values).sort();
  return {
    label,
    count: sorted.length,
    errors,
    perSecond: seconds > 0 ? sorted.length / seconds : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export type LoadLimits = { clients: number; durationMs: number; maxIterationsPerClient: number };

/** Runs `iteration(client, n)` in a closed loop for every client; resolves with the wall time in seconds. */
export async function runClosedLoop(
  limits: LoadLimits,
  iteration: (client: number, n: number) => Promise<void>,
): Promise<number> {
  const start = performance.now();
  const deadline = start + limits.durationMs;
  await Promise.all(
    Array.from({ length: limits.clients }, async (_, client) => {
      for (let n = 0; n < limits.maxIterationsPerClient && performance.now() < deadline; n += 1) {
        await iteration(client, n);
      }
    }),
  );
  return (performance.now() - start) / 1000;
}
