import { z } from '@hono/zod-openapi';
import { isValidSneNumber, normalizeSneNumber } from '#src/modules/applications/domain/sne-number.ts';
import { constraintKeys, verdicts } from '#src/modules/applications/domain/matching.ts';
import {
  applicationStatuses,
  applicationSystems,
  floorPreferences,
  MAX_WEIGHT,
  poiKinds,
  preferenceKeys,
  typologies,
  walkingAids,
  wishableServices,
} from '#src/modules/applications/domain/vocabulary.ts';
import {
  ceilingFinancings,
  GIR_MAX,
  GIR_MIN,
  MAX_HOUSEHOLD_SIZE,
} from '#src/modules/applications/domain/eligibility.ts';
import { messages } from '#src/shared/i18n/fr.ts';

/** The vocabularies the pages need, re-exported for the UI (which may not import the domain at run time). */
export {
  applicationStatuses,
  applicationSystems,
  floorPreferences,
  MAX_WEIGHT,
  poiKinds,
  preferenceKeys,
  typologies,
  walkingAids,
  verdicts,
  ceilingFinancings,
  wishableServices,
  MAX_HOUSEHOLD_SIZE,
  GIR_MIN,
  GIR_MAX,
};

const t = messages.applications;
const isoDate = z.iso.date({ error: 'Saisissez une date valide (jj/mm/aaaa).' });
const required = 'Ce champ est obligatoire.';

export const idParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });
export const createdSchema = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });

const weightsSchema = z.partialRecord(
  z.enum(preferenceKeys),
  z.number().int().min(0, 'Entre 0 et 5.').max(MAX_WEIGHT, 'Entre 0 et 5.'),
);

/** What the referent records with the person (every field of the form; PUT replaces them all). */
export const applicationInputSchema = z.object({
  sneNumber: z
    .string({ error: required })
    .trim()
    .min(1, required)
    .refine(isValidSneNumber, t.errors.sneNumber)
    .openapi({ example: '059122400123456AB4' })
    .transform(normalizeSneNumber),
  system: z.enum(applicationSystems).default('sne'),
  firstFiledOn: isoDate,
  lastRenewedOn: isoDate.nullish(),
  status: z.enum(applicationStatuses).default('active'),
  isTransfer: z.boolean().default(false),
  lastCheckedInSneOn: isoDate.nullish(),
  wishedCommunes: z.array(z.string().trim().max(5)).max(30).default([]),
  communesStrict: z.boolean().default(true),
  wishedTypologies: z.array(z.enum(typologies)).default([]),
  maxBudgetEur: z.number().int().min(0, 'Le budget doit être positif.').max(5000).nullish(),
  maxStepsClimbable: z.number().int().min(0, 'Indiquez 0 ou plus.').max(200).nullish(),
  walkingAid: z.enum(walkingAids).nullish(),
  needsStepFreeShower: z.boolean().nullish(),
  needsLift: z.boolean().nullish(),
  secondBedroomRequired: z.boolean().default(false),
  floorPreference: z.enum(floorPreferences).nullish(),
  householdSize: z.number().int().min(1, t.errors.householdSize).max(20, t.errors.householdSize).nullish(),
  referenceIncomeEur: z
    .number()
    .int()
    .min(0, t.errors.referenceIncome)
    .max(1_000_000, t.errors.referenceIncome)
    .nullish(),
  referenceIncomeYear: z
    .number()
    .int()
    .min(2000, t.errors.referenceIncomeYear)
    .max(2100, t.errors.referenceIncomeYear)
    .nullish(),
  wishedServices: z
    .array(z.enum(wishableServices, { error: t.errors.service }))
    .max(wishableServices.length)
    .default([]),
  familyLatitude: z.number().min(-90).max(90).nullish(),
  familyLongitude: z.number().min(-180).max(180).nullish(),
  weights: weightsSchema.default({}),
  cotationPoints: z.number().int().min(0).max(100_000).nullish(),
  cotationGridVersion: z.string().trim().max(80).nullish(),
  cotationAsOf: isoDate.nullish(),
});
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

