import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { responseStatuses } from '#src/modules/forms/api/form.schema.ts';

const t = messages.forms.search.validation;

export const SEARCH_PAGE_SIZE = 20;

const isoDate = z.iso.date({ error: t.dateInvalid }).optional();

/**
 * A filter left empty is absent ("any"). The page checks its fields with this same schema, once
 * the empty ones are left out, before the request goes out.
 */
export const responseSearchQuerySchema = z
  .object({
    q: z.string().trim().min(2, t.queryTooShort).max(100, t.queryTooLong).optional(),
    template: z.uuid({ error: t.templateInvalid }).optional(),
    status: z.enum(responseStatuses, { error: t.statusInvalid }).optional(),
    from: isoDate,
    to: isoDate,
    limit: z.coerce.number().int().min(1).max(50).default(SEARCH_PAGE_SIZE),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to < query.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: t.toBeforeFrom });
    }
  });
export type ResponseSearchQuery = z.infer<typeof responseSearchQuerySchema>;

export const responseSearchHitSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    templateTitle: z.string(),
    status: z.enum(responseStatuses),
    /** When it was submitted, or last saved for a draft. */
    date: z.string(),
    /** The first answer that matched, with its question; null when no words were searched. */
    excerpt: z.object({ question: z.string(), answer: z.string() }).nullable(),
  })
  .openapi('FormResponseSearchHit');
export type ResponseSearchHit = z.infer<typeof responseSearchHitSchema>;

export const responseSearchResultSchema = z
  .object({
    items: z.array(responseSearchHitSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('FormResponseSearchResult');
export type ResponseSearchResult = z.infer<typeof responseSearchResultSchema>;
