/** Part of the one catalogue in ../fr.ts. */
export const housing = {} as const;
