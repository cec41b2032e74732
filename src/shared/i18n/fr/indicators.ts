/** Indicators for managers. Part of the one catalogue in ../fr.ts. */
export const indicators = {};
