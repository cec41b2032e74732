import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  closureNeedsComment,
  consentAllowsRaising,
  referralClosureReasons,
  referralConsents,
  referralDifficulties,
  referralStatuses,
  referralUrgencies,
} from '#src/modules/referrals/domain/referral.ts';
import { entryChannels } from '#src/shared/vocabulary/entry-channels.ts';
import { parisDay } from '#src/shared/time/paris.ts';

const t = messages.referrals;

export { referralClosureReasons, referralConsents, referralDifficulties, referralStatuses, referralUrgencies };

/** Forms send empty strings for untouched fields: they mean "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messages.validation.tooLong(max))
    .nullish()
    .transform((v) => v || null)
    .openapi({ type: 'string' });

const requiredText = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, messages.validation.tooLong(max));

const today = () => parisDay(new Date());

const birthDateField = z
  .string()
  .trim()
  .nullish()
  .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && v <= today()), {
    message: t.birthDateInvalid,
  })
  .transform((v) => v || null)
  .openapi({ type: 'string', format: 'date' });

const approximateAgeField = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v.trim());
    if (!Number.isInteger(n) || n < 0 || n > 120) {
      ctx.addIssue({ code: 'custom', message: t.approximateAgeInvalid });
      return z.NEVER;
    }
    return n;
  })
  .openapi({ type: 'integer', minimum: 0, maximum: 120 });

const inseeField = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .refine((v) => !v || /^(\d{5}|2[AB]\d{3})$/.test(v), t.inseeFormat)
  .transform((v) => v || null)
  .openapi({ type: 'string', example: '59355' });

const referralFields = {
  channel: z.enum(entryChannels, { error: t.channelRequired }),
  signalledByName: optionalText(200),
  signalledByContact: optionalText(200),
  personId: z
    .uuid({ error: t.personNotFound })
    .nullish()
    .transform((v) => v ?? null),
  subjectFirstName: optionalText(100),
  subjectLastName: optionalText(100),
  subjectBirthDate: birthDateField,
  subjectApproximateAge: approximateAgeField,
  subjectAddress: optionalText(300),
  subjectCommuneInsee: inseeField,
  subjectPhone: optionalText(40),
  description: requiredText(5000, t.descriptionRequired),
  difficulties: z
    .array(z.enum(referralDifficulties, { error: t.difficultyInvalid }))
    .max(20)
    .default([]),
  urgency: z.enum(referralUrgencies, { error: t.urgencyRequired }),
  consent: z.enum(referralConsents, { error: t.consentRequired }),
};

/** Raising a referral; the form validates with the same schema. */
export const referralInputSchema = z
  .object(referralFields)
  .superRefine((v, ctx) => {
    if (!v.personId && !v.subjectLastName)
      ctx.addIssue({ code: 'custom', path: ['subjectLastName'], message: t.subjectRequired });
    if (!consentAllowsRaising(v.consent, v.urgency))
      ctx.addIssue({ code: 'custom', path: ['consent'], message: t.consentNeeded });
  })
  .openapi('ReferralInput');

export type ReferralInput = z.output<typeof referralInputSchema>;

export const referralListQuerySchema = z.object({
  channel: z.enum(entryChannels).optional(),
  urgency: z.enum(referralUrgencies).optional(),
  status: z.enum(referralStatuses).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

export const referralListItemSchema = z
  .object({
    id: z.uuid(),
    receivedAt: z.string(),
    channel: z.string(),
    urgency: z.string(),
    status: z.string(),
    subjectName: z.string().nullable(),
    raisedByName: z.string(),
    raisedByOrganizationName: z.string(),
  })
  .openapi('ReferralListItem');

/** `canTriage` tells the page which view to show: the queue, or the signaller's own referrals. */
export const referralListSchema = z
  .object({ items: z.array(referralListItemSchema), total: z.number().int(), canTriage: z.boolean() })
  .openapi('ReferralList');

/**
 * One referral. For a signaller without triage rights the link to the person file, the pathway
 * and the free-text reasons of the decision are withheld (null): they see what they raised and its status.
 */
export const referralSchema = z
  .object({
    id: z.uuid(),
    receivedAt: z.string(),
    channel: z.string(),
    urgency: z.string(),
    consent: z.string(),
    status: z.string(),
    description: z.string(),
    difficulties: z.array(z.string()),
    subject: z.object({
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      birthDate: z.string().nullable(),
      approximateAge: z.number().int().nullable(),
      address: z.string().nullable(),
      communeInsee: z.string().nullable(),
      communeName: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    signalledByName: z.string().nullable(),
    signalledByContact: z.string().nullable(),
    raisedByName: z.string(),
    raisedByOrganizationName: z.string(),
    personId: z.uuid().nullable(),
    pathwayId: z.uuid().nullable(),
    decision: z
      .object({
        decidedAt: z.string(),
        decidedByName: z.string().nullable(),
        redirectedToName: z.string().nullable(),
        redirectReason: z.string().nullable(),
        closureReason: z.string().nullable(),
        closureComment: z.string().nullable(),
      })
      .nullable(),
    canTriage: z.boolean(),
  })
  .openapi('Referral');

export const referralIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

export const redirectInputSchema = z
  .object({
    toOrganizationId: z
      .uuid({ error: t.redirectTargetUnknown })
      .nullish()
      .or(z.literal(''))
      .transform((v) => v || null),
    toName: optionalText(200),
    reason: requiredText(2000, t.redirectReasonRequired),
  })
  .openapi('ReferralRedirect');
export type RedirectInput = z.output<typeof redirectInputSchema>;

export const closeInputSchema = z
  .object({
    reason: z.enum(referralClosureReasons, { error: t.closureReasonRequired }),
    comment: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (closureNeedsComment(v.reason) && !v.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: t.closureCommentRequired });
  })
  .openapi('ReferralClose');
export type CloseInput = z.output<typeof closeInputSchema>;

/**
 * Accepting into a pathway: either an existing person (`personId`), or the identity of a new file
 * (its fields are checked again by the person file itself).
 */
export const acceptInputSchema = z
  .object({
    personId: z
      .uuid({ error: t.personNotFound })
      .nullish()
      .or(z.literal(''))
      .transform((v) => v || null),
    firstName: optionalText(100),
    lastName: optionalText(100),
    birthDate: birthDateField,
    communeInsee: inseeField,
    // Set once the duplicate check has shown look-alike files and none of them was the person.
    confirmNotDuplicate: z.boolean().default(false),
    referentUserId: z.uuid({ error: t.referentRequired }),
    owningOrganizationId: z.uuid({ error: t.owningOrganizationRequired }),
    consentConfirmed: z.boolean().default(false),
  })
  .openapi('ReferralAccept');
export type AcceptInput = z.output<typeof acceptInputSchema>;

/**
 * What the triage forms offer: organisations of the workspace (to redirect to), the actor's own
 * organisations (a pathway is opened for one of them) and the users who may lead a pathway.
 */
export const triageOptionsSchema = z
  .object({
    organizations: z.array(z.object({ id: z.uuid(), name: z.string() })),
    owningOrganizations: z.array(z.object({ id: z.uuid(), name: z.string() })),
    referents: z.array(z.object({ userId: z.uuid(), name: z.string(), organizationName: z.string() })),
  })
  .openapi('ReferralTriageOptions');

export type Referral = z.infer<typeof referralSchema>;
export type ReferralList = z.infer<typeof referralListSchema>;
export type ReferralListItem = z.infer<typeof referralListItemSchema>;
export type TriageOptions = z.infer<typeof triageOptionsSchema>;
