/**
 * The AGGIR algorithm tables: CASF annexe 2-2 "Algorithme de la grille AGGIR" (consolidated text,
 * mirror etalab/codes-juridiques-francais, code-de-l-action-sociale-et-des-familles/annexe/article-annexe-2-2).
 * Transcribed from shared/reference/data/aggir-algorithm-weights.csv and aggir-algorithm-thresholds.csv,
 * which were checked cell by cell against that text and the 1999 INED/HID SAS program. The 1997 JORF text
 * of décret 97-427 has a different group F (a transcription shift): the code in force is followed here.
 * The unit test compares these tables with the CSV files when they are at hand.
 */

/** The 8 discriminant variables that carry weight, in the order of the legal table. */
export const scoringVariables = [
  'coherence',
  'orientation',
  'toilette',
  'habillage',
  'alimentation',
  'elimination',
  'transferts',
  'deplacementInterieur',
] as const;
export type ScoringVariable = (typeof scoringVariables)[number];

export const aggirGroups = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type AggirGroup = (typeof aggirGroups)[number];

type Row = Readonly<Record<ScoringVariable, number>>;
const row = (values: readonly number[]): Row =>
  Object.fromEntries(scoringVariables.map((v, i) => [v, values[i]!])) as Row;

/**
 * Value added to a group's sum when a variable has modality B or C; modality A adds 0 everywhere.
 * Weights may be negative (group B, déplacement intérieur). Déplacement extérieur and communication
 * à distance weigh 0 in every group, so they are not listed.
 */
export const aggirWeights: Readonly<Record<AggirGroup, { B: Row; C: Row }>> = {
  A: { C: row([2000, 1200, 40, 40, 60, 100, 800, 200]), B: row([0, 0, 16, 16, 20, 16, 120, 32]) },
  B: { C: row([1500, 1200, 40, 40, 60, 100, 800, -80]), B: row([320, 120, 16, 16, 0, 16, 120, -40]) },
  C: { C: row([0, 0, 40, 40, 60, 160, 1000, 400]), B: row([0, 0, 16, 16, 20, 20, 200, 40]) },
  D: { C: row([0, 0, 0, 0, 2000, 400, 2000, 200]), B: row([0, 0, 0, 0, 200, 200, 200, 0]) },
  E: { C: row([400, 400, 400, 400, 400, 800, 800, 200]), B: row([0, 0, 100, 100, 100, 100, 100, 0]) },
  F: { C: row([200, 200, 500, 500, 500, 500, 500, 200]), B: row([100, 100, 100, 100, 100, 100, 100, 0]) },
  G: { C: row([150, 150, 300, 300, 500, 500, 400, 200]), B: row([0, 0, 200, 200, 200, 200, 200, 100]) },
  H: { C: row([0, 0, 3000, 3000, 3000, 3000, 1000, 1000]), B: row([0, 0, 2000, 2000, 2000, 2000, 2000, 1000]) },
};

/**
 * The ranks, tested in this order: the first whose group sum reaches `minSum` (inclusive) gives the
 * rank and the GIR; a group with no matching row sends to the next group. Rank 13 has no minimum.
 */
export const aggirRanks: readonly { group: AggirGroup; minSum: number | null; rank: number; gir: number }[] = [
  { group: 'A', minSum: 4380, rank: 1, gir: 1 },
  { group: 'A', minSum: 4140, rank: 2, gir: 2 },
  { group: 'A', minSum: 3390, rank: 3, gir: 2 },
  { group: 'B', minSum: 2016, rank: 4, gir: 2 },
  { group: 'C', minSum: 1700, rank: 5, gir: 2 },
  { group: 'C', minSum: 1432, rank: 6, gir: 2 },
  { group: 'D', minSum: 2400, rank: 7, gir: 2 },
  { group: 'E', minSum: 1200, rank: 8, gir: 3 },
  { group: 'F', minSum: 800, rank: 9, gir: 3 },
  { group: 'G', minSum: 650, rank: 10, gir: 4 },
  { group: 'H', minSum: 4000, rank: 11, gir: 4 },
  { group: 'H', minSum: 2000, rank: 12, gir: 5 },
  { group: 'H', minSum: null, rank: 13, gir: 6 },
];
