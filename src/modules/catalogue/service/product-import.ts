import type { Actor } from '#src/shared/auth/actor.ts';
import { csvLine, CSV_BOM } from '#src/shared/csv.ts';
import type { Db } from '#src/shared/db/client.ts';
import { fieldError } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  productInputSchema,
  type ImportReport,
  type ProductInput,
} from '#src/modules/catalogue/api/catalogue.schema.ts';
import { formatIsoCode } from '#src/modules/catalogue/domain/iso.ts';
import {
  importHeaderOf,
  productImportFields,
  readProductRows,
  type ProductImportLine,
} from '#src/modules/catalogue/domain/product-import.ts';
import type { ImportIssue } from '#src/modules/catalogue/domain/table-file.ts';
import { listDistributors, listIsoCodes } from '#src/modules/catalogue/repo/reference.repo.ts';
import { insertCheckedProduct } from '#src/modules/catalogue/service/products.ts';
import { readTableFile, refuseLinesInError } from '#src/modules/catalogue/service/table-import.ts';

const v = messages.catalogue.validation;

export type CheckedProductLine = { row: number; key: string; errors: ImportIssue[]; input: ProductInput | null };

/**
 * Checks each line read from a file with the product form's own rules (the same zod schema, so a price
 * without its date or an LPP code of the wrong shape reads as on the form) and its ISO codes against the
 * workspace's list. An error found while reading a cell hides the form's error on the same column.
 */
export function checkProductLines(
  lines: ProductImportLine[],
  isoList: { code: string; edition: string }[],
): CheckedProductLine[] {
  const known = new Set(isoList.map((c) => `${c.edition}:${c.code}`));
  return lines.map((line) => {
    const errors = [...line.errors];
    const parsed = productInputSchema.safeParse(line.body);
    if (!parsed.success) {
      const read = new Set(line.errors.map((e) => e.column));
      for (const issue of parsed.error.issues) {
        const column = importHeaderOf(String(issue.path[0] ?? ''));
        if (!read.has(column)) errors.push({ column, message: issue.message });
      }
      return { row: line.row, key: line.name, errors, input: null };
    }
    const input = parsed.data;
    const unknown = (field: 'primaryIsoCode' | 'secondaryIsoCodes', code: string) => {
      if (!known.has(`${input.isoEdition}:${code}`))
        errors.push({ column: importHeaderOf(field), message: v.isoUnknown(formatIsoCode(code)) });
    };
    unknown('primaryIsoCode', input.primaryIsoCode);
    for (const code of input.secondaryIsoCodes) unknown('secondaryIsoCodes', code);
    return { row: line.row, key: line.name, errors, input: errors.length > 0 ? null : input };
  });
}

/**
 * Imports the products of a CSV or XLSX file: every line is checked first, and one bad line refuses the
 * file (400 with the report in details.report); otherwise all are written in one transaction, each audited
 * as a product created from the form.
 */
export async function importProducts(
  db: Db,
  actor: Actor,
  input: { content: string },
  requestId: string | null,
): Promise<ImportReport> {
  const [rows, distributors, isoList] = await Promise.all([
    readTableFile(input.content),
    listDistributors(db, actor.workspaceId),
    listIsoCodes(db, actor.workspaceId),
  ]);
  const { lines, headerError } = readProductRows(rows, distributors);
  if (headerError) throw fieldError('content', headerError);
  const checked = checkProductLines(lines, isoList);
  const report = checked.map(({ row, key, errors }) => ({ row, key, errors }));
  refuseLinesInError(report);
  await db.transaction(async (tx) => {
    for (const line of checked) await insertCheckedProduct(tx, actor, line.input!, requestId);
  });
  return { created: checked.length, updated: 0, rows: report };
}

/** The empty template: the header line in the template's order, as French spreadsheets open CSV. */
export const productImportTemplate = () => CSV_BOM + csvLine(productImportFields.map((f) => importHeaderOf(f)));
