import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  activityKeys,
  formatCents,
  groupingKinds,
  leadAmount,
  leadStatuses,
  moved,
  roomKeys,
  trialOutcomes,
  type AidLead,
  type ProductSnapshot,
  type SheetContent,
  type StoredSheetContent,
  withAidLeads,
} from '#src/modules/recommendations/domain/sheet.ts';

// The UI takes the vocabularies and the reordering rule from here (never from domain/).
export {
  activityKeys,
  formatCents,
  groupingKinds,
  leadAmount,
  moved,
  roomKeys,
  type AidLead,
  type ProductSnapshot,
  type SheetContent,
  type StoredSheetContent,
  withAidLeads,
};

const v = messages.recommendations.validation;

const text = (max: number) =>
  z
    .string({ error: v.text(max) })
    .trim()
    .max(max, v.text(max));

export const pathwayIdParamSchema = z.object({ pathwayId: z.uuid({ error: 'Identifiant invalide.' }) });
export const versionIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

/** What the writer sends of a lead: the aid and where it comes from; the figures are read again from the funding module. */
const aidLeadInputSchema = z.object({
  aid: z.string({ error: v.aidUnknown }).min(1, v.aidUnknown).max(200, v.aidUnknown),
  projectId: z.uuid({ error: v.projectUnknown }).nullable(),
  note: text(1000),
});

const aidLeadSchema = aidLeadInputSchema.extend({
  projectTitle: z.string().nullable(),
  basisOn: z.string(),
  title: z.string(),
  funder: z.string(),
  status: z.enum(leadStatuses),
  amountCents: z.number().int().nullable(),
  monthly: z.boolean(),
});

const contentFields = {
  situation: text(4000),
  groupBy: z.enum(groupingKinds, { error: v.groupBy }),
  groups: z
    .array(
      z.object({
        key: z.string({ error: v.unknownGroup }).max(40, v.unknownGroup),
        items: z
          .array(z.object({ productId: z.uuid({ error: v.productUnknown }), note: text(1000) }))
          .max(60, v.tooMany),
      }),
    )
    .max(20, v.tooMany),
  works: z
    .array(
      z.object({
        room: z.enum(roomKeys, { error: v.room }),
        what: text(500).min(1, v.required),
        why: text(500),
      }),
    )
    .max(60, v.tooMany),
  fundingLeads: text(4000),
  notes: text(4000),
};

export const sheetContentSchema = z
  .object({ ...contentFields, aidLeads: z.array(aidLeadSchema) })
  .openapi('RecommendationSheetContent');

/** The content a writer sends: leads name their aid (a draft saved before aid leads existed sends none). */
export const sheetContentInputSchema = z
  .object({ ...contentFields, aidLeads: z.array(aidLeadInputSchema).max(20, v.tooMany).default([]) })
  .openapi('RecommendationSheetContentInput');

export const sheetSaveSchema = z
  .object({
    // The revision the writer read (0: no sheet yet); anything else than the current one is a 409.
    revision: z.number({ error: v.revision }).int(v.revision).min(0, v.revision),
    content: sheetContentInputSchema,
  })
  .openapi('RecommendationSheetSave');

export const handOverSchema = z
  .object({
    revision: z.number({ error: v.revision }).int(v.revision).min(1, v.revision),
    /** Whether the person may read this version on the public portal, once it exists. */
    sharedWithPerson: z.boolean().default(false),
    /** What is on screen, saved into the draft in the same step (its funding figures read once); none: the draft. */
    content: sheetContentInputSchema.optional(),
  })
  .openapi('RecommendationSheetHandOver');

const productSnapshotSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    isoCode: z.string(),
    isoCodeDisplay: z.string(),
    isoEdition: z.string(),
    isoClassLabel: z.string().nullable(),
    averagePrice: z.object({ cents: z.number().int(), date: z.string(), source: z.string().nullable() }).nullable(),
    lpp: z
      .object({
        code: z.string(),
        reimbursementBaseCents: z.number().int().nullable(),
        priceCeilingCents: z.number().int().nullable(),
      })
      .nullable(),
    localDistributors: z.array(
      z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable() }),
    ),
    trial: z.object({ outcome: z.enum(trialOutcomes), triedOn: z.string(), remark: z.string().nullable() }).nullable(),
  })
  .openapi('RecommendationProduct');

const versionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  handedOverAt: z.string(),
  handedOverByName: z.string(),
  sharedWithPerson: z.boolean(),
});

export const sheetViewSchema = z
  .object({
    pathway: z.object({ id: z.uuid(), personId: z.uuid(), firstName: z.string(), lastName: z.string() }),
    /** From the person's file, to pre-fill the situation; the GIR only for readers of health data. */
    person: z.object({ age: z.number().int().nullable(), gir: z.number().int().nullable() }),
    canWrite: z.boolean(),
    draft: z
      .object({
        id: z.uuid(),
        revision: z.number().int(),
        content: sheetContentSchema,
        updatedAt: z.string(),
        updatedByName: z.string(),
      })
      .nullable(),
    /** The catalogue products the draft names, as they are today, with the person's latest trial of each. */
    products: z.array(productSnapshotSchema),
    versions: z.array(versionSummarySchema),
  })
  .openapi('RecommendationSheet');

export const versionViewSchema = versionSummarySchema
  .extend({
    pathwayId: z.uuid(),
    personId: z.uuid(),
    content: sheetContentSchema,
    snapshot: z.object({
      workspaceName: z.string(),
      organizationName: z.string().nullable(),
      therapistName: z.string(),
      person: z.object({
        firstName: z.string(),
        lastName: z.string(),
        age: z.number().int().nullable(),
        gir: z.number().int().nullable(),
      }),
      products: z.array(productSnapshotSchema),
    }),
  })
  .openapi('RecommendationSheetVersion');

const aidOptionSchema = aidLeadSchema
  .omit({ note: true })
  .extend({ status: z.enum(['not_eligible', ...leadStatuses]) });

export const fundingOptionsSchema = z
  .object({
    /** Where the aids come from: the latest plan of each funding project of the pathway, or a simulation on the file. */
    basis: z.enum(['plans', 'simulation']),
    projects: z.array(z.object({ id: z.uuid(), title: z.string(), planOn: z.string().nullable() })),
    options: z.array(aidOptionSchema),
  })
  .openapi('RecommendationFundingOptions');

export const handedOverSchema = z.object({ id: z.uuid(), version: z.number().int(), revision: z.number().int() });
export const savedSchema = z.object({ id: z.uuid(), revision: z.number().int(), updatedAt: z.string() });

export type SheetContentInput = z.infer<typeof sheetContentInputSchema>;
export type AidLeadInput = z.infer<typeof aidLeadInputSchema>;
export type AidOption = z.infer<typeof aidOptionSchema>;
export type FundingOptions = z.infer<typeof fundingOptionsSchema>;
export type SheetView = z.infer<typeof sheetViewSchema>;
export type VersionView = z.infer<typeof versionViewSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type SaveInput = z.infer<typeof sheetSaveSchema>;
export type HandOverInput = z.infer<typeof handOverSchema>;
