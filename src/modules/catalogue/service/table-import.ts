import { AppError, fieldError } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { readWorkbook } from '#src/modules/forms/index.ts';
import { MAX_IMPORT_BYTES, type ImportReport } from '#src/modules/catalogue/api/catalogue.schema.ts';
import { parseCsv, type TableRow } from '#src/modules/catalogue/domain/table-file.ts';

const t = messages.catalogue.imports;

/** The rows of an uploaded CSV or XLSX file (first sheet); anything else is a field error on `content`. */
export async function readTableFile(content: string): Promise<TableRow[]> {
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) throw fieldError('content', t.tooLarge);
  // Every .xlsx is a zip archive.
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const book = await readWorkbook(bytes).catch(() => {
      throw fieldError('content', t.unreadable);
    });
    return Object.values(book)[0] ?? [];
  }
  try {
    return parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw fieldError('content', t.unreadable); // not UTF-8 text
  }
}

/**
 * Imports are all or nothing: any line in error refuses the whole file, a 400 whose details carry the
 * line-by-line report; otherwise the caller writes every line in one transaction.
 */
export function refuseLinesInError(rows: ImportReport['rows']) {
  const errors = rows.filter((r) => r.errors.length > 0).length;
  if (errors > 0)
    throw new AppError('validation_failed', {
      message: t.refused(errors),
      details: { report: { created: 0, updated: 0, rows } satisfies ImportReport },
    });
}
