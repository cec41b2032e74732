import ExcelJS from 'exceljs';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { AppError, fieldError, notFound } from '#src/shared/errors.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  MAX_XLSFORM_BYTES,
  MAX_XLSFORM_KB,
  type XlsformCheck,
  type XlsformImported,
  type XlsformImportInput,
} from '#src/modules/forms/api/xlsform.schema.ts';
import {
  definitionToXlsform,
  hasErrors,
  summarize,
  xlsformToDefinition,
  type SheetRow,
  type Workbook,
  type XlsformImport,
} from '#src/modules/forms/domain/xlsform.ts';
import { createTemplate, getVersion, publishVersion } from '#src/modules/forms/service/forms.ts';
import { findTemplate } from '#src/modules/forms/repo/forms.repo.ts';

/** Reading and writing XLSForm files (.xlsx through exceljs) around the pure mapping of domain/xlsform.ts. */

const t = messages.forms.xlsform;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as the text the spreadsheet shows: formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? '' : cellText(result);
  }
  if ('hyperlink' in value) return cellText(value.text);
  return '';
}

/** The file's sheets as plain rows; anything that is not an .xlsx workbook is a 400 on `file`. */
export async function readWorkbook(bytes: Buffer): Promise<Workbook> {
  if (bytes.length > MAX_XLSFORM_BYTES) throw fieldError('file', t.tooLarge(MAX_XLSFORM_KB));
  // Every .xlsx is a zip archive: refuse anything else (an old .xls, a CSV) before parsing it.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw fieldError('file', t.notXlsx);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw fieldError('file', t.notXlsx);
  }
  const workbook: Workbook = {};
  book.eachSheet((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      // row.values is indexed by column number, from 1.
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows.push({ row: number, cells: Array.from(values, (v) => cellText(v ?? null)) });
    });
    workbook[sheet.name] = rows;
  });
  return workbook;
}

export async function writeWorkbook(workbook: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(workbook)) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of rows) sheet.getRow(row.row).values = row.cells.map((cell) => cell || null);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => (column.width = 24));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const decode = (base64: string) => Buffer.from(base64, 'base64');

const toCheck = (result: XlsformImport): XlsformCheck => ({
  importable: !hasErrors(result.report),
  report: result.report,
  settings: result.settings,
  preview: summarize(result.definition),
});

/** The line-by-line report and a preview of what an import would create; writes nothing. */
export async function checkXlsform(input: { file: string }): Promise<XlsformCheck> {
  return toCheck(xlsformToDefinition(await readWorkbook(decode(input.file))));
}

/**
 * Creates a template from the file, or publishes it as the next version of `templateId`, through
 * the same service functions (and audit) as the builder. Any error line refuses the whole file:
 * 400 on `file`, with the report in `details.report`.
 */
export async function importXlsform(
  db: Db,
  actor: Actor,
  input: XlsformImportInput,
  requestId: string,
): Promise<XlsformImported> {
  // An unseen template answers 404 whatever the file holds.
  if (input.templateId && !(await findTemplate(db, actor.workspaceId, input.templateId))) throw notFound();
  const result = xlsformToDefinition(await readWorkbook(decode(input.file)));
  const errors = result.report.filter((line) => line.severity === 'error').length;
  if (errors > 0) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'file', message: t.hasErrors(errors) }],
      details: { report: result.report },
    });
  }
  const { definition } = result;
  const created = input.templateId
    ? await publishVersion(db, actor, input.templateId, { definition }, requestId)
    : await createTemplate(
        db,
        actor,
        { key: input.key!, title: input.title!, kind: input.kind!, definition },
        requestId,
      );
  return { ...created, report: result.report };
}

/** A published version as an XLSForm workbook named after its template's key and version. */
export async function exportXlsform(db: Db, actor: Actor, versionId: string) {
  const version = await getVersion(db, actor, versionId);
  const template = await findTemplate(db, actor.workspaceId, version.templateId);
  if (!template) throw notFound();
  const workbook = definitionToXlsform(version.definition, {
    title: version.templateTitle,
    key: template.key,
    version: version.version,
  });
  return { fileName: `${template.key}-v${version.version}.xlsx`, bytes: await writeWorkbook(workbook) };
}
