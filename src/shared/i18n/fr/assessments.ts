/** Assessments of a person: the AGGIR grid and the GIR it computes. Part of the one catalogue in ../fr.ts. */
export const assessments = {};
