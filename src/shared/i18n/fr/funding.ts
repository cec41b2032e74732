/** Part of the one catalogue in ../fr.ts. */
export const funding = {} as const;