export const applicationCreateSchema = applicationInputSchema.extend({
  pathwayId: z.uuid({ error: t.errors.pathway }),
});
export type ApplicationCreateInput = z.infer<typeof applicationCreateSchema>;

export const applicationListQuerySchema = z.object({
  pathwayId: z.uuid().optional(),
  personId: z.uuid().optional(),
});

const communeRef = z.object({ code: z.string(), name: z.string() });

export const applicationSummarySchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    pathwayId: z.uuid(),
    personName: z.string(),
    sneNumber: z.string(),
    status: z.enum(applicationStatuses),
    isTransfer: z.boolean(),
    expiresOn: z.string(),
    qualified: z.boolean(),
  })
  .openapi('HousingApplicationSummary');
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const applicationDetailSchema = applicationSummarySchema
  .extend({
    system: z.enum(applicationSystems),
    firstFiledOn: z.string(),
    lastRenewedOn: z.string().nullable(),
    lastCheckedInSneOn: z.string().nullable(),
    wishedCommunes: z.array(communeRef),
    communesStrict: z.boolean(),
    wishedTypologies: z.array(z.enum(typologies)),
    maxBudgetEur: z.number().nullable(),
    maxStepsClimbable: z.number().nullable(),
    walkingAid: z.enum(walkingAids).nullable(),
    needsStepFreeShower: z.boolean().nullable(),
    needsLift: z.boolean().nullable(),
    secondBedroomRequired: z.boolean(),
    floorPreference: z.enum(floorPreferences).nullable(),
    householdSize: z.number().nullable(),
    referenceIncomeEur: z.number().nullable(),
    referenceIncomeYear: z.number().nullable(),
    wishedServices: z.array(z.enum(wishableServices)),
    familyLatitude: z.number().nullable(),
    familyLongitude: z.number().nullable(),
    weights: weightsSchema,
    cotationPoints: z.number().nullable(),
    cotationGridVersion: z.string().nullable(),
    cotationAsOf: z.string().nullable(),
    canWrite: z.boolean(),
  })
  .openapi('HousingApplication');
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

/** Communes the form offers as checkboxes: those of the supply and of the points of interest, plus the wished ones. */
export const communeChoicesSchema = z.object({ items: z.array(communeRef) });

export const matchQuerySchema = z.object({
  verdict: z.enum(verdicts).optional(),
  commune: z.string().trim().max(5).optional(),
  typology: z.enum(typologies).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
});

const lineSchema = z.object({
  key: z.enum(constraintKeys),
  outcome: z.enum(['pass', 'fail', 'unknown', 'after_works']),
  text: z.string(),
});
const contributionSchema = z.object({
  key: z.enum(preferenceKeys),
  weight: z.number(),
  subScore: z.number().nullable(),
  points: z.number().nullable(),
  text: z.string(),
});

export const unitMatchSchema = z.object({
  unit: z.object({
    id: z.uuid(),
    landlordUnitRef: z.string(),
    landlordName: z.string(),
    programmeName: z.string(),
    communeName: z.string(),
    typology: z.string(),
    floor: z.number(),
    monthlyCostEur: z.number().nullable(),
    status: z.string(),
    availableFrom: z.string().nullable(),
    accessLevel: z.string(),
  }),
  verdict: z.enum(verdicts),
  score: z.number().nullable(),
  coverage: z.number().nullable(),
  constraints: z.array(lineSchema),
  contributions: z.array(contributionSchema),
});
export type UnitMatchView = z.infer<typeof unitMatchSchema>;

export const matchesSchema = z
  .object({
    application: applicationSummarySchema,
    walkingMethod: z.string(),
    counts: z.record(z.enum(verdicts), z.number()),
    total: z.number(),
    items: z.array(unitMatchSchema),
  })
  .openapi('HousingApplicationMatches');
export type MatchesView = z.infer<typeof matchesSchema>;

/** A count, or "< 5" (count null) when a landlord reads a small cell. */
const cellSchema = z.object({ count: z.number().nullable(), label: z.string() });
export type Cell = z.infer<typeof cellSchema>;

