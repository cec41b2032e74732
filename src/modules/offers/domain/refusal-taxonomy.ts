/**
 * The refusal-reason taxonomy v0 (reference/housing.md §6): stable two-level codes, one primary and any
 * secondary per refusal. `actionableBy` says who could remove the reason, so landlord reports can split
 * what a landlord can fix from what belongs to the city or the CCAS. French labels live in the catalogue.
 */
export const refusalFamilies = ['ACC', 'LOC', 'COU', 'LOG', 'TYP', 'SIT', 'PRO', 'CAL'] as const;
export type RefusalFamily = (typeof refusalFamilies)[number];

export const actionableParties = ['landlord', 'ccas', 'city', 'transport', 'reservataire'] as const;
export type ActionableParty = (typeof actionableParties)[number];

type ReasonDefinition = { family: RefusalFamily; actionableBy: readonly ActionableParty[] };

export const refusalReasons = {
  'ACC.ETAGE': { family: 'ACC', actionableBy: ['landlord', 'ccas'] },
  'ACC.MARCHES': { family: 'ACC', actionableBy: ['landlord'] },
  'ACC.ASCENSEUR': { family: 'ACC', actionableBy: ['landlord'] },
  'ACC.SDB': { family: 'ACC', actionableBy: ['landlord'] },
  'ACC.WC': { family: 'ACC', actionableBy: ['landlord'] },
  'ACC.CIRCULATION': { family: 'ACC', actionableBy: ['landlord'] },
  'ACC.EQUIPEMENT': { family: 'ACC', actionableBy: ['landlord'] },
  'LOC.QUARTIER': { family: 'LOC', actionableBy: ['ccas', 'landlord'] },
  'LOC.AIDANTS': { family: 'LOC', actionableBy: [] },
  'LOC.SANTE': { family: 'LOC', actionableBy: ['city', 'landlord'] },
  'LOC.COMMERCES': { family: 'LOC', actionableBy: ['city', 'landlord'] },
  'LOC.TRANSPORT': { family: 'LOC', actionableBy: ['transport', 'city'] },
  'LOC.RELIEF': { family: 'LOC', actionableBy: ['city'] },
  'LOC.SECURITE': { family: 'LOC', actionableBy: ['city', 'landlord'] },
  'LOC.NUISANCES': { family: 'LOC', actionableBy: ['landlord'] },
  'COU.LOYER': { family: 'COU', actionableBy: ['landlord', 'ccas'] },
  'COU.CHARGES': { family: 'COU', actionableBy: ['landlord'] },
  'COU.RESTE_A_VIVRE': { family: 'COU', actionableBy: ['ccas'] },
  'COU.DEMENAGEMENT': { family: 'COU', actionableBy: ['ccas', 'landlord'] },
  'COU.SERVICES': { family: 'COU', actionableBy: ['landlord'] },
  'LOG.TROP_PETIT': { family: 'LOG', actionableBy: ['landlord'] },
  'LOG.TROP_GRAND': { family: 'LOG', actionableBy: ['landlord'] },
  'LOG.ETAT': { family: 'LOG', actionableBy: ['landlord'] },
  'LOG.ENERGIE': { family: 'LOG', actionableBy: ['landlord'] },
  'LOG.EXTERIEUR': { family: 'LOG', actionableBy: ['landlord'] },
  'LOG.STATIONNEMENT': { family: 'LOG', actionableBy: ['landlord'] },
  'LOG.AGENCEMENT': { family: 'LOG', actionableBy: ['landlord'] },
  'TYP.ETIQUETTE_AGE': { family: 'TYP', actionableBy: ['landlord', 'ccas'] },
  'TYP.COLLECTIF': { family: 'TYP', actionableBy: ['landlord'] },
  'TYP.ANIMAUX': { family: 'TYP', actionableBy: ['landlord'] },
  'TYP.SERVICES_INSUFFISANTS': { family: 'TYP', actionableBy: ['landlord'] },
  'SIT.SANTE': { family: 'SIT', actionableBy: [] },
  'SIT.PAS_PRET': { family: 'SIT', actionableBy: ['ccas'] },
  'SIT.FAMILLE': { family: 'SIT', actionableBy: ['ccas'] },
  'SIT.AUTRE_SOLUTION': { family: 'SIT', actionableBy: [] },
  'SIT.CALENDRIER': { family: 'SIT', actionableBy: ['landlord'] },
  'PRO.SANS_REPONSE': { family: 'PRO', actionableBy: ['ccas'] },
  'PRO.HORS_DEMANDE': { family: 'PRO', actionableBy: ['landlord', 'reservataire'] },
  'PRO.INFO_INSUFFISANTE': { family: 'PRO', actionableBy: ['landlord'] },
  'CAL.AUTRE_RANG': { family: 'CAL', actionableBy: [] },
  'CAL.IRRECEVABLE': { family: 'CAL', actionableBy: [] },
  'CAL.DOSSIER': { family: 'CAL', actionableBy: ['ccas'] },
  'CAL.TYPOLOGIE': { family: 'CAL', actionableBy: [] },
  'CAL.SOLVABILITE': { family: 'CAL', actionableBy: ['ccas'] },
} as const satisfies Record<string, ReasonDefinition>;

export type RefusalReasonCode = keyof typeof refusalReasons;
export const refusalReasonCodes = Object.keys(refusalReasons) as RefusalReasonCode[];

export const isRefusalReasonCode = (value: string): value is RefusalReasonCode => Object.hasOwn(refusalReasons, value);

export const familyOf = (code: RefusalReasonCode): RefusalFamily => refusalReasons[code].family;

/** The codes of one family, in taxonomy order (the answer form shows one fieldset per family). */
export const reasonsOfFamily = (family: RefusalFamily): RefusalReasonCode[] =>
  refusalReasonCodes.filter((c) => refusalReasons[c].family === family);

/**
 * The person's own refusal never uses the committee's codes (CAL.*), which record a non-attribution;
 * those are set by the committee decision, not typed in the answer form.
 */
export const applicantFamilies = refusalFamilies.filter((f) => f !== 'CAL');
