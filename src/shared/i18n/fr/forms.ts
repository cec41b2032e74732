/** Configurable forms: versioned templates, responses attached to a person, the shipped grids. Part of the one catalogue in ../fr.ts. */
export const forms = {};
