/** Part of the one catalogue in ../fr.ts. */
export const catalogue = {} as const;
