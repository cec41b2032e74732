/** In-app notifications and reminder e-mails. Part of the one catalogue in ../fr.ts. */
export const notifications = {};
