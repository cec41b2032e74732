import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';

const t = messages.caseReviews;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, messages.validation.tooLong(max))
    .nullish()
    .transform((v) => v || null)
    .openapi({ type: 'string' });

const optionalUuid = (message: string) =>
  z
    .uuid({ error: message })
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null)
    .openapi({ type: 'string', format: 'uuid' });

export const caseReviewInputSchema = z
  .object({
    title: z
      .string({ error: t.titleRequired })
      .trim()
      .min(1, t.titleRequired)
      .max(200, messages.validation.tooLong(200)),
    // Paris wall-clock date and time, as the agents think of their meetings.
    date: z
      .string({ error: t.scheduledAtInvalid })
      .trim()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), t.scheduledAtInvalid)
      .openapi({ format: 'date', example: '2026-12-03' }),
    time: z
      .string({ error: t.timeInvalid })
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, t.timeInvalid)
      .openapi({ example: '14:00' }),
    place: optionalText(200),
    organizationId: optionalUuid(t.organizationInvalid),
    participantUserIds: z
      .array(z.uuid({ error: t.participantUnknown }))
      .max(50)
      .default([]),
  })
  .openapi('CaseReviewInput');
export type CaseReviewInput = z.output<typeof caseReviewInputSchema>;

export const participantsInputSchema = caseReviewInputSchema
  .pick({ participantUserIds: true })
  .openapi('ParticipantsInput');

export const caseReviewListQuerySchema = z.object({ when: z.enum(['upcoming', 'past']).default('upcoming') });

export const caseReviewSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    scheduledAt: z.string(),
    place: z.string().nullable(),
    organizerName: z.string(),
    itemCount: z.number().int(),
  })
  .openapi('CaseReviewSummary');

export const caseReviewListSchema = z.object({ items: z.array(caseReviewSummarySchema) });

const decisionSchema = z.object({ id: z.uuid(), text: z.string(), taskId: z.uuid().nullable(), createdAt: z.string() });

/**
 * An agenda item as every participant sees it: the person's name and the minutes are shared by the
 * agenda; `canOpenFile` says whether the viewer may also open the pathway itself.
 */
export const caseReviewItemSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  pathwayId: z.uuid(),
  personName: z.string(),
  summary: z.string().nullable(),
  decisions: z.array(decisionSchema),
  canOpenFile: z.boolean(),
});

export const caseReviewSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    scheduledAt: z.string(),
    place: z.string().nullable(),
    organizerName: z.string(),
    participants: z.array(z.object({ userId: z.uuid(), name: z.string(), organizationName: z.string() })),
    items: z.array(caseReviewItemSchema),
    canEdit: z.boolean(),
  })
  .openapi('CaseReview');

export const caseReviewIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });
export const caseReviewItemParamSchema = z.object({
  id: z.uuid({ error: 'Identifiant invalide.' }),
  itemId: z.uuid({ error: 'Identifiant invalide.' }),
});

export const agendaItemInputSchema = z
  .object({ pathwayId: z.uuid({ error: t.pathwayUnknown }) })
  .openapi('CaseReviewItemInput');

export const summaryInputSchema = z.object({ summary: optionalText(10000) }).openapi('CaseReviewSummaryInput');

export const decisionInputSchema = z
  .object({
    text: z
      .string({ error: t.decisionRequired })
      .trim()
      .min(1, t.decisionRequired)
      .max(2000, messages.validation.tooLong(2000)),
    assigneeUserId: optionalUuid(t.taskNeedsBoth),
    dueDate: z
      .string()
      .trim()
      .nullish()
      .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), t.dueDateInvalid)
      .transform((v) => v || null)
      .openapi({ type: 'string', format: 'date' }),
  })
  .openapi('CaseReviewDecisionInput');
export type DecisionInput = z.output<typeof decisionInputSchema>;

/** Who may be invited, and the organisations the actor may organise for. */
export const caseReviewOptionsSchema = z
  .object({
    users: z.array(z.object({ userId: z.uuid(), name: z.string(), organizationName: z.string() })),
    organizations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .openapi('CaseReviewOptions');

export const createdSchema = z.object({ id: z.uuid() });

export type CaseReview = z.infer<typeof caseReviewSchema>;
export type CaseReviewItem = z.infer<typeof caseReviewItemSchema>;
export type CaseReviewList = z.infer<typeof caseReviewListSchema>;
export type CaseReviewOptions = z.infer<typeof caseReviewOptionsSchema>;
