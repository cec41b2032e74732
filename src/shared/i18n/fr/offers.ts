/** Part of the one catalogue in ../fr.ts. */
export const offers = {} as const;
