import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  abandonmentReasons,
  followUpUsages,
  satisfactionScale,
  trialContexts,
  trialOutcomes,
  trialReasons,
} from '#src/modules/trials/domain/trial.ts';

/** The vocabularies, for the pages (which read no domain module at run time). */
export { abandonmentReasons, followUpUsages, satisfactionScale, trialContexts, trialOutcomes, trialReasons };

const t = messages.trials.errors;
const required = messages.validation.required;
const isoDate = z.iso.date({ error: t.dateInvalid });
const optionalDate = z
  .union([isoDate, z.literal('')])
  .nullish()
  .transform((v) => v || null)
  .openapi({ type: 'string', format: 'date' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messages.validation.tooLong(max))
    .nullish()
    .transform((v) => v || null)
    .openapi({ type: 'string' });
const optionalUuid = z
  .union([z.uuid({ error: t.choose }), z.literal('')])
  .nullish()
  .transform((v) => v || null)
  .openapi({ type: 'string', format: 'uuid' });

export const idParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });
export const personParamSchema = z.object({ personId: z.uuid({ error: 'Identifiant invalide.' }) });

/**
 * A trial: by a person (their file) or by a professional (name and organisation, no file). Cross-field
 * rules (reasons, acquisition, the person or professional) are checked by the service, with the same
 * French messages on the same fields.
 */
export const trialCreateSchema = z
  .object({
    personId: optionalUuid,
    professionalName: optionalText(200),
    professionalOrganization: optionalText(200),
    productId: z.uuid({ error: t.productNotInCatalogue }),
    pathwayId: optionalUuid,
    context: z.enum(trialContexts, { error: required }),
    triedOn: isoDate,
    outcome: z.enum(trialOutcomes, { error: required }),
    reasons: z
      .array(z.enum(trialReasons, { error: t.choose }))
      .max(trialReasons.length)
      .default([]),
    reasonNote: optionalText(2000),
    // Forms send the chosen option as text ('' for none); the API also takes the number.
    satisfaction: z
      .unknown()
      .optional()
      .transform((value, ctx) => {
        if (value === '' || value === null || value === undefined) return null;
        const n = Number(value);
        if (Number.isInteger(n) && (satisfactionScale as readonly number[]).includes(n)) return n;
        ctx.addIssue({ code: 'custom', message: t.satisfactionScale });
        return z.NEVER;
      })
      .openapi({ type: ['integer', 'null'], minimum: 1, maximum: 5 }),
    opinion: optionalText(2000),
    acquiredOn: optionalDate,
  })
  .openapi('TrialInput');
export type TrialCreateInput = z.infer<typeof trialCreateSchema>;

export const acquisitionInputSchema = z.object({ acquiredOn: isoDate }).openapi('TrialAcquisition');

export const followUpInputSchema = z
  .object({
    followedUpOn: isoDate,
    usage: z.enum(followUpUsages, { error: required }),
    abandonmentReasons: z
      .array(z.enum(abandonmentReasons, { error: t.choose }))
      .max(abandonmentReasons.length)
      .default([]),
    note: optionalText(2000),
  })
  .openapi('TrialFollowUp');
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

export const createdSchema = z.object({ id: z.uuid() });

const trialSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  professionalName: z.string().nullable(),
  professionalOrganization: z.string().nullable(),
  productId: z.uuid(),
  productName: z.string(),
  productIsoCode: z.string(),
  therapistUserId: z.uuid(),
  therapistName: z.string(),
  pathwayId: z.uuid().nullable(),
  context: z.enum(trialContexts),
  triedOn: z.string(),
  outcome: z.enum(trialOutcomes),
  reasons: z.array(z.string()),
  reasonNote: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  opinion: z.string().nullable(),
  acquiredOn: z.string().nullable(),
  followUpDueOn: z.string().nullable(),
  followedUpOn: z.string().nullable(),
  usage: z.enum(followUpUsages).nullable(),
  abandonmentReasons: z.array(z.string()),
  followUpNote: z.string().nullable(),
});
export type Trial = z.infer<typeof trialSchema>;

export const personTrialsSchema = z
  .object({ items: z.array(trialSchema), canRecord: z.boolean() })
  .openapi('PersonTrials');
export type PersonTrials = z.infer<typeof personTrialsSchema>;

const followUpDueSchema = trialSchema.extend({ personName: z.string().nullable(), overdue: z.boolean() });
export type FollowUpDue = z.infer<typeof followUpDueSchema>;
export const followUpsDueSchema = z.object({ items: z.array(followUpDueSchema) }).openapi('TrialFollowUpsDue');
export type FollowUpsDue = z.infer<typeof followUpsDueSchema>;

/** A number of trials: the count, or withheld (shown "< 5") for a reader outside the case team. */
const cellSchema = z.object({ count: z.number().int().nullable(), withheld: z.boolean() });
const keyedCellSchema = cellSchema.extend({ key: z.string() });
export type KeyedCell = z.infer<typeof keyedCellSchema>;

/** The usage evidence of one product: counts only, and written remarks for readers of person files. */
export const evidenceSchema = z
  .object({
    productId: z.uuid(),
    trials: cellSchema,
    outcomes: z.array(keyedCellSchema),
    satisfaction: z.array(keyedCellSchema),
    reasons: z.array(keyedCellSchema),
    followUps: cellSchema,
    usages: z.array(keyedCellSchema),
    abandonmentReasons: z.array(keyedCellSchema),
    /** Abandoned among recorded follow-ups (0–1); null when none, or when its counts are withheld. */
    abandonmentRate: z.number().nullable(),
    remarks: z.array(
      z.object({
        triedOn: z.string(),
        outcome: z.enum(trialOutcomes),
        reasonNote: z.string().nullable(),
        opinion: z.string().nullable(),
      }),
    ),
  })
  .openapi('ProductUsageEvidence');
export type Evidence = z.infer<typeof evidenceSchema>;

/** A period of calendar days, both ends included. */
export const periodQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { path: ['to'], message: messages.trials.observatory.toBeforeFrom });
export type Period = z.infer<typeof periodQuerySchema>;

export const trialIndicatorsSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    /** Persons (or professionals' trials) per ISO 9999 class of the product tried (two digits). */
    needsByIsoClass: z.array(keyedCellSchema),
    /** Persons per ICF activity code the product helps with. */
    needsByActivity: z.array(keyedCellSchema),
    trialsByOutcome: z.array(keyedCellSchema),
    /** Follow-ups recorded in the period, in all and by usage. */
    followUps: cellSchema,
    followUpsByUsage: z.array(keyedCellSchema),
    abandonmentRate: z.number().nullable(),
  })
  .openapi('TrialIndicators');
export type TrialIndicators = z.infer<typeof trialIndicatorsSchema>;
