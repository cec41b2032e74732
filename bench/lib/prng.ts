/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so that a seed always yields the same data.
 * Math.random cannot be seeded, and the data must be reproducible from one run to the next.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  uint32(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
};

/** FNV-1a over the parts, to derive independent streams from one seed (e.g. per scale, per client). */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    h ^= char.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const uint32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i += 1) uint32();
  const next = () => uint32() / 4294967296;
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/** Picks an index with probability proportional to its weight (binary search on the cumulative sums). */
export function weightedPicker(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += Math.max(0, w);
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error('weights must not all be zero');
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Version-7 UUIDs (time-ordered, like the app's newId) made from the PRNG: a fixed epoch plus a counter
 * for the time bits, so ids are both realistic in index order and reproducible.
 */
export function uuidV7Factory(rng: Rng, epochMs: number): () => string {
  let counter = 0;
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return () => {
    counter += 1;
    const ms = epochMs + counter;
    const high = Math.floor(ms / 0x10000);
    const low = ms % 0x10000;
    const r1 = rng.uint32();
    const r2 = rng.uint32();
    const r3 = rng.uint32();
    return (
      `${hex(high, 8)}-${hex(low, 4)}-7${hex(r1 & 0xfff, 3)}-` +
      `${hex(0x8000 | ((r1 >>> 12) & 0x3fff), 4)}-${hex(r2 & 0xffff, 4)}${hex(r3, 8)}`
    );
  };
}