export const unitDemandSchema = z
  .object({
    unitId: z.uuid(),
    unitLabel: z.string(),
    qualified: cellSchema,
    passing: cellSchema,
    afterWorks: cellSchema,
    eliminatedBy: z.array(z.object({ key: z.enum(constraintKeys), label: z.string(), applications: cellSchema })),
    /** Named only for CCAS users who may open the persons' files; null for landlords. */
    persons: z
      .array(
        z.object({
          applicationId: z.uuid(),
          personId: z.uuid(),
          pathwayId: z.uuid(),
          personName: z.string(),
          verdict: z.enum(verdicts),
        }),
      )
      .nullable(),
  })
  .openapi('UnitDemand');
export type UnitDemand = z.infer<typeof unitDemandSchema>;

export const poiInputSchema = z.object({
  kind: z.enum(poiKinds, { error: required }),
  name: z.string({ error: required }).trim().min(1, required).max(160),
  latitude: z.number({ error: required }).min(-90, 'Latitude invalide.').max(90, 'Latitude invalide.'),
  longitude: z.number({ error: required }).min(-180, 'Longitude invalide.').max(180, 'Longitude invalide.'),
  communeInsee: z.string({ error: required }).trim().min(1, required).max(5).openapi({ example: '59355' }),
  accessible: z.boolean().nullish(),
});
export type PoiInput = z.infer<typeof poiInputSchema>;

export const poiSchema = poiInputSchema
  .extend({ id: z.uuid(), communeName: z.string(), accessible: z.boolean().nullable() })
  .openapi('PointOfInterest');
export type PoiView = z.infer<typeof poiSchema>;

const girField = z
  .number()
  .int()
  .min(GIR_MIN, t.errors.gir)
  .max(GIR_MAX, t.errors.gir)
  .nullish()
  .transform((v) => v ?? null);

/** A resource ceiling copied from the arrêté: financing, household size, the date it applies from. */
export const ceilingInputSchema = z.object({
  financing: z.enum(ceilingFinancings, { error: t.errors.financing }),
  householdSize: z
    .number({ error: required })
    .int()
    .min(1, t.errors.ceilingHouseholdSize)
    .max(MAX_HOUSEHOLD_SIZE, t.errors.ceilingHouseholdSize),
  validFrom: isoDate,
  ceilingEur: z.number({ error: required }).int().min(1, t.errors.ceilingEur).max(1_000_000, t.errors.ceilingEur),
  source: z.string().trim().max(300).nullish(),
});
export type CeilingInput = z.infer<typeof ceilingInputSchema>;

export const ceilingSchema = z.object({
  id: z.uuid(),
  financing: z.enum(ceilingFinancings),
  householdSize: z.number(),
  validFrom: z.string(),
  ceilingEur: z.number(),
  source: z.string().nullable(),
  /** The value the matching applies today for its financing and size. */
  inForce: z.boolean(),
});
export type CeilingView = z.infer<typeof ceilingSchema>;

/** The workspace's admission rules: a résidence autonomie's default GIR range, the ASV loss-of-autonomy limit. */
export const admissionSettingsSchema = z
  .object({ residenceGirMin: girField, residenceGirMax: girField, asvMaxGir: girField })
  .superRefine((v, ctx) => {
    if ((v.residenceGirMin === null) !== (v.residenceGirMax === null))
      ctx.addIssue({ code: 'custom', path: ['residenceGirMax'], message: t.errors.girRangeBoth });
    else if (v.residenceGirMin !== null && v.residenceGirMax !== null && v.residenceGirMin > v.residenceGirMax)
      ctx.addIssue({ code: 'custom', path: ['residenceGirMax'], message: t.errors.girRangeOrder });
  });
export type AdmissionSettingsInput = z.infer<typeof admissionSettingsSchema>;

export const eligibilitySettingsSchema = z
  .object({
    ceilings: z.array(ceilingSchema),
    admission: z.object({
      residenceGirMin: z.number().nullable(),
      residenceGirMax: z.number().nullable(),
      asvMaxGir: z.number().nullable(),
    }),
    canManage: z.boolean(),
  })
  .openapi('HousingEligibilitySettings');
export type EligibilitySettings = z.infer<typeof eligibilitySettingsSchema>;
