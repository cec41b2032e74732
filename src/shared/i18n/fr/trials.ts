/** Part of the one catalogue in ../fr.ts. */
export const trials = {} as const;
