import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { CURRENT_ISO_EDITION, parseDivisionCode, parseIsoCode } from '#src/modules/catalogue/domain/iso.ts';
import { parseLppCode } from '#src/modules/catalogue/domain/lpp.ts';
import {
  activityCodes,
  fileKinds,
  itemLocations,
  itemOwnerships,
  itemStates,
  productKinds,
  roomCodes,
} from '#src/modules/catalogue/domain/vocabulary.ts';

export { activityCodes, fileKinds, itemLocations, itemOwnerships, itemStates, productKinds, roomCodes };
export { CURRENT_ISO_EDITION, formatIsoCode, isoClasses } from '#src/modules/catalogue/domain/iso.ts';
export { eurosToCents } from '#src/modules/catalogue/domain/money.ts';

const v = messages.catalogue.validation;

// ---- Field helpers: forms send '' for an empty field; the API stores null.

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messages.validation.tooLong(max))
    .nullish()
    .transform((value) => value || null)
    .openapi({ type: 'string' });

const requiredText = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, messages.validation.tooLong(max));

const optionalDate = z
  .union([z.iso.date({ error: v.date }), z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null)
  .openapi({ type: 'string', format: 'date' });

const cents = z
  .number({ error: v.amount })
  .int(v.amount)
  .min(0, v.amount)
  .max(100_000_000, v.amount)
  .nullish()
  .transform((value) => value ?? null);

const optionalUuid = z
  .union([z.uuid({ error: 'Identifiant invalide.' }), z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null)
  .openapi({ type: 'string', format: 'uuid' });

export const idParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });
export const createdSchema = z.object({ id: z.uuid() });

// ---- Products

const isoDivision = z
  .string({ error: v.isoShape })
  .transform((value, ctx) => {
    const code = parseDivisionCode(value);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: v.isoShape });
      return z.NEVER;
    }
    return code;
  })
  .openapi({ type: 'string', example: '12 23 06' });

export const productInputSchema = z
  .object({
    kind: z.enum(productKinds).default('product'),
    name: requiredText(200, v.name),
    description: text(5000),
    manufacturer: text(200),
    primaryIsoCode: isoDivision,
    secondaryIsoCodes: z.array(isoDivision).max(10).default([]),
    isoEdition: z
      .string()
      .trim()
      .regex(/^\d{4}$/, v.isoEdition)
      .default(CURRENT_ISO_EDITION),
    averagePriceCents: cents,
    priceDate: optionalDate,
    priceSource: text(200),
    lppCode: z
      .string()
      .nullish()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const code = parseLppCode(value);
        if (!code) {
          ctx.addIssue({ code: 'custom', message: v.lppShape });
          return z.NEVER;
        }
        return code;
      })
      .openapi({ type: 'string', example: '1243290' }),
    reimbursementBaseCents: cents,
    priceCeilingCents: cents,
    dimensions: text(500),
    features: z
      .array(z.object({ key: requiredText(100, v.featureKey), value: z.string().trim().max(500) }))
      .max(50)
      .default([]),
    activities: z.array(z.enum(activityCodes, { error: v.activity })).default([]),
    rooms: z.array(z.enum(roomCodes, { error: v.room })).default([]),
    distributorIds: z.array(z.uuid()).max(50).default([]),
  })
  .superRefine((p, ctx) => {
    // A price without its date cannot be trusted on a recommendation sheet.
    if (p.averagePriceCents !== null && !p.priceDate)
      ctx.addIssue({ code: 'custom', path: ['priceDate'], message: v.priceDateMissing });
    if (p.averagePriceCents !== null && !p.priceSource)
      ctx.addIssue({ code: 'custom', path: ['priceSource'], message: v.priceSourceMissing });
    if (!p.lppCode && p.reimbursementBaseCents !== null)
      ctx.addIssue({ code: 'custom', path: ['reimbursementBaseCents'], message: v.lppWithoutCode });
    if (!p.lppCode && p.priceCeilingCents !== null)
      ctx.addIssue({ code: 'custom', path: ['priceCeilingCents'], message: v.lppWithoutCode });
    if (
      p.reimbursementBaseCents !== null &&
      p.priceCeilingCents !== null &&
      p.priceCeilingCents < p.reimbursementBaseCents
    )
      ctx.addIssue({ code: 'custom', path: ['priceCeilingCents'], message: v.ceilingBelowBase });
  })
  .openapi('CatalogueProductInput');
export type ProductInput = z.infer<typeof productInputSchema>;

export const productUpdateSchema = productInputSchema
  .and(z.object({ version: z.number().int().min(1) }))
  .openapi('CatalogueProductUpdate');

const distributorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  isLocal: z.boolean(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});
export type Distributor = z.infer<typeof distributorSchema>;

