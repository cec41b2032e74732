/**
 * The numéro unique of a social-housing application. Sources describe it as 18 characters starting with
 * the département (housing reference §3.1, reported, not checked against the SNE specification): the check is
 * deliberately loose — 18 letters or digits once spaces and dashes are removed, the first three forming a
 * département code on three characters (059, 02A, 971…).
 */
const SNE_NUMBER = /^(0(0[1-9]|[1-8]\d|9[0-5]|2A|2B)|97[1-6])[0-9A-Z]{15}$/;

/** Upper case, without the spaces and dashes people type to group the characters. */
export const normalizeSneNumber = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();

export const isValidSneNumber = (raw: string) => SNE_NUMBER.test(normalizeSneNumber(raw));
