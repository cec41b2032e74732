/** Part of the one catalogue in ../fr.ts. */
export const applications = {} as const;