const isoRefSchema = z.object({ code: z.string(), display: z.string(), label: z.string().nullable() });

export const productSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(productKinds),
    name: z.string(),
    description: z.string().nullable(),
    manufacturer: z.string().nullable(),
    primaryIso: isoRefSchema,
    secondaryIsos: z.array(isoRefSchema),
    isoEdition: z.string(),
    isoClassLabel: z.string().nullable(),
    averagePriceCents: z.number().int().nullable(),
    priceDate: z.string().nullable(),
    priceSource: z.string().nullable(),
    lppCode: z.string().nullable(),
    reimbursementBaseCents: z.number().int().nullable(),
    priceCeilingCents: z.number().int().nullable(),
    dimensions: z.string().nullable(),
    features: z.array(z.object({ key: z.string(), value: z.string() })),
    activities: z.array(z.enum(activityCodes)),
    rooms: z.array(z.enum(roomCodes)),
    distributors: z.array(distributorSchema),
    files: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(fileKinds),
        caption: z.string(),
        mediaType: z.string(),
        byteSize: z.number().int(),
      }),
    ),
    showroomItems: z.array(
      z.object({
        id: z.uuid(),
        location: z.enum(itemLocations),
        state: z.enum(itemStates),
        ownership: z.enum(itemOwnerships),
      }),
    ),
    version: z.number().int(),
    updatedAt: z.string(),
    /** Whether the reader may edit the sheet (catalogue.manage). */
    canManage: z.boolean(),
  })
  .openapi('CatalogueProduct');
export type Product = z.infer<typeof productSchema>;

export const productHistorySchema = z
  .object({
    items: z.array(
      z.object({
        version: z.number().int(),
        changedAt: z.string(),
        changedByName: z.string().nullable(),
        changedFields: z.array(z.string()),
        /** The sheet as it was before this change (allowlisted fields). */
        previous: z.object({
          name: z.string(),
          primaryIsoCode: z.string(),
          averagePriceCents: z.number().int().nullable(),
          priceDate: z.string().nullable(),
          priceSource: z.string().nullable(),
          lppCode: z.string().nullable(),
          manufacturer: z.string().nullable(),
        }),
      }),
    ),
  })
  .openapi('CatalogueProductHistory');
export type ProductHistory = z.infer<typeof productHistorySchema>;

export const fileQuerySchema = z.object({
  kind: z.enum(fileKinds, { error: v.caption }),
  caption: z.string().trim().max(200).optional(),
});
export const fileParamSchema = z.object({ id: z.uuid(), fileId: z.uuid() });

// ---- Search

const euros = z
  .union([z.coerce.number({ error: v.amount }).min(0, v.amount), z.literal('')])
  .optional()
  .transform((value) => (value === '' || value === undefined ? null : Math.round(value * 100)));

export const searchQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().default(''),
    iso: z
      .string()
      .optional()
      .openapi({ pattern: '^\\d{2}(?:[ .]?\\d{2}){0,2}$', description: 'An ISO 9999 class, subclass or division' })
      .transform((value, ctx) => {
        if (!value) return null;
        const code = parseIsoCode(value);
        if (!code) {
          ctx.addIssue({ code: 'custom', message: v.isoShape });
          return z.NEVER;
        }
        return code;
      }),
    activity: z.union([z.enum(activityCodes, { error: v.activity }), z.literal('')]).optional(),
    room: z.union([z.enum(roomCodes, { error: v.room }), z.literal('')]).optional(),
    minPrice: euros,
    maxPrice: euros,
    reimbursed: z.enum(['yes', 'no', '']).optional(),
    inShowroom: z.enum(['true', 'false', '']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((q, ctx) => {
    if (q.minPrice !== null && q.maxPrice !== null && q.minPrice > q.maxPrice)
      ctx.addIssue({ code: 'custom', path: ['maxPrice'], message: v.priceRange });
  });
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const facetSchema = z.object({ code: z.string(), label: z.string().nullable(), count: z.number().int() });
export const searchResultSchema = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        manufacturer: z.string().nullable(),
        isoCode: z.string(),
        isoCodeDisplay: z.string(),
        averagePriceCents: z.number().int().nullable(),
        lppCode: z.string().nullable(),
        inShowroom: z.boolean(),
      }),
    ),
    facets: z.object({
      isoClasses: z.array(facetSchema),
      /** The level under the selected ISO code, with its ancestors for a breadcrumb. */
      isoChildren: z.array(facetSchema),
      isoPath: z.array(facetSchema.omit({ count: true })),
      activities: z.array(facetSchema.omit({ label: true })),
      rooms: z.array(facetSchema.omit({ label: true })),
      reimbursed: z.object({ yes: z.number().int(), no: z.number().int() }),
      inShowroom: z.number().int(),
    }),
    canManage: z.boolean(),
  })
  .openapi('CatalogueSearchResult');
