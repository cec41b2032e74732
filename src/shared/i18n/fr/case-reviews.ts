/** Collective case reviews (synthèses). Part of the one catalogue in ../fr.ts. */
export const caseReviews = {};
