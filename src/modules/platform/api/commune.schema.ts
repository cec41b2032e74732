import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { communeTypes } from '#src/modules/platform/domain/commune-search.ts';

export const communeSchema = z
  .object({
    code: z.string().openapi({ description: 'Code INSEE (COG)', example: '59350' }),
    name: z.string(),
    departement: z.string(),
    postalCodes: z.array(z.string()),
    type: z.enum(communeTypes),
    chefLieu: z
      .string()
      .nullable()
      .openapi({ description: 'For a delegated or associated commune, the INSEE code of its commune' }),
    chefLieuName: z.string().nullable(),
  })
  .openapi('Commune');

export const communeSearchQuerySchema = z.object({
  q: z.string().trim().min(2, messages.communes.tooShort).max(100, messages.validation.tooLong(100)),
});

export type CommuneView = z.infer<typeof communeSchema>;
