/** Pathways: stages, journal, tasks, solution options, closure; lists and the board. Part of the one catalogue in ../fr.ts. */
export const pathways = {};
