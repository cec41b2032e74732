import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { tenures } from '#src/modules/funding/domain/household.ts';
import { vatRateKeys } from '#src/modules/funding/domain/quote.ts';
import { applicationStatuses, documentKeys, nextStatuses } from '#src/modules/funding/domain/application.ts';
import { optionalText } from '#src/modules/funding/api/text-fields.ts';

/** The vocabularies, for the pages (which read no domain module at run time). */
export { applicationStatuses, documentKeys, nextStatuses, tenures, vatRateKeys };

const t = messages.funding.errors;
const required = messages.validation.required;
const isoDate = z.iso.date({ error: t.dateInvalid });
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** A decimal as forms type it (comma or point, spaces allowed), or a number. */
const decimal = (message: string) =>
  z
    .union([z.number(), z.string()])
    .transform((v, ctx) => {
      const text = typeof v === 'number' ? String(v) : v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
      if (!/^-?\d+(\.\d+)?$/.test(text)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(text);
    })
    .openapi({ type: 'string', example: '1250,50' });
/** Euros with at most two decimals, to cents (the sign is kept so the service can say a price is negative). */
const euroCents = decimal(t.amountInvalid).pipe(
  z
    .number()
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, t.amountInvalid)
    .transform((n) => Math.round(n * 100)),
);
const optionalEuroCents = z.preprocess(blankToNull, euroCents.nullable()).openapi({ type: 'string' });
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    blankToNull,
    z.coerce.number({ error: t.amountInvalid }).int(t.amountInvalid).min(min).max(max).nullable(),
  );
const optionalBool = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v === 'true' || v === true),
  z.boolean().nullable(),
);

export const pathwayParamSchema = z.object({ pathwayId: z.uuid({ error: 'Identifiant invalide.' }) });
export const createdSchema = z.object({ id: z.uuid() });

export const projectCreateSchema = z.object({
  pathwayId: z.uuid({ error: required }),
  title: z.string().trim().min(1, required).max(200, messages.validation.tooLong(200)),
});

export const quoteLineInputSchema = z.object({
  label: z.string().trim().min(1, required).max(300, messages.validation.tooLong(300)),
  quantity: decimal(t.amountInvalid),
  unitPriceExclTax: euroCents,
  vatRate: z.enum(vatRateKeys, { error: required }),
  eligibleWorks: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
});

export const quoteCreateSchema = z.object({
  supplierOrganizationId: z.preprocess(blankToNull, z.uuid({ error: t.supplierUnknown }).nullable()),
  supplierName: optionalText(200),
  reference: optionalText(100),
  issuedOn: isoDate,
  lines: z
    .array(quoteLineInputSchema)
    .min(1, t.linesRequired)
    .max(100)
    .openapi({
      example: [
        { label: 'Douche', quantity: '1', unitPriceExclTax: '100', vatRate: 'renovation', eligibleWorks: true },
      ],
    }),
  statedExclTax: optionalEuroCents,
  statedInclTax: optionalEuroCents,
});
export type QuoteCreateInput = z.infer<typeof quoteCreateSchema>;

/** The household facts of a plan, as the form sends them; blank means not known (the aids say what is missing). */
export const planCreateSchema = z.object({
  quoteId: z.uuid({ error: t.quoteOfAnotherProject }),
  filingOn: isoDate,
  paymentOn: isoDate,
  age: optionalInt(0, 130),
  gir: optionalInt(1, 6),
  householdSize: optionalInt(1, 20),
  referenceTaxIncome: optionalInt(0, 10_000_000),
  inIleDeFrance: optionalBool,
  tenure: z.preprocess(blankToNull, z.enum(tenures, { error: required }).nullable()),
  mpaWorksLast5Years: optionalInt(0, 1_000_000),
});
export type PlanCreateInput = z.infer<typeof planCreateSchema>;

export const applicationCreateSchema = z.object({
  aid: z.string().min(1, required).max(100),
  justification: optionalText(2000),
});
export type ApplicationCreateInput = z.infer<typeof applicationCreateSchema>;

export const applicationStepSchema = z.object({
  status: z.enum(applicationStatuses, { error: required }),
  occurredOn: isoDate,
  granted: optionalEuroCents,
  refusalReason: optionalText(1000),
  note: optionalText(2000),
  revision: z.coerce.number().int().min(1),
});
export type ApplicationStepInput = z.infer<typeof applicationStepSchema>;

export const documentsInputSchema = z.object({
  documents: z.array(z.object({ key: z.enum(documentKeys), received: z.boolean() })).max(documentKeys.length),
  revision: z.coerce.number().int().min(1),
});
export type DocumentsInput = z.infer<typeof documentsInputSchema>;

