/** Part of the one catalogue in ../fr.ts. */
export const recommendations = {} as const;
