import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { INSEE_CODE_PATTERN } from '#src/modules/platform/domain/commune-search.ts';
import { organizationKinds } from '#src/modules/platform/domain/organization-kinds.ts';
import { checkSiret, normalizeSiret } from '#src/modules/platform/domain/siret.ts';

export { organizationKinds };

/** Empty means "no SIRET"; spaces are accepted and dropped; the Luhn key is checked. */
const siretField = z
  .string()
  .trim()
  .nullish()
  .superRefine((value, ctx) => {
    if (!value) return;
    const check = checkSiret(value);
    if (check === 'format') ctx.addIssue({ code: 'custom', message: messages.validation.siretFormat });
    if (check === 'key') ctx.addIssue({ code: 'custom', message: messages.validation.siretKey });
  })
  .transform((value) => (value ? normalizeSiret(value) : null))
  .openapi({
    type: 'string',
    description: 'SIRET, 14 digits (spaces allowed); empty or null for none',
    example: '732 829 320 00074',
  });

/** The format only: whether the code is in the official list is checked by the server (the list is 8 MB). */
const communeField = z
  .string()
  .trim()
  .toUpperCase()
  .nullish()
  .refine((value) => !value || INSEE_CODE_PATTERN.test(value), messages.organizations.inseeFormat)
  .transform((value) => value || null)
  .openapi({ type: 'string', description: 'INSEE code of the commune; empty or null for none', example: '59350' });

export const organizationFields = {
  kind: z.enum(organizationKinds, { error: messages.organizations.kindInvalid }),
  name: z
    .string({ error: messages.validation.nameRequired })
    .trim()
    .min(1, messages.validation.nameRequired)
    .max(200, messages.validation.tooLong(200)),
  siret: siretField,
  communeInsee: communeField,
};

/** Creating an organisation; the form validates with the same schema. */
export const organizationInputSchema = z.object(organizationFields);

export const organizationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({ enum: [...organizationKinds] }),
    name: z.string(),
    siret: z.string().nullable(),
    communeInsee: z.string().nullable(),
    communeName: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Organization');

/** `canManage` lets the page offer the forms only to those who may use them (the server still checks). */
export const organizationListSchema = z.object({ items: z.array(organizationSchema), canManage: z.boolean() });

export const organizationIdParamSchema = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) });

export type OrganizationInput = z.input<typeof organizationInputSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type OrganizationList = z.infer<typeof organizationListSchema>;
