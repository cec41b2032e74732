import { messages } from '#src/shared/i18n/fr.ts';
import { isoClassLabelOf, parseIsoCode } from '#src/modules/catalogue/domain/iso.ts';
import { headerKey, type ImportIssue, type TableRow } from '#src/modules/catalogue/domain/table-file.ts';

const t = messages.catalogue.imports;

export type IsoImportLine = { row: number; code: string; label: string; errors: ImportIssue[] };

const codeHeaders = new Set(['code', 'codeiso', 'iso']);
const labelHeaders = new Set(['libelle', 'titre', 'title', 'label', 'intitule']);

/**
 * Checks a workspace's ISO 9999 list (a header line, then code and label rows) line by line. Only subclasses
 * and divisions are imported: the classes ship with the product.
 */
export function checkIsoRows(rows: TableRow[]): { lines: IsoImportLine[]; headerError: string | null } {
  const [header, ...data] = rows;
  if (!header || data.length === 0) return { lines: [], headerError: t.empty };
  const keys = header.cells.map(headerKey);
  const codeAt = keys.findIndex((k) => codeHeaders.has(k));
  const labelAt = keys.findIndex((k) => labelHeaders.has(k));
  if (codeAt < 0 || labelAt < 0) return { lines: [], headerError: t.missingColumns('code ; libellé') };
  const seen = new Set<string>();
  const lines = data.map(({ row, cells }) => {
    const rawCode = cells[codeAt] ?? '';
    const label = (cells[labelAt] ?? '').trim();
    const errors: ImportIssue[] = [];
    const onCode = (message: string) => errors.push({ column: header.cells[codeAt]!, message });
    const code = parseIsoCode(rawCode);
    if (!code || code.length < 4) onCode(t.rowCode);
    else if (!isoClassLabelOf(code)) onCode(t.rowClassUnknown);
    else if (seen.has(code)) onCode(t.rowDuplicate);
    if (!label) errors.push({ column: header.cells[labelAt]!, message: t.rowTitle });
    if (code) seen.add(code);
    return { row, code: code ?? rawCode, label, errors };
  });
  return { lines, headerError: null };
}
