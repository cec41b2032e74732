/** Part of the one catalogue in ../fr.ts. */
export const residences = {} as const;
