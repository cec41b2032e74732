import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';

export const AUDIT_PAGE_MAX = 200;

/** An action name, or a prefix of one when it ends with `*` (`person.*`). */
const ACTION_PATTERN = /^[a-z0-9_.]{1,100}\*?$/;

const dayField = z.iso
  .date({ error: messages.audit.dateInvalid })
  .optional()
  .openapi({ description: 'Calendar day in Europe/Paris, inclusive (YYYY-MM-DD)', example: '2026-01-15' });

const filterFields = {
  userId: z.uuid({ error: messages.audit.userInvalid }).optional().openapi({ description: 'Author of the action' }),
  personId: z.uuid({ error: messages.audit.personInvalid }).optional().openapi({ description: 'Person concerned' }),
  from: dayField,
  to: dayField,
  action: z
    .string()
    .trim()
    // Action names are lower-case; "Person.Read" typed in a search box means the same thing.
    .toLowerCase()
    .regex(ACTION_PATTERN, messages.audit.actionInvalid)
    .optional()
    .openapi({ description: 'Exact action, or a prefix ending with *', example: 'person.*' }),
};

const periodInOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const periodIssue = { path: ['to'], message: messages.audit.periodReversed };

export const auditExportQuerySchema = z.object(filterFields).refine(periodInOrder, periodIssue);

export const auditSearchQuerySchema = z
  .object({
    ...filterFields,
    before: z.coerce
      .number({ error: messages.audit.cursorInvalid })
      .int(messages.audit.cursorInvalid)
      .min(1, messages.audit.cursorInvalid)
      .optional()
      .openapi({ description: 'Keyset cursor: only rows whose seq is below it (the nextBefore of the previous page)' }),
    limit: z.coerce
      .number({ error: messages.audit.limitInvalid(AUDIT_PAGE_MAX) })
      .int(messages.audit.limitInvalid(AUDIT_PAGE_MAX))
      .min(1, messages.audit.limitInvalid(AUDIT_PAGE_MAX))
      .max(AUDIT_PAGE_MAX, messages.audit.limitInvalid(AUDIT_PAGE_MAX))
      .default(50),
  })
  .refine(periodInOrder, periodIssue);

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.object({ id: z.uuid(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    personId: z.uuid().nullable(),
    changedFields: z.array(z.string()),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    /** Pass as `before` to get the next (older) page; null on the last page. */
    nextBefore: z.number().int().nullable(),
  })
  .openapi('AuditPage');

export type AuditFilterQuery = z.infer<typeof auditExportQuerySchema>;
export type AuditSearchQuery = z.infer<typeof auditSearchQuerySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
