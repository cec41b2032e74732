/** Intake (repérage): referrals and the triage queue. Part of the one catalogue in ../fr.ts. */
export const referrals = {};
