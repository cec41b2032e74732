import { z } from '@hono/zod-openapi';
import { messages } from '#src/shared/i18n/fr.ts';
import { templateCreateSchema } from '#src/modules/forms/api/form.schema.ts';

const t = messages.forms.xlsform;

/**
 * An XLSForm travels as base64 in a JSON body: the app's one request format, checked by the same
 * validation, permission and CSRF path as every other route. The whole API body is capped at 1 MiB,
 * so the file is capped below what its base64 takes there.
 */
export const MAX_XLSFORM_BYTES = 512 * 1024;
export const MAX_XLSFORM_KB = MAX_XLSFORM_BYTES / 1024;
const maxBase64Length = Math.ceil(MAX_XLSFORM_BYTES / 3) * 4;

export const xlsformFileSchema = z.object({
  file: z
    .base64({ error: (issue) => (issue.input === undefined ? t.fileRequired : t.notXlsx) })
    .min(1, t.fileRequired)
    .max(maxBase64Length, t.tooLarge(MAX_XLSFORM_KB))
    .openapi({ description: 'The .xlsx file, base64-encoded' }),
});

const required = messages.validation.required;

/** A new template (key, title, kind), or `templateId` to publish the file as its next version. */
export const xlsformImportSchema = xlsformFileSchema
  .extend({
    templateId: z.uuid({ error: 'Identifiant invalide.' }).optional(),
    key: templateCreateSchema.shape.key.optional(),
    title: templateCreateSchema.shape.title.optional(),
    kind: templateCreateSchema.shape.kind.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.templateId) return;
    for (const field of ['key', 'title', 'kind'] as const) {
      if (!value[field]) ctx.addIssue({ code: 'custom', path: [field], message: required });
    }
  });
export type XlsformImportInput = z.infer<typeof xlsformImportSchema>;

export const reportLineSchema = z.object({
  severity: z.enum(['error', 'warning']),
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ReportLine = z.infer<typeof reportLineSchema>;

export const xlsformCheckSchema = z
  .object({
    /** Any error line blocks the import; warning lines say what will be left out. */
    importable: z.boolean(),
    report: z.array(reportLineSchema),
    settings: z.object({ title: z.string().nullable(), key: z.string().nullable(), version: z.string().nullable() }),
    preview: z.object({
      sections: z.array(
        z.object({ name: z.string(), title: z.string(), questions: z.number().int(), repeats: z.array(z.string()) }),
      ),
      questions: z.number().int(),
    }),
  })
  .openapi('XlsformCheck');
export type XlsformCheck = z.infer<typeof xlsformCheckSchema>;

export const xlsformImportedSchema = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  report: z.array(reportLineSchema),
});
export type XlsformImported = z.infer<typeof xlsformImportedSchema>;
