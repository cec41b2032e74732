import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { modalities, ratingFields, type RatingField } from '#src/modules/assessments/domain/aggir.ts';

/** The grid and the algorithm, for the browser: the page computes the GIR live with the server's function. */
export {
  compositeVariables,
  discriminantProfile,
  discriminantVariables,
  girOfRatings,
  illustrativeVariables,
  modalities,
  ratingFields,
} from '#src/modules/assessments/domain/aggir.ts';

const t = messages.assessments;

const rating = z.enum(modalities, { error: t.validation.ratingRequired }).openapi({ example: 'A' });

const ratingShape = Object.fromEntries(ratingFields.map((f) => [f, rating])) as Record<RatingField, typeof rating>;

export const personIdParamSchema = z.object({ personId: z.uuid() });

/** A filled grid: one letter per answer (flat, so each error sits next to its own radio group). */
export const aggirAssessmentInputSchema = z
  .object({
    assessedOn: z
      .string({ error: t.validation.dateRequired })
      .trim()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), t.validation.dateRequired)
      .refine((value) => value <= parisDay(new Date()), t.validation.dateFuture)
      .openapi({ format: 'date', example: '2026-11-20' }),
    pathwayId: z
      .uuid({ error: t.validation.pathwayUnknown })
      .nullish()
      .or(z.literal(''))
      .transform((v) => v || null)
      .openapi({ type: 'string', format: 'uuid' }),
    note: z
      .string()
      .trim()
      .max(2000, messages.validation.tooLong(2000))
      .nullish()
      .transform((v) => v || null)
      .openapi({ type: 'string' }),
    ...ratingShape,
  })
  .openapi('AggirAssessmentInput');
export type AggirAssessmentInput = z.output<typeof aggirAssessmentInputSchema>;

export const aggirAssessmentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    pathwayId: z.uuid().nullable(),
    assessedOn: z.string(),
    evaluator: z.object({ id: z.uuid(), name: z.string() }),
    ratings: z.object(ratingShape),
    gir: z.number().int(),
    rank: z.number().int(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AggirAssessment');
export type AggirAssessment = z.output<typeof aggirAssessmentSchema>;

export const aggirAssessmentListSchema = z.object({ items: z.array(aggirAssessmentSchema) });
export type AggirAssessmentList = z.output<typeof aggirAssessmentListSchema>;

/** The grid page: who is assessed and their past assessments. */
export const aggirContextSchema = z.object({
  person: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  items: z.array(aggirAssessmentSchema),
});
export type AggirContext = z.output<typeof aggirContextSchema>;

export const aggirCreatedSchema = z.object({ id: z.uuid(), gir: z.number().int(), fileUpdated: z.boolean() });
export type AggirCreated = z.output<typeof aggirCreatedSchema>;
