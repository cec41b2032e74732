import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  answers,
  committeeDecisions,
  fixableByLandlord,
  offerOrigins,
  offerStatuses,
  refusalStages,
  wouldAcceptIfAttributes,
} from '#src/modules/offers/domain/offer.ts';

/** The vocabularies, for the pages (which read no domain module at run time). */
export { answers, committeeDecisions, fixableByLandlord, offerOrigins, refusalStages, wouldAcceptIfAttributes };
export {
  applicantFamilies,
  familyOf,
  isRefusalReasonCode,
  reasonsOfFamily,
} from '#src/modules/offers/domain/refusal-taxonomy.ts';

const required = messages.validation.required;
const isoDate = z.iso.date({ error: 'Saisissez une date valide (jj/mm/aaaa).' });
const optionalDate = isoDate
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v || null);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messages.validation.tooLong(max))
    .nullish()
    .transform((v) => v || null)
    .openapi({ type: 'string' });

export const idParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

export const offerListQuerySchema = z.object({
  applicationId: z.uuid().optional(),
  personId: z.uuid().optional(),
  status: z.enum(offerStatuses).optional(),
});

/** CCAS users name the application they work on; landlord staff its numéro unique (one of the two is required). */
export const offerCreateSchema = z.object({
  applicationId: z.uuid().nullish(),
  sneNumber: optionalText(40),
  unitId: z.uuid({ error: required }),
  origin: z.enum(offerOrigins, { error: required }),
  proposedOn: isoDate,
});

/** The unit picker of the new-offer form: words matched on programme, commune, typology, reference, landlord. */
export const offerableUnitQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  /** A unit to list first whatever the words (the one the form came with). */
  unitId: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const offerableUnitSchema = z.object({
  id: z.uuid(),
  landlordUnitRef: z.string(),
  programmeName: z.string(),
  landlordName: z.string(),
  communeName: z.string().nullable(),
  typology: z.string(),
  floor: z.number().int(),
  accessLevel: z.string(),
  status: z.string(),
  availableFrom: z.string().nullable(),
});
export type OfferableUnit = z.infer<typeof offerableUnitSchema>;
export const offerableUnitListSchema = z.object({ items: z.array(offerableUnitSchema), total: z.number().int() });
export type OfferableUnitList = z.infer<typeof offerableUnitListSchema>;

export const visitInputSchema = z.object({ visitOn: isoDate });

export const committeeDecisionInputSchema = z.object({
  committeeId: z.uuid({ error: required }),
  decision: z.enum(committeeDecisions, { error: required }),
  rank: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  condition: optionalText(500),
  notifiedOn: optionalDate,
});

const wouldAcceptIfSchema = z.object({
  attribute: z.enum(wouldAcceptIfAttributes, { error: required }),
  requiredValue: z.string().trim().max(200, messages.validation.tooLong(200)).default(''),
});

/** Codes are checked by the service, so that a missing or unknown one is a French error on its field. */
export const refusalInputSchema = z.object({
  primaryReason: optionalText(40),
  secondaryReasons: z.array(z.string().trim().max(40)).max(20).default([]),
  stage: z.enum(refusalStages).nullish(),
  verbatim: optionalText(1000),
  wouldAcceptIf: z.array(wouldAcceptIfSchema).max(10).default([]),
  fixableByLandlord: z.enum(fixableByLandlord).default('unknown'),
  consequencesExplained: z.boolean().default(false),
});
export type RefusalInput = z.infer<typeof refusalInputSchema>;

export const answerInputSchema = z.object({
  answer: z.enum(answers, { error: required }),
  answeredOn: isoDate,
  late: z.boolean().default(false),
  lateReason: optionalText(500),
  refusal: refusalInputSchema.nullish(),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const moveInInputSchema = z.object({ leaseSignedOn: optionalDate, movedInOn: isoDate });

export const committeeInputSchema = z.object({
  landlordOrganizationId: z.uuid().nullish(),
  heldOn: isoDate,
  commune: z.string({ error: required }).trim().min(1, required).max(100, messages.validation.tooLong(100)),
  notes: optionalText(2000),
});

export const createdSchema = z.object({ id: z.uuid() });

export const committeeSchema = z.object({
  id: z.uuid(),
  landlord: z.object({ id: z.uuid(), name: z.string() }),
  heldOn: z.string(),
  commune: z.string(),
  notes: z.string().nullable(),
});
export type Committee = z.infer<typeof committeeSchema>;
export const committeeListSchema = z.object({
  items: z.array(committeeSchema),
  /** The landlords the user may hold a committee for. */
  landlords: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type CommitteeList = z.infer<typeof committeeListSchema>;

export const offerSummarySchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  sneNumber: z.string(),
  personName: z.string(),
  unitId: z.uuid(),
  unitLabel: z.string(),
  typology: z.string(),
  landlord: z.object({ id: z.uuid(), name: z.string() }),
  origin: z.enum(offerOrigins),
  status: z.enum(offerStatuses),
  proposedOn: z.string(),
  responseDeadline: z.string().nullable(),
});
export type OfferSummary = z.infer<typeof offerSummarySchema>;
export const offerListSchema = z.object({ items: z.array(offerSummarySchema) });
export type OfferList = z.infer<typeof offerListSchema>;

export const refusalSchema = z.object({
  primaryReason: z.string(),
  secondaryReasons: z.array(z.string()),
  stage: z.enum(refusalStages),
  /** The person's words: for the case team only, never shown to landlord staff. */
  verbatim: z.string().nullable(),
  wouldAcceptIf: z.array(z.object({ attribute: z.string(), requiredValue: z.string() })),
  fixableByLandlord: z.enum(fixableByLandlord),
  consequencesExplained: z.boolean(),
  unitSnapshot: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});

export const offerSchema = offerSummarySchema.extend({
  personId: z.uuid(),
  pathwayId: z.uuid(),
  programmeId: z.uuid(),
  visitOn: z.string().nullable(),
  committee: committeeSchema.nullable(),
  committeeDecision: z.enum(committeeDecisions).nullable(),
  committeeRank: z.number().int().nullable(),
  committeeCondition: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  answer: z.enum(answers).nullable(),
  answeredOn: z.string().nullable(),
  lateReason: z.string().nullable(),
  leaseSignedOn: z.string().nullable(),
  movedInOn: z.string().nullable(),
  refusal: refusalSchema.nullable(),
  /** What the user may record on this offer, so the page offers only those forms. */
  can: z.object({ actForLandlord: z.boolean(), recordForPerson: z.boolean() }),
});
export type Offer = z.infer<typeof offerSchema>;