export type SearchResult = z.infer<typeof searchResultSchema>;

// ---- Distributors

export const distributorInputSchema = z.object({
  name: requiredText(200, v.distributorName),
  isLocal: z.boolean().default(false),
  addressLine: text(300),
  postalCode: text(10),
  city: text(100),
  phone: text(30),
  email: z
    .union([z.email({ error: messages.validation.email }), z.literal(''), z.null()])
    .optional()
    .transform((value) => value || null),
  website: text(300),
});
export type DistributorInput = z.infer<typeof distributorInputSchema>;
export const distributorListSchema = z.object({ items: z.array(distributorSchema) }).openapi('CatalogueDistributors');

// ---- ISO list and imports

export const isoListSchema = z
  .object({
    classes: z.array(z.object({ code: z.string(), label: z.string() })),
    imported: z.array(z.object({ code: z.string(), edition: z.string(), label: z.string() })),
  })
  .openapi('CatalogueIsoList');

export const MAX_IMPORT_BYTES = 512 * 1024;
/** A CSV or XLSX file sent as base64. */
export const tableFileSchema = z.object({
  fileName: z.string().trim().max(200).default(''),
  content: z
    .string({ error: messages.catalogue.imports.fileRequired })
    .min(1, messages.catalogue.imports.fileRequired)
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, messages.catalogue.imports.tooLarge)
    .base64({ error: messages.catalogue.imports.unreadable }),
});
export const importFileSchema = tableFileSchema.extend({
  edition: z
    .string()
    .trim()
    .regex(/^\d{4}$/, v.isoEdition)
    .default(CURRENT_ISO_EDITION),
});

/** What an import did, or would have done: every line with its errors, each on its column. */
export const importReportSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        /** What the line is about: the ISO code, the product's name. */
        key: z.string(),
        errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
      }),
    ),
  })
  .openapi('CatalogueImportReport');
export type ImportReport = z.infer<typeof importReportSchema>;

export {
  importHeaderOf,
  isRequiredImportField,
  productImportFields,
} from '#src/modules/catalogue/domain/product-import.ts';

// ---- Showroom and loan agreements

export const itemInputSchema = z.object({
  productId: z.uuid({ error: v.productUnknown }),
  location: z.enum(itemLocations),
  ownership: z.enum(itemOwnerships),
  loanAgreementId: optionalUuid,
  state: z.enum(itemStates),
  serialNumber: text(100),
  note: text(1000),
});
export type ItemInput = z.infer<typeof itemInputSchema>;
/** A change of an item names the revision it was read at: a stale one is refused (409). */
export const itemUpdateSchema = itemInputSchema
  .extend({
    revision: z
      .string()
      .regex(/^\d{1,20}$/, 'Révision invalide.')
      .openapi({ example: '1795000000000000', description: 'As read in the showroom list' }),
  })
  .openapi('CatalogueShowroomItemUpdate');
export type ItemUpdate = z.infer<typeof itemUpdateSchema>;

export const agreementInputSchema = z
  .object({
    partnerOrganizationId: z.uuid({ error: v.partnerUnknown }),
    title: requiredText(200, v.agreementTitle),
    startsOn: z.iso.date({ error: v.date }),
    endsOn: z.iso.date({ error: v.date }),
    terms: text(5000),
    reminderDays: z
      .number({ error: v.reminderDays })
      .int(v.reminderDays)
      .min(1, v.reminderDays)
      .max(365, v.reminderDays)
      .default(30),
  })
  .superRefine((a, ctx) => {
    if (a.endsOn < a.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: v.endBeforeStart });
  });
export type AgreementInput = z.infer<typeof agreementInputSchema>;

export const showroomSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        productId: z.uuid(),
        productName: z.string(),
        isoCode: z.string(),
        location: z.enum(itemLocations),
        ownership: z.enum(itemOwnerships),
        loanAgreementId: z.uuid().nullable(),
        agreementTitle: z.string().nullable(),
        state: z.enum(itemStates),
        serialNumber: z.string().nullable(),
        note: z.string().nullable(),
        /** Sent back with a change, to refuse it if the item changed since it was read. */
        revision: z.string(),
      }),
    ),
    agreements: z.array(
      z.object({
        id: z.uuid(),
        partnerOrganizationId: z.uuid(),
        partnerName: z.string(),
        title: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        terms: z.string().nullable(),
        reminderDays: z.number().int(),
        itemCount: z.number().int(),
        /** The reminder date is reached and the agreement has not ended yet. */
        toRenew: z.boolean(),
        daysLeft: z.number().int(),
      }),
    ),
    partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
    canManage: z.boolean(),
  })
  .openapi('CatalogueShowroom');
export type Showroom = z.infer<typeof showroomSchema>;
