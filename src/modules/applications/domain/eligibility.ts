/**
 * Workspace rules behind the two eligibility constraints of the matching (housing reference §7.2): the
 * resource ceilings of social-housing financings and the GIR limits of programme admission paths. The
 * official figures are not in Demeure's references: the workspace copies them, dated, from the arrêté.
 */

/** Financings whose resource ceilings the matching checks; other financings are not checked. */
export const ceilingFinancings = ['PLAI', 'PLUS', 'PLS'] as const;
export type CeilingFinancing = (typeof ceilingFinancings)[number];
export const isCeilingFinancing = (f: string | null): f is CeilingFinancing =>
  f !== null && (ceilingFinancings as readonly string[]).includes(f);

/** Ceilings are kept for households of 1 to 6 persons; a larger household is left "à vérifier". */
export const MAX_HOUSEHOLD_SIZE = 6;
/** GIR 1 is the most dependent, GIR 6 fully autonomous (AGGIR grid). */
export const GIR_MIN = 1;
export const GIR_MAX = 6;

export type IncomeCeiling = {
  financing: CeilingFinancing;
  householdSize: number;
  /** ISO date from which the value applies, until the next one for the same financing and size. */
  validFrom: string;
  ceilingEur: number;
};
export type GirRange = { min: number; max: number };

/** What the matching reads of the workspace's settings, on the matching day. */
export type EligibilityRules = {
  /** The ceiling in force for each financing and household size (see `ceilingsInForce`). */
  ceilings: ReadonlyMap<string, IncomeCeiling>;
  /** Résidence autonomie admission range when the residence itself has none on record. */
  residenceGir: GirRange | null;
  /** The highest GIR counted as a loss of autonomy for ASV priority programmes. */
  asvMaxGir: number | null;
};

export const noEligibilityRules: EligibilityRules = { ceilings: new Map(), residenceGir: null, asvMaxGir: null };

export const ceilingKey = (financing: CeilingFinancing, householdSize: number) => `${financing}:${householdSize}`;

/** For each financing and household size, the latest value whose date is on or before `onDate`. */
export function ceilingsInForce<C extends IncomeCeiling>(rows: readonly C[], onDate: string): Map<string, C> {
  const inForce = new Map<string, C>();
  for (const row of rows) {
    if (row.validFrom > onDate) continue;
    const key = ceilingKey(row.financing, row.householdSize);
    const current = inForce.get(key);
    if (!current || current.validFrom < row.validFrom) inForce.set(key, row);
  }
  return inForce;
}
