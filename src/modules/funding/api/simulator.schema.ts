import { z } from '@hono/zod-openapi';
import { amoLevels, retirementSchemes, tenures } from '#src/modules/funding/domain/household.ts';
import { confidences } from '#src/modules/funding/domain/parameters.ts';

export { amoLevels, retirementSchemes, tenures } from '#src/modules/funding/domain/household.ts';
export { confidences } from '#src/modules/funding/domain/parameters.ts';

const amount = (max = 10_000_000) =>
  z
    .number({ error: 'Saisissez un montant en euros.' })
    .min(0, { error: 'Le montant ne peut pas être négatif.' })
    .max(max, { error: 'Ce montant paraît trop élevé : vérifiez-le.' })
    .nullish();
const yesNo = z.boolean({ error: 'Répondez par oui ou par non.' }).nullish();

/** What is known of the household; an empty or null field means "not known" and is reported as missing. */
export const householdSchema = z
  .object({
    age: z.int({ error: 'Saisissez un âge en années.' }).min(0).max(130, { error: 'Âge invalide.' }).nullish(),
    gir: z
      .int({ error: 'Le GIR va de 1 à 6.' })
      .min(1, { error: 'Le GIR va de 1 à 6.' })
      .max(6, { error: 'Le GIR va de 1 à 6.' })
      .nullish(),
    girAttested: yesNo,
    incapacityAtLeast50: yesNo,
    pchBeneficiary: yesNo,
    pchCriteriaRecognised: yesNo,
    pchCriteriaMetBefore60: yesNo,
    monthlyResources: amount(100_000),
    inCouple: yesNo,
    retirementScheme: z.enum(retirementSchemes, { error: 'Choisissez un régime dans la liste.' }).nullish(),
    householdSize: z
      .int({ error: 'Saisissez un nombre de personnes.' })
      .min(1, { error: 'Le ménage compte au moins une personne.' })
      .max(20, { error: 'Nombre de personnes invalide.' })
      .nullish(),
    referenceTaxIncome: amount(1_000_000),
    inIleDeFrance: yesNo,
    tenure: z.enum(tenures, { error: 'Choisissez un statut dans la liste.' }).nullish(),
    pchResources: amount(1_000_000),
    taxParts: z
      .number({ error: 'Saisissez un nombre de parts.' })
      .min(1, { error: 'Un foyer fiscal a au moins une part.' })
      .max(20, { error: 'Nombre de parts invalide.' })
      .multipleOf(0.25, { error: 'Le nombre de parts va par quarts de part.' })
      .nullish(),
    jointTaxReturn: yesNo,
    dependants: z.int({ error: 'Saisissez un nombre entier.' }).min(0).max(20).nullish(),
    worksExclTax: amount(),
    worksInclTax: amount(),
    amoLevel: z.enum(amoLevels, { error: 'Choisissez un niveau dans la liste.' }).nullish(),
    technicalAids: amount(),
    healthInsuranceShare: amount(),
    taxCreditEquipment: amount(),
    remainingCost: amount(),
    apaMonthlyPlan: amount(100_000),
    mpaWorksLast5Years: amount(),
    pchHousingLast10Years: amount(),
    pchTechnicalAidsInPeriod: amount(),
    taxCreditExpensesLast5Years: amount(),
  })
  .openapi('FundingHousehold');
export type HouseholdInput = z.infer<typeof householdSchema>;

export const simulationRequestSchema = z
  .object({
    household: householdSchema,
    filingDate: z.iso.date({ error: 'Saisissez une date valide.' }).nullish(),
    paymentDate: z.iso.date({ error: 'Saisissez une date valide.' }).nullish(),
  })
  .openapi('FundingSimulationRequest');

// Written out to the depth the parameters file uses (a recursive schema would not fit in OpenAPI).
const numbers = z.union([z.number(), z.array(z.number())]);
export const parameterValueSchema = z.union([
  numbers,
  z.record(z.string(), z.union([numbers, z.record(z.string(), numbers)])),
  z.null(),
]);
const parameterUseSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: parameterValueSchema,
  from: z.string().nullable(),
  confidence: z.enum(confidences).nullable(),
  status: z.enum(['not_retrieved']).nullable(),
  note: z.string().nullable(),
  sources: z.array(z.object({ title: z.string(), url: z.string() })),
});

export const aidResultSchema = z
  .object({
    aid: z.string(),
    title: z.string(),
    funder: z.string(),
    referenceDate: z.string(),
    status: z.enum(['eligible', 'not_eligible', 'to_check']),
    amount: z.number().nullable(),
    details: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
      }),
    ),
    conditions: z.array(z.object({ name: z.string(), title: z.string(), holds: z.boolean().nullable() })),
    notes: z.array(z.string()),
    references: z.array(z.object({ title: z.string(), url: z.string() })),
    missingInputs: z.array(z.string()),
    missingParameters: z.array(parameterUseSchema),
    parameters: z.array(parameterUseSchema),
  })
  .openapi('FundingAidResult');
export type AidResultView = z.infer<typeof aidResultSchema>;

export const simulationSchema = z
  .object({
    filingDate: z.string(),
    paymentDate: z.string(),
    results: z.array(aidResultSchema),
  })
  .openapi('FundingSimulation');
export type SimulationView = z.infer<typeof simulationSchema>;

/** The household as the person's file knows it, each field with where it came from. */
export const prefillSchema = z
  .object({
    household: householdSchema,
    origins: z.record(z.string(), z.string()),
  })
  .openapi('FundingHouseholdPrefill');
export type Prefill = z.infer<typeof prefillSchema>;
