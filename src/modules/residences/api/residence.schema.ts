import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  isFinessFormat,
  settableUnitStatuses,
  settableWaitingStatuses,
  unitTypologies,
} from '#src/modules/residences/domain/residence.ts';

const t = messages.residences;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messages.validation.tooLong(max))
    .nullish()
    .transform((v) => v || null)
    .openapi({ type: 'string' });

/** Forms send what was typed: an empty field is null, a number may come as text with a French comma. */
const toNumber = (value: unknown) => {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return Number(value.trim().replace(',', '.'));
  return value;
};

const optionalNumber = (min: number, max: number, message: string, options: { integer?: boolean } = {}) =>
  z
    .preprocess(
      toNumber,
      z
        .number({ error: message })
        .min(min, message)
        .max(max, message)
        .refine((n) => (options.integer ? Number.isInteger(n) : Number.isInteger(Math.round(n * 100))), message)
        .nullable(),
    )
    .openapi({ type: 'number' });

const requiredInt = (min: number, max: number, message: string, example: number) =>
  z
    .preprocess(toNumber, z.number({ error: message }).int(message).min(min, message).max(max, message))
    .openapi({ type: 'integer', example });

const isoDay = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), message)
    .openapi({ format: 'date', example: '2026-01-15' });

const pastDay = (message: string) => isoDay(message).refine((v) => v <= parisDay(new Date()), t.dateFuture);

export const residenceInputSchema = z
  .object({
    managingOrganizationId: z.uuid({ error: t.managerInvalid }),
    name: z.string({ error: t.nameRequired }).trim().min(1, t.nameRequired).max(200, messages.validation.tooLong(200)),
    addressLine: optionalText(300),
    communeInsee: z
      .string({ error: t.communeRequired })
      .trim()
      .min(1, t.communeRequired)
      .max(10)
      .openapi({ example: '59355' }),
    finess: z
      .string()
      .trim()
      .nullish()
      .refine((v) => !v || isFinessFormat(v), t.finessFormat)
      .transform((v) => v || null)
      .openapi({ type: 'string', example: '590000000' }),
    capacity: requiredInt(1, 1000, t.capacityInvalid, 60),
    girMin: requiredInt(1, 6, t.girInvalid, 5),
    girMax: requiredInt(1, 6, t.girInvalid, 6),
    minAge: optionalNumber(50, 110, t.minAgeInvalid, { integer: true }),
    otherConditions: optionalText(2000),
    services: optionalText(2000),
    monthlyPrice: optionalNumber(0, 10000, t.amountInvalid),
  })
  .refine((r) => r.girMax >= r.girMin, { path: ['girMax'], message: t.girOrder })
  .openapi('ResidenceInput');
export type ResidenceInput = z.output<typeof residenceInputSchema>;

export const unitInputSchema = z
  .object({
    number: z
      .string({ error: t.unitNumberRequired })
      .trim()
      .min(1, t.unitNumberRequired)
      .max(20, messages.validation.tooLong(20)),
    typology: z.enum(unitTypologies, { error: t.typologyInvalid }),
    surfaceM2: optionalNumber(5, 200, t.surfaceInvalid),
    rent: optionalNumber(0, 5000, t.amountInvalid),
    // Left out for an occupied unit, whose status changes only with a move out; a new unit is vacant by default.
    status: z.enum(settableUnitStatuses, { error: t.statusInvalid }).optional(),
  })
  .openapi('ResidenceUnitInput');
export type UnitInput = z.output<typeof unitInputSchema>;

export const moveOutInputSchema = z.object({ movedOutOn: pastDay(t.dateInvalid) }).openapi('ResidenceMoveOutInput');

const girJustification = optionalText(1000);

export const waitingEntryInputSchema = z
  .object({
    personId: z.uuid({ error: t.personUnknown }),
    requestedOn: pastDay(t.dateInvalid),
    wishedTypology: z
      .union([z.enum(unitTypologies, { error: t.typologyInvalid }), z.literal(''), z.null()])
      .optional()
      .transform((v) => v || null)
      .openapi({ type: 'string', enum: [...unitTypologies] }),
    girJustification,
  })
  .openapi('ResidenceWaitingEntryInput');
export type WaitingEntryInput = z.output<typeof waitingEntryInputSchema>;

