import {
  aggirGroups,
  aggirRanks,
  aggirWeights,
  scoringVariables,
  type AggirGroup,
} from '#src/modules/assessments/domain/aggir-tables.ts';

/** A: does it alone, fully, habitually and correctly; B: partly; C: does not do it. */
export const modalities = ['A', 'B', 'C'] as const;
export type Modality = (typeof modalities)[number];

/** The 10 discriminant variables; the last two weigh nothing in the algorithm but are part of the grid. */
export const discriminantVariables = [...scoringVariables, 'deplacementExterieur', 'communication'] as const;
export type DiscriminantVariable = (typeof discriminantVariables)[number];

/** The 7 illustrative variables: recorded for the care plan, never scored. */
export const illustrativeVariables = [
  'gestion',
  'cuisine',
  'menage',
  'transports',
  'achats',
  'suiviTraitement',
  'activitesTempsLibre',
] as const;
export type IllustrativeVariable = (typeof illustrativeVariables)[number];

/**
 * How the parts of a variable combine into its letter: the rules of the "Guide de remplissage de la
 * grille nationale AGGIR" in CASF annexe 2-1 (text in force before décret 2008-821, read verbatim).
 * Cohérence and orientation have no part here: the rule combining communication/comportement and
 * temps/espace (2008 guide) could not be checked, so the evaluator rates those variables directly.
 */
export const compositeVariables = {
  // "CC = C ; AA = A ; autres = B"
  toilette: { parts: ['toiletteHaut', 'toiletteBas'], combine: allSameElseB },
  // "CCC = C ; AAA = A ; autres = B"
  habillage: { parts: ['habillageHaut', 'habillageMoyen', 'habillageBas'], combine: allSameElseB },
  // "CC = C ; BC = C ; CB = C ; AA = A ; autres = B"
  alimentation: {
    parts: ['alimentationSeServir', 'alimentationManger'],
    combine: (p: readonly Modality[]) => (p.includes('C') && !p.includes('A') ? 'C' : allSameElseB(p)),
  },
  // "CC = C ; CB = C ; CA = C ; BC = C ; AC = C ; AA = A ; autres = B"
  elimination: {
    parts: ['eliminationUrinaire', 'eliminationFecale'],
    combine: (p: readonly Modality[]) => (p.includes('C') ? 'C' : allSameElseB(p)),
  },
} as const satisfies Partial<
  Record<DiscriminantVariable, { parts: readonly string[]; combine: (parts: readonly Modality[]) => Modality }>
>;

function allSameElseB(parts: readonly Modality[]): Modality {
  if (parts.every((p) => p === 'A')) return 'A';
  if (parts.every((p) => p === 'C')) return 'C';
  return 'B';
}

type CompositeVariable = keyof typeof compositeVariables;
const isComposite = (v: DiscriminantVariable): v is CompositeVariable => v in compositeVariables;

/** Every answer the evaluator gives, in the grid's order: parts for the composite variables, else the variable. */
export const ratingFields = [
  ...discriminantVariables.flatMap((v) => (isComposite(v) ? compositeVariables[v].parts : [v])),
  ...illustrativeVariables,
] as const;
export type RatingField = (typeof ratingFields)[number];
export type Ratings = Record<RatingField, Modality>;

const isModality = (value: unknown): value is Modality => (modalities as readonly unknown[]).includes(value);

/**
 * The letter of each discriminant variable that can be derived from the answers given so far
 * (a form's blank answers are simply not given yet).
 */
export function discriminantProfile(
  ratings: Partial<Record<RatingField, string>>,
): Partial<Record<DiscriminantVariable, Modality>> {
  const profile: Partial<Record<DiscriminantVariable, Modality>> = {};
  for (const variable of discriminantVariables) {
    if (isComposite(variable)) {
      const { parts, combine } = compositeVariables[variable];
      const given = parts.map((p) => ratings[p]);
      if (given.every(isModality)) profile[variable] = combine(given);
    } else {
      const given = ratings[variable];
      if (isModality(given)) profile[variable] = given;
    }
  }
  return profile;
}

export type GirResult = { gir: number; rank: number; group: AggirGroup; sum: number };

/** The group sum: each scoring variable adds its weight for its modality (A adds nothing). */
export function groupSum(group: AggirGroup, profile: Record<DiscriminantVariable, Modality>): number {
  let sum = 0;
  for (const variable of scoringVariables) {
    const m = profile[variable];
    if (m !== 'A') sum += aggirWeights[group][m][variable];
  }
  return sum;
}

/** The official algorithm (CASF annexe 2-2): groups A→H in turn, the first rank reached gives the GIR. */
export function computeGir(profile: Record<DiscriminantVariable, Modality>): GirResult {
  const sums = new Map(aggirGroups.map((g) => [g, groupSum(g, profile)]));
  for (const { group, minSum, rank, gir } of aggirRanks) {
    const sum = sums.get(group)!;
    if (minSum === null || sum >= minSum) return { gir, rank, group, sum };
  }
  // The last rank has no minimum, so the loop always returns.
  throw new Error('AGGIR rank table without a catch-all row');
}

/** The GIR of a complete grid, or null while a discriminant answer is missing. */
export function girOfRatings(ratings: Partial<Record<RatingField, string>>): GirResult | null {
  const profile = discriminantProfile(ratings);
  if (!discriminantVariables.every((v) => profile[v])) return null;
  return computeGir(profile as Record<DiscriminantVariable, Modality>);
}
