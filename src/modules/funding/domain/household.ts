/** What the simulator knows of a person and their household; every fact is optional, as at the desk. */
export const tenures = [
  'owner_occupier',
  'private_tenant',
  'social_tenant',
  'usufructuary',
  'right_of_use',
  'life_annuity',
  'housed_by_family',
] as const;
export type Tenure = (typeof tenures)[number];

export const amoLevels = ['socle', 'complet', 'complet_ergo'] as const;
export type AmoLevel = (typeof amoLevels)[number];

export const retirementSchemes = ['general', 'cnracl', 'agirc_arrco', 'msa', 'civil_service', 'other'] as const;
export type RetirementScheme = (typeof retirementSchemes)[number];

export type Household = {
  age?: number;
  gir?: number;
  girAttested?: boolean;
  incapacityAtLeast50?: boolean;
  pchBeneficiary?: boolean;
  pchCriteriaRecognised?: boolean;
  pchCriteriaMetBefore60?: boolean;
  /** Euros per month, for the APA participation. */
  monthlyResources?: number;
  inCouple?: boolean;
  retirementScheme?: RetirementScheme;
  householdSize?: number;
  /** Sum of the occupants' reference tax incomes, euros per year. */
  referenceTaxIncome?: number;
  inIleDeFrance?: boolean;
  tenure?: Tenure;
  /** Euros per year counted for the PCH coverage rate. */
  pchResources?: number;
  taxParts?: number;
  jointTaxReturn?: boolean;
  dependants?: number;
  worksExclTax?: number;
  worksInclTax?: number;
  amoLevel?: AmoLevel;
  technicalAids?: number;
  healthInsuranceShare?: number;
  taxCreditEquipment?: number;
  /** What is left to pay once the other aids of a plan are counted (some local aids are computed on it). */
  remainingCost?: number;
  apaMonthlyPlan?: number;
  mpaWorksLast5Years?: number;
  pchHousingLast10Years?: number;
  pchTechnicalAidsInPeriod?: number;
  taxCreditExpensesLast5Years?: number;
};

// The rules speak French: these are the values their conditions compare with.
export const retirementSchemeInRules: Record<RetirementScheme, string> = {
  general: 'régime général',
  cnracl: 'CNRACL',
  agirc_arrco: 'Agirc-Arrco',
  msa: 'MSA',
  civil_service: 'fonction publique d’État',
  other: 'autre',
};

export const tenureInRules: Record<Tenure, string> = {
  owner_occupier: 'propriétaire occupant',
  private_tenant: 'locataire privé',
  social_tenant: 'locataire social',
  usufructuary: 'usufruitier',
  right_of_use: 'usage et habitation',
  life_annuity: 'viager',
  housed_by_family: 'hébergé par la famille',
};

const ruleOf: { [K in keyof Household]-?: string } = {
  age: 'personne . âge',
  gir: 'personne . gir',
  girAttested: 'personne . gir attesté',
  incapacityAtLeast50: 'personne . incapacité au moins 50 %',
  pchBeneficiary: 'personne . bénéficiaire pch',
  pchCriteriaRecognised: 'personne . critères pch reconnus',
  pchCriteriaMetBefore60: 'personne . critères pch remplis avant 60 ans',
  monthlyResources: 'personne . ressources mensuelles',
  inCouple: 'personne . en couple',
  retirementScheme: 'personne . régime de retraite',
  householdSize: 'ménage . personnes',
  referenceTaxIncome: 'ménage . revenu fiscal de référence',
  inIleDeFrance: 'ménage . en île-de-france',
  tenure: "ménage . statut d'occupation",
  pchResources: 'ménage . ressources pch',
  taxParts: 'foyer fiscal . parts',
  jointTaxReturn: 'foyer fiscal . imposition commune',
  dependants: 'foyer fiscal . personnes à charge',
  worksExclTax: 'projet . travaux ht',
  worksInclTax: 'projet . travaux ttc',
  amoLevel: 'projet . niveau amo',
  technicalAids: 'projet . aides techniques',
  healthInsuranceShare: 'projet . part assurance maladie',
  taxCreditEquipment: "projet . équipements crédit d'impôt",
  remainingCost: 'projet . reste à charge',
  apaMonthlyPlan: 'apa . plan demandé',
  mpaWorksLast5Years: 'historique . travaux mpa sur 5 ans',
  pchHousingLast10Years: 'historique . pch logement sur 10 ans',
  pchTechnicalAidsInPeriod: 'historique . pch aides techniques sur la période',
  taxCreditExpensesLast5Years: "historique . dépenses crédit d'impôt sur 5 ans",
};

/** The Publicodes situation of a household: only what is known, so the rest is reported as missing. */
export function situationOf(household: Household): Record<string, string | number> {
  const situation: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(household) as [keyof Household, Household[keyof Household]][]) {
    if (value === undefined) continue;
    const rule = ruleOf[key];
    if (typeof value === 'boolean') situation[rule] = value ? 'oui' : 'non';
    else if (typeof value === 'number') situation[rule] = value;
    else if (key === 'tenure') situation[rule] = `'${tenureInRules[value as Tenure]}'`;
    else if (key === 'retirementScheme') situation[rule] = `'${retirementSchemeInRules[value as RetirementScheme]}'`;
    else situation[rule] = `'${value}'`;
  }
  return situation;
}
