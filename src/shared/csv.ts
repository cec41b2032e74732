/**
 * CSV as French spreadsheets open it without an import dialog: UTF-8 with a byte order mark
 * (otherwise Excel reads it as Windows-1252), `;` between cells (`,` is the decimal separator),
 * CRLF line ends and RFC 4180 quoting.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection): names are typed by users.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: (string | number | null)[]): string => `${cells.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