export const moveInputSchema = z
  .object({ toPosition: z.number({ error: t.statusInvalid }).int().min(1) })
  .openapi('ResidenceWaitingMoveInput');

export const statusInputSchema = z
  .object({
    status: z.enum(settableWaitingStatuses, { error: t.statusInvalid }),
    reason: optionalText(1000),
  })
  .refine((s) => s.status !== 'withdrawn' || s.reason !== null, { path: ['reason'], message: t.reasonRequired })
  .openapi('ResidenceWaitingStatusInput');
export type StatusInput = z.output<typeof statusInputSchema>;

export const admitInputSchema = z
  .object({
    unitId: z.uuid({ error: t.unitUnknown }),
    movedInOn: isoDay(t.dateInvalid),
    girJustification,
  })
  .openapi('ResidenceAdmitInput');
export type AdmitInput = z.output<typeof admitInputSchema>;

export const residenceIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });
export const unitParamSchema = residenceIdParamSchema.extend({ unitId: z.uuid({ error: 'Identifiant invalide.' }) });
// Named after its table, so the route sweeps of the test suite find a record of it.
export const entryParamSchema = residenceIdParamSchema.extend({
  residenceWaitingEntryId: z.uuid({ error: 'Identifiant invalide.' }),
});

export const residenceSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    communeName: z.string().nullable(),
    managingOrganizationName: z.string(),
    capacity: z.number().int(),
    unitCount: z.number().int(),
    occupiedCount: z.number().int(),
    vacantCount: z.number().int(),
    occupancyRate: z.number().int().nullable(),
    waitingCount: z.number().int(),
  })
  .openapi('ResidenceSummary');
export const residenceListSchema = z.object({ items: z.array(residenceSummarySchema), canManage: z.boolean() });

/** A person as a reader may see them: the name only when the file is open to the reader. */
const personRefSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();

const unitSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  typology: z.enum(unitTypologies),
  surfaceM2: z.number().nullable(),
  rent: z.number().nullable(),
  status: z.string(),
  occupant: z.object({ person: personRefSchema, movedInOn: z.string() }).nullable(),
  lastMovedOutOn: z.string().nullable(),
});

const historyEventSchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  kind: z.enum(['added', 'moved', 'status']),
  fromPosition: z.number().int().nullable(),
  toPosition: z.number().int().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  // Reasons speak about the person: shown only with the person's name.
  reason: z.string().nullable(),
});

const waitingEntrySchema = z.object({
  id: z.uuid(),
  position: z.number().int().nullable(),
  status: z.string(),
  statusReason: z.string().nullable(),
  requestedOn: z.string(),
  wishedTypology: z.string().nullable(),
  person: personRefSchema,
  girJustification: z.string().nullable(),
  history: z.array(historyEventSchema),
});

export const residenceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    managingOrganizationId: z.uuid(),
    managingOrganizationName: z.string(),
    addressLine: z.string().nullable(),
    communeInsee: z.string(),
    communeName: z.string().nullable(),
    finess: z.string().nullable(),
    capacity: z.number().int(),
    girMin: z.number().int(),
    girMax: z.number().int(),
    minAge: z.number().int().nullable(),
    otherConditions: z.string().nullable(),
    services: z.string().nullable(),
    monthlyPrice: z.number().nullable(),
    occupiedCount: z.number().int(),
    occupancyRate: z.number().int().nullable(),
    units: z.array(unitSchema),
    waitingList: z.array(waitingEntrySchema),
    closedEntries: z.array(waitingEntrySchema),
    canManage: z.boolean(),
  })
  .openapi('Residence');

export const residenceOptionsSchema = z
  .object({ organizations: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .openapi('ResidenceOptions');

export const createdSchema = z.object({ id: z.uuid() });

export type ResidenceSummary = z.infer<typeof residenceSummarySchema>;
export type ResidenceList = z.infer<typeof residenceListSchema>;
export type Residence = z.infer<typeof residenceSchema>;
export type ResidenceUnit = z.infer<typeof unitSchema>;
export type WaitingEntry = z.infer<typeof waitingEntrySchema>;
export type WaitingHistoryEvent = z.infer<typeof historyEventSchema>;
export type ResidenceOptions = z.infer<typeof residenceOptionsSchema>;

/** The choices the forms offer, for the browser (which does not load the domain folder directly). */
export { settableUnitStatuses, settableWaitingStatuses, unitTypologies };
