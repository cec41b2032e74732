import { messages } from '#src/shared/i18n/fr.ts';
import { eurosToCents } from '#src/modules/catalogue/domain/money.ts';
import { headerKey, type ImportIssue, type TableRow } from '#src/modules/catalogue/domain/table-file.ts';
import { activityCodes, productKinds, roomCodes } from '#src/modules/catalogue/domain/vocabulary.ts';

const t = messages.catalogue.imports;
const p = messages.catalogue.productImport;

/** The fields of the product form a file may fill, in the template's order. */
export const productImportFields = [
  'name',
  'kind',
  'description',
  'primaryIsoCode',
  'secondaryIsoCodes',
  'isoEdition',
  'manufacturer',
  'distributorIds',
  'averagePriceCents',
  'priceDate',
  'priceSource',
  'lppCode',
  'reimbursementBaseCents',
  'priceCeilingCents',
  'activities',
  'rooms',
  'dimensions',
  'features',
] as const;
export type ProductImportField = (typeof productImportFields)[number];
const requiredFields: ProductImportField[] = ['name', 'primaryIsoCode'];
export const isRequiredImportField = (field: ProductImportField) => requiredFields.includes(field);

/** The header a field has in the template and in the report. */
export const importHeaderOf = (field: string) =>
  (p.columns as Record<string, { header: string } | undefined>)[field]?.header ?? null;

/**
 * A line of a product file turned into the body the product form sends, with the errors found while reading
 * its cells (an amount that is not one, an unknown activity, room or distributor); the form's own rules are
 * checked afterwards on `body`.
 */
export type ProductImportLine = {
  row: number;
  name: string;
  body: Record<string, unknown>;
  errors: ImportIssue[];
};

/** Accent-, case- and space-insensitive key, to match labels and names as people type them. */
const looseKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const splitList = (cell: string, separators: RegExp) =>
  cell
    .split(separators)
    .map((part) => part.trim())
    .filter(Boolean);
const CODES = /[,;|\n]/;
const NAMES = /[|;\n]/;

/** A vocabulary matched by its code or its French label. */
const lookupOf = <C extends string>(codes: readonly C[], labels: Record<C, string>) => {
  const byKey = new Map<string, C>();
  for (const code of codes) {
    byKey.set(looseKey(code), code);
    byKey.set(looseKey(labels[code]), code);
  }
  return (value: string) => byKey.get(looseKey(value)) ?? null;
};
const activityOf = lookupOf(activityCodes, messages.catalogue.activities);
const roomOf = lookupOf(roomCodes, messages.catalogue.rooms);
const kindOf = lookupOf(productKinds, messages.catalogue.kinds);

/** The codes a cell lists, each found by its code or label; an unknown one is an error of the cell. */
const codesIn = <C extends string>(
  cell: string,
  find: (value: string) => C | null,
  unknown: (value: string) => string,
  fail: (message: string) => void,
) =>
  splitList(cell, CODES).flatMap((value) => {
    const code = find(value);
    if (!code) fail(unknown(value));
    return code ? [code] : [];
  });

/** « 15/09/2026 » (French spreadsheets) → « 2026-09-15 »; anything else is left for the date rule to judge. */
const isoDay = (cell: string) => {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  return french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : cell;
};

/**
 * Reads a product file (a header line, then a product per line) into product-form bodies. Columns are found
 * by their header, whatever its case or accents; a column the template does not have is refused, so a typo in
 * a header never drops a column silently. Distributors are named: each name must be one distributor.
 */
export function readProductRows(
  rows: TableRow[],
  distributors: { id: string; name: string }[],
): { lines: ProductImportLine[]; headerError: string | null } {
  const [header, ...data] = rows;
  if (!header || data.length === 0) return { lines: [], headerError: t.empty };
  const fieldByKey = new Map(productImportFields.map((f) => [headerKey(importHeaderOf(f)!), f]));
  const columns: (ProductImportField | null)[] = [];
  for (const cell of header.cells) {
    if (!cell) {
      columns.push(null);
      continue;
    }
    const field = fieldByKey.get(headerKey(cell));
    if (!field) return { lines: [], headerError: t.unknownColumn(cell) };
    columns.push(field);
  }
  const missing = requiredFields.filter((f) => !columns.includes(f));
  if (missing.length > 0) return { lines: [], headerError: t.missingColumns(missing.map(importHeaderOf).join(' ; ')) };

  const idsByName = new Map<string, string[]>();
  for (const d of distributors) idsByName.set(looseKey(d.name), [...(idsByName.get(looseKey(d.name)) ?? []), d.id]);

  const lines = data.map(({ row, cells }) => {
    const errors: ImportIssue[] = [];
    const body: Record<string, unknown> = {};
    columns.forEach((field, i) => {
      if (!field) return;
      const cell = (cells[i] ?? '').trim();
      const column = importHeaderOf(field);
      const fail = (message: string) => errors.push({ column, message });
      switch (field) {
        case 'averagePriceCents':
        case 'reimbursementBaseCents':
        case 'priceCeilingCents': {
          const cents = eurosToCents(cell);
          if (Number.isNaN(cents)) fail(p.amount);
          else body[field] = cents;
          break;
        }
        case 'priceDate':
          body[field] = isoDay(cell);
          break;
        case 'kind': {
          const kind = cell ? kindOf(cell) : 'product';
          if (kind) body[field] = kind;
          else fail(p.unknownKind(cell));
          break;
        }
        case 'isoEdition':
          if (cell) body[field] = cell;
          break;
        case 'secondaryIsoCodes':
          body[field] = splitList(cell, CODES);
          break;
        case 'activities':
          body[field] = codesIn(cell, activityOf, p.unknownActivity, fail);
          break;
        case 'rooms':
          body[field] = codesIn(cell, roomOf, p.unknownRoom, fail);
          break;
        case 'features':
          body[field] = splitList(cell, NAMES).map((line) => {
            const at = line.indexOf(':');
            return at < 0
              ? { key: line, value: '' }
              : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
          });
          break;
        case 'distributorIds':
          body[field] = splitList(cell, NAMES).flatMap((name) => {
            const ids = idsByName.get(looseKey(name)) ?? [];
            if (ids.length !== 1) fail(ids.length === 0 ? p.unknownDistributor(name) : p.ambiguousDistributor(name));
            return ids.slice(0, 1);
          });
          break;
        default:
          body[field] = cell;
      }
    });
    const nameAt = columns.indexOf('name');
    return { row, name: (cells[nameAt] ?? '').trim(), body, errors };
  });
  return { lines, headerError: null };
}
