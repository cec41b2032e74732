import { z } from '@hono/zod-openapi';

export const personSummarySchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    communeInsee: z.string().nullable(),
  })
  .openapi('PersonSummary');

export const personSearchQuerySchema = z.object({
  q: z.string().trim().min(2, 'Saisissez au moins 2 caractères.').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const personCaseloadQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const personIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

export type PersonSummary = z.infer<typeof personSummarySchema>;
