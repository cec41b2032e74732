import { z } from '@hono/zod-openapi';

export const reportQuerySchema = z.object({ landlordId: z.uuid().optional() });

/** Counts only: a null cell is withheld (under the anonymity threshold) and reads "< 5". */
export const reportTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.array(z.number().int().nullable()) })),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const offerReportSchema = z.object({
  landlords: z.array(z.object({ id: z.uuid(), name: z.string() })),
  landlordId: z.uuid().nullable(),
  threshold: z.number().int(),
  indicators: z.array(z.object({ key: z.string(), label: z.string(), value: z.string().nullable() })),
  tables: z.array(reportTableSchema),
});
export type OfferReport = z.infer<typeof offerReportSchema>;