export const periodQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: t.periodOrder, path: ['to'] });
export type Period = z.infer<typeof periodQuerySchema>;

// ---- Responses (allowlists)

const parameterSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.unknown(),
  from: z.string().nullable(),
  confidence: z.string().nullable(),
  status: z.string().nullable(),
  sources: z.array(z.object({ title: z.string(), url: z.string() })),
});

const planLineSchema = z.object({
  aid: z.string(),
  title: z.string(),
  funder: z.string(),
  step: z.number(),
  status: z.enum(['eligible', 'not_eligible', 'to_check']),
  amountCents: z.number().nullable(),
  shareCents: z.number(),
  certain: z.boolean(),
  deferred: z.boolean(),
  monthly: z.boolean(),
  failedConditions: z.array(z.string()),
  unknownConditions: z.array(z.string()),
  missingInputs: z.array(z.string()),
  uncertainParameters: z.array(parameterSchema),
  parameters: z.array(parameterSchema),
});

export const planSchema = z.object({
  id: z.uuid(),
  quoteId: z.uuid(),
  filingOn: z.string(),
  paymentOn: z.string(),
  createdAt: z.string(),
  figures: z.object({
    costExclTaxCents: z.number(),
    costInclTaxCents: z.number(),
    eligibleExclTaxCents: z.number(),
    lines: z.array(planLineSchema),
    securedCents: z.number(),
    toConfirmCents: z.number(),
    outOfPocketCents: z.number(),
    outOfPocketIfConfirmedCents: z.number(),
    deferredCents: z.number(),
    mpaBalanceExclTaxCents: z.number().nullable(),
    byFunder: z.array(z.object({ funder: z.string(), shareCents: z.number(), certain: z.boolean() })),
  }),
  taxDeclarationDueOn: z.string().nullable(),
  usageCheckDueOn: z.string().nullable(),
});
export type PlanView = z.infer<typeof planSchema>;

export const quoteSchema = z.object({
  id: z.uuid(),
  supplier: z.string(),
  reference: z.string().nullable(),
  issuedOn: z.string(),
  lines: z.array(
    z.object({
      label: z.string(),
      quantity: z.number(),
      unitPriceExclTaxCents: z.number(),
      vatRate: z.enum(vatRateKeys),
      eligibleWorks: z.boolean(),
      exclTaxCents: z.number(),
      vatCents: z.number(),
      inclTaxCents: z.number(),
    }),
  ),
  exclTaxCents: z.number(),
  vatCents: z.number(),
  inclTaxCents: z.number(),
  eligibleExclTaxCents: z.number(),
});
export type QuoteView = z.infer<typeof quoteSchema>;

export const applicationSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  aid: z.string(),
  aidTitle: z.string(),
  funder: z.string(),
  status: z.enum(applicationStatuses),
  requestedCents: z.number().nullable(),
  grantedCents: z.number().nullable(),
  refusalReason: z.string().nullable(),
  documents: z.array(z.object({ key: z.enum(documentKeys), received: z.boolean() })),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  decisionDays: z.number().nullable(),
  paymentDays: z.number().nullable(),
  eligibilityWarning: z.string().nullable(),
  justification: z.string().nullable(),
  revision: z.number(),
  timeline: z.array(
    z.object({
      status: z.enum(applicationStatuses),
      occurredOn: z.string(),
      amountCents: z.number().nullable(),
      note: z.string().nullable(),
      byName: z.string().nullable(),
    }),
  ),
});
export type ApplicationView = z.infer<typeof applicationSchema>;

export const projectSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  createdAt: z.string(),
  quotes: z.number(),
  outOfPocketCents: z.number().nullable(),
});
export const projectListSchema = z.object({ items: z.array(projectSummarySchema) });

export const projectSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  personId: z.uuid(),
  pathwayId: z.uuid(),
  personName: z.string(),
  quotes: z.array(quoteSchema),
  plans: z.array(planSchema),
  applications: z.array(applicationSchema),
  organizations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Facts from the person file for the plan form: age from the birth date, GIR if recorded. */
  household: z.object({ age: z.number().nullable(), gir: z.number().nullable() }),
});
export type ProjectView = z.infer<typeof projectSchema>;

export const indicatorsSchema = z.object({
  from: z.string(),
  to: z.string(),
  byFunder: z.array(
    z.object({
      funder: z.string(),
      applications: z.number(),
      requestedCents: z.number(),
      obtainedCents: z.number(),
      medianDecisionDays: z.number().nullable(),
    }),
  ),
  outOfPocket: z.array(z.object({ from: z.number(), to: z.number().nullable(), plans: z.number() })),
});
export type FundingIndicators = z.infer<typeof indicatorsSchema>;
